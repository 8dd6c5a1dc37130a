/**
 * Running git for the content history: whether the content folder has a history to read, and
 * `git log` read line by line as it comes, up to a stated size. Every way the history cannot be
 * read (git missing, a shallow clone, git failing, too much of it) is an `EnvironmentError`
 * saying why and what to do, so a build never goes on quietly without dates and changes.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { EnvironmentError } from '../errors/index.ts';

/**
 * Where the folder's history stands: no repository, a repository without commits, history to
 * read, or only its newest commits (a shallow clone, when the settings accept a partial history).
 */
export type RepositoryState = 'none' | 'no-commits' | 'complete' | 'shallow';

interface GitRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** git is not installed, or not on PATH. */
  missing: boolean;
}

/** git's own messages in English, whatever the machine's language: one is told apart by its words. */
function gitEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: 'C' };
}

/** A short git command, its output kept whole. */
function runGit(args: readonly string[], cwd: string): Promise<GitRun> {
  return new Promise((done) => {
    const child = spawn('git', args, { cwd, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', () => done({ code: null, stdout, stderr, missing: true }));
    child.on('close', (code) => done({ code, stdout, stderr, missing: false }));
  });
}

/**
 * One `git rev-parse` says it all: the repository's top folder, whether the clone is shallow,
 * and the commit HEAD points at (none before the first commit, when git exits 1).
 */
export async function repositoryState(dir: string, { partial = false }: { partial?: boolean } = {}): Promise<RepositoryState> {
  const run = await runGit(['rev-parse', '--show-toplevel', '--is-shallow-repository', '--verify', '-q', 'HEAD'], dir);
  if (run.missing) {
    if (inGitFolder(dir)) throw new EnvironmentError(`git is not installed (or not on PATH), and ${dir} is in a git repository: the build reads each page's dates and changes from it. Install git and build again.`);
    return 'none';
  }
  if (run.code === 128 && /not a git repository/i.test(run.stderr)) return 'none';
  const [top, shallow, head] = run.stdout.split('\n');
  if ((run.code !== 0 && run.code !== 1) || !top) throw gitFailed(dir, run.code, run.stderr);
  if (shallow === 'true') {
    if (partial && head) return 'shallow';
    throw new EnvironmentError(
      `${top} is a shallow clone: git has only the newest commits, so every page would show wrong dates and changes. Fetch the whole history with \`git fetch --unshallow\`; in GitHub Actions, give actions/checkout \`fetch-depth: 0\`. Or set \`history: partial\` in plainbook.config.yml to build with what the clone has: pages then say where their history ends.`,
    );
  }
  return head ? 'complete' : 'no-commits';
}

/** The commits where a shallow clone's history stops: git has them, not their parents. */
export async function shallowBoundary(dir: string): Promise<Set<string>> {
  const run = await runGit(['rev-parse', '--path-format=absolute', '--git-path', 'shallow'], dir);
  const file = run.stdout.trim();
  if (run.code !== 0 || !file || !existsSync(file)) return new Set();
  return new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean));
}

/** Whether `dir` or a folder above it holds `.git`: it is meant to be in a repository. */
function inGitFolder(dir: string): boolean {
  for (let folder = resolve(dir); ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return true;
    if (dirname(folder) === folder) return false;
  }
}

function gitFailed(dir: string, code: number | null, stderr: string): EnvironmentError {
  const said = stderr.trim().split('\n')[0]?.replace(/\.$/, '') || 'no message';
  return new EnvironmentError(`git could not read the history of ${dir} (exit ${code}): ${said}. Run \`git log\` in that folder for git's whole message; a damaged clone is fixed by cloning the repository again.`);
}

function size(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1 ? `${Math.round(megabytes)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Run git and hand each line of its output to `onLine` as it arrives (split on `\n` only, so a
 * `\r` in a file's diff stays), stopping git past `maxBytes`: the history is never one buffer.
 */
export function streamGitLines(args: readonly string[], dir: string, maxBytes: number, onLine: (line: string) => void): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('git', args, { cwd: dir, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    const decoder = new StringDecoder('utf8');
    let bytes = 0;
    let partial = '';
    let stderr = '';
    let failure: Error | undefined;
    const stop = (error: Error) => {
      failure ??= error;
      child.kill();
    };
    const take = (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      if (failure) return;
      bytes += chunk.length;
      if (bytes > maxBytes) return stop(new EnvironmentError(`The git history of ${dir} is over ${size(maxBytes)} of changes, more than the build reads (\`git log --patch\`). Large text files (data exports, SVG drawings) are the usual cause: find them with \`git log --stat -- .\` in that folder and keep them outside it.`));
      try {
        take(decoder.write(chunk));
      } catch (error) {
        stop(error as Error);
      }
    });
    // Git's complaint, kept short: only its first line is shown.
    child.stderr.on('data', (chunk: Buffer) => (stderr = `${stderr}${chunk.toString('utf8')}`.slice(0, 4096)));
    child.on('error', (error) => stop(new EnvironmentError(`git could not be started in ${dir}: ${error.message}. Install git and build again.`, { cause: error })));
    child.on('close', (code) => {
      if (!failure && code !== 0) failure = gitFailed(dir, code, stderr);
      if (failure) return fail(failure);
      try {
        // The last line, when git's output does not end with a line break.
        const rest = partial + decoder.end();
        if (rest) onLine(rest);
        done();
      } catch (error) {
        fail(error);
      }
    });
  });
}
