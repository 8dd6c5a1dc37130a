import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { applyPatch, parsePatch, reversePatch, type StructuredPatch } from 'diff';
import { repositoryState, shallowBoundary, streamGitLines, type RepositoryState } from './git-reader.ts';

export interface Commit {
  hash: string;
  /** Author date, ISO 8601 with offset. */
  date: string;
  author: string;
  /** The change in a line: the pull request's title for a merge, else the commit subject. */
  subject: string;
  /** Pull request number, from `Title (#123)` (squash merges) or `Merge pull request #123`. */
  pullRequest?: number;
}

/** A commit as one file saw it: with the change it made to that file. */
export interface FileCommit extends Commit {
  /** The file's diff in this commit (none for a rename without changes). */
  patch?: StructuredPatch | undefined;
  /** Where a shallow clone's history stops: its diff shows the file as new, which it may not be. */
  boundary?: boolean;
}

/** Commits per file, newest first, keyed by path relative to the repository root (`content/x.mdx`). */
export type ContentHistory = ReadonlyMap<string, readonly FileCommit[]>;

// Separators that cannot appear in names or subjects, so parsing needs no escaping.
const RECORD = '\x1e';
const FIELD = '\x1f';
const END_OF_BODY = '\x1d';
const FORMAT = `${RECORD}%H${FIELD}%aI${FIELD}%an${FIELD}%s${FIELD}%b${END_OF_BODY}`;

/**
 * The most `git log --patch` output the build reads: far more than the prose of any handbook
 * (300 policies changed 200 times each come to about 120 MB), and little enough for the parsed
 * history to fit in Node's memory. Past it the build stops and says so.
 */
export const MAX_HISTORY_BYTES = 256 * 1024 * 1024;

export interface HistoryOptions {
  /** Read at most this much of git's output (default MAX_HISTORY_BYTES). */
  maxBytes?: number;
  /** Told when there is no history to read at all (no repository, or no commit yet), or only part of it. */
  onNotice?: (notice: string) => void;
  /** Read a shallow clone's commits rather than stop (`history: partial`); they are marked where they stop. */
  partial?: boolean;
}

const NOTICES: Record<Exclude<RepositoryState, 'complete' | 'shallow'>, (dir: string) => string> = {
  none: (dir) => `${dir} is not in a git repository, so pages show no dates, changes or redlines. Keep the handbook in git (\`git init\`, then commit) to have them.`,
  'no-commits': (dir) => `${dir} is in a git repository with no commits yet, so pages show no dates, changes or redlines until the first commit.`,
};

const LOG_ARGS = ['log', '--first-parent', '-m', '-M', '--patch', '--no-color', '--no-ext-diff', `--format=${FORMAT}`, '--relative', '--', '.'];

/**
 * The history of every file under `dir`, with each commit's diff, from ONE `git log` process: a
 * handbook of thousands of pages must not start a git process per page. Along the first parent
 * of the branch, so a merged pull request is one entry (with its title), not every commit on its
 * branch; renames are followed, so a moved policy keeps its past. Git runs inside `dir`, so
 * content in another repository (a submodule, a test fixture) works too. Its output is parsed
 * one commit at a time as it streams in.
 *
 * Outside a git repository (a new handbook, a downloaded zip) there is no history, and
 * `onNotice` hears so. A history that exists but cannot be read whole (a shallow clone, git
 * missing or failing, more than `maxBytes`) throws an `EnvironmentError` saying how to fix it:
 * a page must never show a wrong date or miss a change without a word.
 */
export async function readContentHistory(root: string, dir: string, options: HistoryOptions = {}): Promise<ContentHistory> {
  // No content folder, no pages: nothing to date.
  if (!existsSync(dir)) return new Map();
  const state = await repositoryState(dir, { partial: options.partial ?? false });
  if (state === 'none' || state === 'no-commits') {
    options.onNotice?.(NOTICES[state](dir));
    return new Map();
  }
  const boundary = state === 'shallow' ? await shallowBoundary(dir) : new Set<string>();
  if (state === 'shallow') options.onNotice?.(`${dir} is a shallow clone (history: partial): pages show the history it has, and a policy's Versions say where it ends.`);
  const builder = historyBuilder((file) => relative(root, resolve(dir, file)).split(sep).join('/'));
  let record = '';
  await streamGitLines(LOG_ARGS, dir, options.maxBytes ?? MAX_HISTORY_BYTES, (line) => {
    // A commit's record starts at RECORD; everything until the next one is its body and diff.
    const [before = '', ...starts] = line.split(RECORD);
    record += before;
    for (const start of starts) {
      builder.add(record);
      record = start;
    }
    record += '\n';
  });
  builder.add(record);
  if (boundary.size > 0) for (const commits of builder.history.values()) for (const commit of commits) if (boundary.has(commit.hash)) (commit as FileCommit).boundary = true;
  return builder.history;
}

