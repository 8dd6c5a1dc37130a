/**
 * Files Plainbook writes into a handbook (workflows, the feedback form, CODEOWNERS) begin with
 * one marker line:
 *
 *     # plainbook:generated 0.2.0 sha256:9f86d081884c7d65
 *
 * The hash is of everything below that line as it was written. If the text still hashes to it,
 * no person has edited the file and `plainbook sync` may replace it; if not, sync leaves it and
 * shows the difference instead.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeWhole } from './write-whole.ts';

const MARKER = /^# plainbook:generated (\S+) sha256:([0-9a-f]{16})\r?\n/;

// 64 bits tell an edited file from an untouched one; nobody forges this, it only spots edits.
const HASH_LENGTH = 16;

/** A file Plainbook writes in a handbook and keeps current. */
export interface GeneratedFile {
  /** Relative to the handbook root, with `/`. */
  path: string;
  /** The text below the marker line. */
  body: string;
}

export interface GeneratedHeader {
  version: string;
  hash: string;
  body: string;
  /** The body no longer matches the hash: a person (or another tool) changed the file. */
  edited: boolean;
}

export function bodyHash(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, HASH_LENGTH);
}

/** The file's text: the marker line for `version`, then `body`. */
export function withMarker(body: string, version: string): string {
  return `# plainbook:generated ${version} sha256:${bodyHash(body)}\n${body}`;
}

/** The marker of a generated file, or undefined when the text has none (a person's own file). */
export function readMarker(text: string): GeneratedHeader | undefined {
  const match = MARKER.exec(text);
  if (!match) return undefined;
  const body = text.slice(match[0].length);
  const [, version = '', hash = ''] = match;
  return { version, hash, body, edited: bodyHash(body) !== hash };
}

/** Everything but the marker line: what `--check` compares, so an upgrade alone is not a change. */
export function withoutMarker(text: string): string {
  return readMarker(text)?.body ?? text;
}

export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * `plainbook forms` and `plainbook owners`: compare the file with what the policies make now
 * and, unless only checking, write it (with this version's marker) when its text differs.
 * `matches` compares bodies only, so a file from an older Plainbook with the same lines passes.
 */
export function regenerate(root: string, file: GeneratedFile, version: string, check: boolean): { current: string | undefined; matches: boolean; written: boolean } {
  const path = join(root, file.path);
  const current = readText(path);
  const matches = current !== undefined && withoutMarker(current) === file.body;
  const next = withMarker(file.body, version);
  const written = !check && current !== next;
  if (written) writeWhole(path, next);
  return { current, matches, written };
}
