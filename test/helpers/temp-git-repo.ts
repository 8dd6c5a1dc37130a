import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempRepo {
  dir: string;
  /** Write files and commit them with a fixed author date (ISO 8601). */
  commit(files: Record<string, string>, subject: string, date: string, author?: string): void;
  git(...args: string[]): string;
}

export function createTempRepo(prefix = 'plainbook-repo-'): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  return {
    dir,
    git,
    commit(files, subject, date, author = 'Ana Editor') {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      git('add', '-A');
      execFileSync('git', ['commit', '-q', '-m', subject], {
        cwd: dir,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: author,
          GIT_AUTHOR_EMAIL: 'ana@example.com',
          GIT_COMMITTER_NAME: author,
          GIT_COMMITTER_EMAIL: 'ana@example.com',
          GIT_AUTHOR_DATE: date,
          GIT_COMMITTER_DATE: date,
        },
      });
    },
  };
}

/**
 * A `git` first on PATH that logs each call's arguments, then runs the real git: lets a test
 * count how many git processes some code starts.
 */
export function countingGit(): { binDir: string; calls(): string[] } {
  const binDir = mkdtempSync(join(tmpdir(), 'plainbook-git-'));
  const log = join(binDir, 'calls.log');
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(log, '');
  writeFileSync(join(binDir, 'git'), `#!/bin/sh\necho "$*" >> "${log}"\nexec "${realGit}" "$@"\n`, { mode: 0o755 });
  return {
    binDir,
    calls: () => execFileSync('cat', [log], { encoding: 'utf8' }).split('\n').filter(Boolean),
  };
}
