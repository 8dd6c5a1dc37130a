import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors/index.ts';
import { packageVersion } from '../files/package-root.ts';
import { withMarker } from '../files/generated-file.ts';
import { generatedFiles } from '../sync/targets.ts';

// A fresh `git init` or a clone of an empty repository: still an empty handbook folder.
const ALLOWED_IN_EMPTY = new Set(['.git']);

/**
 * Write the handbook into `folder`, whole or not at all: every file goes to a staging folder
 * beside it first (the generated workflows, form and CODEOWNERS are made there from the starter
 * content, as `plainbook sync` makes them), which then becomes the folder in one rename (or is
 * copied in, when the folder already exists). A failure removes the staging folder and leaves
 * `folder` as it was. Returns the paths written.
 */
export async function writeHandbook(folder: string, files: ReadonlyMap<string, string>, options: { force: boolean; env: Readonly<Record<string, string | undefined>> }): Promise<string[]> {
  refuseUnlessEmpty(folder, options.force);
  mkdirSync(dirname(folder), { recursive: true });
  const staging = mkdtempSync(join(dirname(folder), `.${basename(folder)}.plainbook-init-`));
  try {
    for (const [path, text] of files) writeInto(staging, path, text);
    // The handbook's own settings, whatever CI variables the caller has.
    const env = { ...options.env, GITHUB_REPOSITORY: undefined, SITE_URL: undefined, PLAINBOOK_CONTENT_DIR: undefined };
    const generated = await generatedFiles(staging, env);
    for (const file of generated) writeInto(staging, file.path, withMarker(file.body, packageVersion()));
    if (existsSync(folder)) cpSync(staging, folder, { recursive: true, force: true });
    else renameSync(staging, folder);
    return [...files.keys(), ...generated.map((file) => file.path)].sort();
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function refuseUnlessEmpty(folder: string, force: boolean): void {
  if (!existsSync(folder) || force) return;
  const entries = readdirSync(folder).filter((name) => !ALLOWED_IN_EMPTY.has(name));
  if (entries.length === 0) return;
  const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', …' : '');
  throw new UsageError(`Cannot start a handbook in ${folder}: the folder is not empty (${shown}). Name a new folder, such as \`plainbook init my-handbook\`, or pass --force to write into this one.`);
}

function writeInto(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
