/**
 * The content folder's git history and each policy's versions, worked out once per build and
 * shared by everything that needs them: the content loaders and pages (which Vite bundles as
 * copies of their own) and the build's last step that writes the version pages (plain Node). A
 * registered global symbol is one value for every copy, as in src/lint/build-lint.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readContentHistory, type ContentHistory } from './git-history.ts';
import { missingVersionsNote, policyVersions, recordIsWhole, type PolicyVersion } from './versions.ts';

export interface HistorySource {
  root: string;
  contentPath: string;
  history?: 'whole' | 'partial';
}

export interface ShareOptions {
  /** Read again instead of reusing: the dev server, so new commits show up without a restart. */
  fresh: boolean;
  /** Hears once that there is no history to read (see readContentHistory). */
  onNotice?: (notice: string) => void;
}

/** A policy's versions as git rebuilds them, and whether the record is whole. */
export interface VersionRecord {
  versions: PolicyVersion[];
  /** False when git's record no longer rebuilds every version (see recordIsWhole). */
  whole: boolean;
  /** What the policy's pages say then. */
  missing: string | undefined;
}

const HISTORIES = Symbol.for('plainbook.content-history');
const RECORDS = Symbol.for('plainbook.version-records');
type Registry = typeof globalThis & {
  [HISTORIES]?: Map<string, Promise<ContentHistory>>;
  // Keyed by the history read, so a dev server's fresh read never meets an old record.
  [RECORDS]?: WeakMap<ContentHistory, Map<string, Promise<VersionRecord>>>;
};
const registry = globalThis as Registry;

export function sharedContentHistory(source: HistorySource, options: ShareOptions): Promise<ContentHistory> {
  const histories = (registry[HISTORIES] ??= new Map());
  const key = `${source.root}\0${source.contentPath}`;
  let pending = options.fresh ? undefined : histories.get(key);
  if (!pending) {
    pending = readContentHistory(source.root, source.contentPath, { partial: source.history === 'partial', ...(options.onNotice ? { onNotice: options.onNotice } : {}) });
    histories.set(key, pending);
  }
  return pending;
}

/** The versions of the policy in `filePath` (root-relative), from the history given. */
export function versionRecord(root: string, history: ContentHistory, filePath: string): Promise<VersionRecord> {
  const records = (registry[RECORDS] ??= new WeakMap());
  let byFile = records.get(history);
  if (!byFile) records.set(history, (byFile = new Map()));
  let pending = byFile.get(filePath);
  if (!pending) {
    pending = readRecord(root, history.get(filePath) ?? [], filePath);
    byFile.set(filePath, pending);
  }
  return pending;
}

async function readRecord(root: string, commits: NonNullable<ReturnType<ContentHistory['get']>>, filePath: string): Promise<VersionRecord> {
  const current = await readFile(join(root, filePath), 'utf8').catch(() => undefined);
  if (current === undefined || commits.length === 0) return { versions: [], whole: true, missing: undefined };
  const whole = recordIsWhole(current, commits);
  return { versions: policyVersions(current, commits), whole, missing: whole ? undefined : missingVersionsNote(commits) };
}
