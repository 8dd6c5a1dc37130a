import { execFile } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

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

/** Commits per file, newest first, keyed by path relative to the repository root (`content/x.mdx`). */
export type ContentHistory = ReadonlyMap<string, readonly Commit[]>;

// Separators that cannot appear in names or subjects, so parsing needs no escaping.
const RECORD = '\x1e';
const FIELD = '\x1f';
const END_OF_BODY = '\x1d';
const FORMAT = `${RECORD}%H${FIELD}%aI${FIELD}%an${FIELD}%s${FIELD}%b${END_OF_BODY}`;

/**
 * The history of every file under `dir`, from ONE `git log` process: a handbook of thousands of
 * pages must not start a git process per page. Along the first parent of the branch, so a merged
 * pull request is one entry (with its title), not every commit on its branch; renames are
 * followed, so a moved policy keeps its past. Git runs inside `dir`, so content in another
 * repository (a submodule, a test fixture) works too. Outside a git repository (a downloaded
 * zip) the history is empty rather than an error, so the site still builds.
 */
export async function readContentHistory(root: string, dir: string): Promise<ContentHistory> {
  let stdout: string;
  try {
    ({ stdout } = await run(
      'git',
      ['log', '--first-parent', '-m', '-M', '--name-status', `--format=${FORMAT}`, '--relative', '--', '.'],
      { cwd: dir, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' },
    ));
  } catch {
    return new Map();
  }
  return parseGitLog(stdout, (file) => relative(root, resolve(dir, file)).split(sep).join('/'));
}

/** `toKey` turns a path as git printed it into the key callers look up (root-relative). */
export function parseGitLog(stdout: string, toKey: (file: string) => string = (file) => file): ContentHistory {
  const history = new Map<string, Commit[]>();
  // Newest first: a file renamed later is known by its newest name; older names point to it.
  const renamedTo = new Map<string, string>();
  const current = (path: string): string => {
    let name = path;
    for (let hops = 0; renamedTo.has(name) && hops < 1000; hops++) name = renamedTo.get(name) ?? name;
    return name;
  };
  for (const record of stdout.split(RECORD)) {
    const end = record.indexOf(END_OF_BODY);
    if (end === -1) continue;
    const [hash, date, author, subject, body = ''] = record.slice(0, end).split(FIELD);
    if (!hash || !date || author === undefined || subject === undefined) continue;
    const commit = toCommit(hash, date, author, subject, body);
    const touched = new Set<string>();
    for (const line of record.slice(end + 1).split('\n')) {
      const [status, first, second] = line.split('\t');
      if (!status || !first) continue;
      if (status.startsWith('R') && second) {
        const newest = current(second);
        renamedTo.set(first, newest);
        touched.add(newest);
      } else {
        touched.add(current(first));
      }
    }
    for (const file of touched) {
      const key = toKey(file);
      const commits = history.get(key);
      if (commits) commits.push(commit);
      else history.set(key, [commit]);
    }
  }
  return history;
}

function toCommit(hash: string, date: string, author: string, subject: string, body: string): Commit {
  const merged = /^Merge pull request #(\d+)/.exec(subject);
  const title = merged ? body.split('\n').find((line) => line.trim())?.trim() : undefined;
  const pullRequest = merged?.[1] ?? /\(#(\d+)\)\s*$/.exec(subject)?.[1];
  return { hash, date, author, subject: title ?? subject, ...(pullRequest ? { pullRequest: Number(pullRequest) } : {}) };
}

/** Date of the newest commit that touched `file`, if any. */
export function lastChanged(history: ContentHistory, file: string): Date | undefined {
  const newest = history.get(file)?.[0];
  return newest ? new Date(newest.date) : undefined;
}
