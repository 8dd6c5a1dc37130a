import { execFile } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Commit {
  hash: string;
  /** Author date, ISO 8601 with offset. */
  date: string;
  author: string;
  subject: string;
  /** Pull request number when the subject ends like GitHub's merge titles: `Title (#123)`. */
  pullRequest?: number;
}

/** Commits per file, newest first, keyed by path relative to the repository root (`content/x.mdx`). */
export type ContentHistory = ReadonlyMap<string, readonly Commit[]>;

// Unit and record separators cannot appear in names or subjects, so parsing needs no escaping.
const RECORD = '\x1e';
const FIELD = '\x1f';
const FORMAT = `${RECORD}%H${FIELD}%aI${FIELD}%an${FIELD}%s`;

/**
 * The history of every file under `dir`, from ONE `git log` process: a handbook of thousands of
 * pages must not start a git process per page. Git runs inside `dir`, so content kept in another
 * repository (a submodule, a test fixture) works too. Outside a git repository (a downloaded zip)
 * the history is empty rather than an error, so the site still builds.
 */
export async function readContentHistory(root: string, dir: string): Promise<ContentHistory> {
  let stdout: string;
  try {
    ({ stdout } = await run(
      'git',
      ['log', '--no-renames', `--format=${FORMAT}`, '--name-only', '--relative', '--', '.'],
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
  for (const record of stdout.split(RECORD)) {
    const [header = '', ...files] = record.split('\n');
    const [hash, date, author, subject] = header.split(FIELD);
    if (!hash || !date || author === undefined || subject === undefined) continue;
    const commit = toCommit(hash, date, author, subject);
    for (const file of files) {
      if (!file) continue;
      const key = toKey(file);
      const commits = history.get(key);
      if (commits) commits.push(commit);
      else history.set(key, [commit]);
    }
  }
  return history;
}

function toCommit(hash: string, date: string, author: string, subject: string): Commit {
  const pullRequest = /\(#(\d+)\)\s*$/.exec(subject)?.[1] ?? /^Merge pull request #(\d+)/.exec(subject)?.[1];
  return { hash, date, author, subject, ...(pullRequest ? { pullRequest: Number(pullRequest) } : {}) };
}

/** Date of the newest commit that touched `file`, if any. */
export function lastChanged(history: ContentHistory, file: string): Date | undefined {
  const newest = history.get(file)?.[0];
  return newest ? new Date(newest.date) : undefined;
}
