import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../files/package-root.ts';
import { RULE_IDS, severityOf } from '../schema/lint.ts';
import type { LintContext } from './lint-file.ts';
import type { FileResult } from './result.ts';

/** Bump when the cache file's own format changes. Code and dependency changes are seen by `codeFingerprint`. */
export const CACHE_VERSION = 2;

/** Where results are kept, relative to the project root; the site build reads them too. */
export const LINT_CACHE_FILE = 'node_modules/.cache/plainbook/lint.json';

/**
 * The files a lint result depends on: all of the plainbook package's source (shipped with it, so
 * the compiled CLI and the site build hash the same files; the lint reaches into src/markdown,
 * src/policies and src/schema too, and a list of its modules once missed one) and the project's
 * installed packages (retext plugins, dictionaries).
 */
export function codeSources(projectRoot: string, packageRoot: string = PACKAGE_ROOT): string[] {
  return [join(packageRoot, 'src'), join(projectRoot, 'node_modules/.package-lock.json')];
}

/** Everything besides a file's own text that its result depends on. */
export function contextFingerprint(context: LintContext, code: string): string {
  const severities = Object.fromEntries(RULE_IDS.map((rule) => [rule, severityOf(context.settings, rule)]));
  return createHash('sha256')
    .update(JSON.stringify({ version: CACHE_VERSION, code, settings: context.settings, severities, words: context.personalWords, suggest: context.suggest ?? false }))
    .digest('hex');
}

/**
 * The key part shared by every file of one run, for each of `contexts`; the CLI and the site
 * build compute it here alike, and the code (all of src/) is hashed once for all of them.
 */
export function lintFingerprints(contexts: readonly LintContext[], projectRoot: string, packageRoot: string = PACKAGE_ROOT): string[] {
  const code = codeFingerprint(codeSources(projectRoot, packageRoot));
  return contexts.map((context) => contextFingerprint(context, code));
}

/**
 * What the lint's results depend on besides the input and settings: its own code and the
 * installed packages (retext plugins, dictionaries). A cache that ignored them once served
 * results from before a rule's default changed.
 */
export function codeFingerprint(paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) hashPath(hash, path);
  return hash.digest('hex');
}

function hashPath(hash: ReturnType<typeof createHash>, path: string): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) hashPath(hash, join(path, name));
    return;
  }
  hash.update(path).update('\0').update(readFileSync(path)).update('\0');
}

/**
 * Results by content hash, so unchanged files are not linted again. The key covers everything a
 * result depends on: the file's path and text, the settings, the word list and CACHE_VERSION.
 */
export class LintCache {
  readonly #path: string | undefined;
  readonly #entries: Map<string, FileResult>;
  readonly #used = new Map<string, FileResult>();

  constructor(path: string | undefined) {
    this.#path = path;
    this.#entries = path ? readEntries(path) : new Map();
  }

  get(key: string): FileResult | undefined {
    const hit = this.#entries.get(key);
    if (hit) this.#used.set(key, hit);
    return hit;
  }

  set(key: string, result: FileResult): void {
    this.#used.set(key, result);
  }

  /** Keep what this run used: a cache of the current handbook, not of every past version. */
  save(): void {
    if (!this.#path) return;
    mkdirSync(dirname(this.#path), { recursive: true });
    const temporary = `${this.#path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: CACHE_VERSION, entries: Object.fromEntries(this.#used) }));
    renameSync(temporary, this.#path);
  }
}

export function cacheKey(parts: { path: string; source: string; fingerprint: string }): string {
  return createHash('sha256').update(parts.fingerprint).update('\0').update(parts.path).update('\0').update(parts.source).digest('hex');
}

export function readEntries(path: string): Map<string, FileResult> {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { version?: number; entries?: Record<string, FileResult> };
    if (data.version !== CACHE_VERSION || !data.entries) return new Map();
    return new Map(Object.entries(data.entries));
  } catch {
    // A missing or damaged cache only costs time.
    return new Map();
  }
}
