/**
 * The documents an import names: files as given, folders searched for every kind the import
 * reads. Word's lock files (`~$name.docx`) and hidden files are never documents.
 */
import { stat } from 'node:fs/promises';
import { extname, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { userPath } from '../command/project.ts';
import { UsageError } from '../errors/index.ts';
import { IMPORTABLE_EXTENSIONS, unknownExtension } from './import-document.ts';

export interface DocumentPath {
  absolutePath: string;
  /** As the user would write it: relative to where they stand. */
  shownPath: string;
}

export interface Gathered {
  documents: DocumentPath[];
  /** Files in the named folders that are not documents the import reads. */
  skipped: number;
}

export async function gatherDocuments(paths: readonly string[], cwd: string): Promise<Gathered> {
  const documents = new Map<string, DocumentPath>();
  let skipped = 0;
  for (const given of paths) {
    const absolutePath = userPath(cwd, given);
    const kind = await kindOf(absolutePath, given);
    if (kind === 'file') {
      if (!IMPORTABLE_EXTENSIONS.includes(extname(absolutePath).toLowerCase())) throw unknownExtension(given, extname(absolutePath).toLowerCase());
      documents.set(absolutePath, { absolutePath, shownPath: shown(absolutePath, cwd) });
      continue;
    }
    const all = await glob('**/*', { cwd: absolutePath, absolute: true, dot: false, onlyFiles: true });
    const found = all.filter((path) => IMPORTABLE_EXTENSIONS.includes(extname(path).toLowerCase()) && !/(^|\/)~\$/.test(path));
    skipped += all.length - found.length;
    if (found.length === 0) throw new UsageError(`Cannot find documents in ${given}: expected files ending in ${IMPORTABLE_EXTENSIONS.join(', ')}.`);
    for (const path of found.sort()) documents.set(path, { absolutePath: path, shownPath: shown(path, cwd) });
  }
  return { documents: [...documents.values()], skipped };
}

async function kindOf(absolutePath: string, given: string): Promise<'file' | 'folder'> {
  try {
    return (await stat(absolutePath)).isDirectory() ? 'folder' : 'file';
  } catch {
    throw new UsageError(`Cannot find ${given}: no such file or folder. Check the path (it is read from where you run the command).`);
  }
}

function shown(path: string, cwd: string): string {
  const fromHere = relative(cwd, path);
  return fromHere && !fromHere.startsWith('..') ? fromHere : path;
}