/** `toKey` turns a path as git printed it into the key callers look up (root-relative). */
export function parseGitLog(stdout: string, toKey: (file: string) => string = (file) => file): ContentHistory {
  const builder = historyBuilder(toKey);
  for (const record of stdout.split(RECORD)) builder.add(record);
  return builder.history;
}

/** The history, one commit's record (as git prints it, newest first) at a time. */
function historyBuilder(toKey: (file: string) => string): { add: (record: string) => void; history: ContentHistory } {
  const history = new Map<string, FileCommit[]>();
  // Newest first: a file renamed later is known by its newest name; older names point to it.
  const renamedTo = new Map<string, string>();
  const current = (path: string): string => {
    let name = path;
    for (let hops = 0; renamedTo.has(name) && hops < 1000; hops++) name = renamedTo.get(name) ?? name;
    return name;
  };
  const add = (record: string): void => {
    const end = record.indexOf(END_OF_BODY);
    if (end === -1) return;
    const [hash, date, author, subject, body = ''] = record.slice(0, end).split(FIELD);
    if (!hash || !date || author === undefined || subject === undefined) return;
    const commit = toCommit(hash, date, author, subject, body);
    const touched = new Map<string, StructuredPatch>();
    for (const patch of parsePatch(record.slice(end + 1))) {
      const before = gitPath(patch.oldFileName);
      const after = gitPath(patch.newFileName);
      if (before && after && before !== after) {
        const newest = current(after);
        renamedTo.set(before, newest);
        touched.set(newest, patch);
      } else if (after ?? before) {
        touched.set(current((after ?? before) as string), patch);
      }
    }
    for (const [file, patch] of touched) {
      const key = toKey(file);
      const entry: FileCommit = { ...commit, ...(patch.hunks.length > 0 ? { patch } : {}) };
      const commits = history.get(key);
      if (commits) commits.push(entry);
      else history.set(key, [entry]);
    }
  };
  return { add, history };
}

/** `a/policies/x.mdx` → `policies/x.mdx`; `/dev/null` (no such file on that side) → undefined. */
function gitPath(name: string | undefined): string | undefined {
  if (!name || name === '/dev/null') return undefined;
  return name.replace(/^[ab]\//, '');
}

function toCommit(hash: string, date: string, author: string, subject: string, body: string): Commit {
  const merged = /^Merge pull request #(\d+)/.exec(subject);
  const title = merged ? body.split('\n').find((line) => line.trim())?.trim() : undefined;
  const pullRequest = merged?.[1] ?? /\(#(\d+)\)\s*$/.exec(subject)?.[1];
  return { hash, date, author, subject: title ?? subject, ...(pullRequest ? { pullRequest: Number(pullRequest) } : {}) };
}

/** One version of a file: the text a commit left, and the text before it (none when it was added). */
export interface FileVersion {
  commit: FileCommit;
  before: string | undefined;
  after: string;
}

/**
 * The file's newest `limit` versions, rebuilt from its text now by undoing each commit's diff in
 * turn: no git process per page. Stops where a diff no longer applies (the file has changes not
 * yet committed, or a rename lost its diff), so what is shown is always what git recorded.
 */
export function fileVersions(current: string, commits: readonly FileCommit[], limit: number): FileVersion[] {
  const versions: FileVersion[] = [];
  let after = current;
  for (const commit of commits.slice(0, limit)) {
    if (!commit.patch) {
      versions.push({ commit, before: after, after });
      continue;
    }
    if (commit.patch.oldFileName === '/dev/null') {
      versions.push({ commit, before: undefined, after });
      break;
    }
    const before = applyPatch(after, reversePatch(commit.patch));
    if (before === false) break;
    versions.push({ commit, before, after });
    after = before;
  }
  return versions;
}
