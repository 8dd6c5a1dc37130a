import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FileResult } from './result.ts';

/** Bump when a change to the pipeline or rules changes results for the same input. */
export const CACHE_VERSION = 1;

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

function readEntries(path: string): Map<string, FileResult> {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { version?: number; entries?: Record<string, FileResult> };
    if (data.version !== CACHE_VERSION || !data.entries) return new Map();
    return new Map(Object.entries(data.entries));
  } catch {
    // A missing or damaged cache only costs time.
    return new Map();
  }
}
