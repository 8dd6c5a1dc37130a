import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors/index.ts';
import { fileVersions, MAX_HISTORY_BYTES, parseGitLog, readContentHistory } from '../../src/policies/git-history.ts';
import { countingGit, createTempRepo } from '../helpers/temp-git-repo.ts';

const originalPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = originalPath;
});

describe('content history from git', () => {
  it('lists each file’s commits newest first, only for the content folder', async () => {
    const repo = createTempRepo();
    repo.commit({ 'content/policies/a.mdx': 'one', 'README.md': 'x' }, 'Add policy A', '2026-01-10T09:00:00Z');
    repo.commit({ 'content/policies/b.mdx': 'one' }, 'Add policy B (#12)', '2026-02-01T09:00:00Z', 'Bo Owner');
    repo.commit({ 'content/policies/a.mdx': 'two', 'README.md': 'y' }, 'Shorter greeting', '2026-03-05T12:30:00Z');

    const history = await readContentHistory(repo.dir, join(repo.dir, 'content'));

    expect([...history.keys()].sort()).toEqual(['content/policies/a.mdx', 'content/policies/b.mdx']);
    expect(history.get('content/policies/a.mdx')?.map((c) => c.subject)).toEqual(['Shorter greeting', 'Add policy A']);
    expect(history.get('content/policies/b.mdx')?.[0]).toMatchObject({
      author: 'Bo Owner',
      subject: 'Add policy B (#12)',
      pullRequest: 12,
    });
    expect(history.get('content/policies/a.mdx')?.[0]?.date).toBe('2026-03-05T12:30:00+00:00');
    expect(history.get('content/policies/missing.mdx')).toBeUndefined();
  });

  it('reads the history of 40 files with two git processes: one to check the clone, one for the log', async () => {
    const repo = createTempRepo();
    for (let batch = 0; batch < 4; batch++) {
      const files = Object.fromEntries(
        Array.from({ length: 10 }, (_, i) => [`content/policies/p${batch}-${i}.mdx`, `text ${batch}`]),
      );
      repo.commit(files, `Batch ${batch}`, `2026-0${batch + 1}-01T00:00:00Z`);
    }
    const git = countingGit();
    process.env.PATH = `${git.binDir}${delimiter}${originalPath}`;

    const history = await readContentHistory(repo.dir, join(repo.dir, 'content'));

    expect(history.size).toBe(40);
    expect(git.calls().map((call) => call.split(' ').slice(0, 2).join(' '))).toEqual(['rev-parse --show-toplevel', 'log --first-parent']);
  });

  it('has nothing to read for a content folder that is not there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plainbook-nocontent-'));
    const notices: string[] = [];
    expect((await readContentHistory(dir, join(dir, 'content'), { onNotice: (notice) => notices.push(notice) })).size).toBe(0);
    expect(notices).toEqual([]);
  });

  it('says so, and returns an empty history, outside a git repository or before the first commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plainbook-nogit-'));
    mkdirSync(join(dir, 'content'));
    const notices: string[] = [];
    expect((await readContentHistory(dir, join(dir, 'content'), { onNotice: (notice) => notices.push(notice) })).size).toBe(0);
    const fresh = createTempRepo();
    mkdirSync(join(fresh.dir, 'content'));
    expect((await readContentHistory(fresh.dir, join(fresh.dir, 'content'), { onNotice: (notice) => notices.push(notice) })).size).toBe(0);
    expect(notices).toEqual([
      `${join(dir, 'content')} is not in a git repository, so pages show no dates, changes or redlines. Keep the handbook in git (\`git init\`, then commit) to have them.`,
      `${join(fresh.dir, 'content')} is in a git repository with no commits yet, so pages show no dates, changes or redlines until the first commit.`,
    ]);
  });
});

describe('reading git as it streams', () => {
  it('keeps carriage returns and a last line without a line break, so earlier versions still rebuild', async () => {
    const repo = createTempRepo();
    repo.git('config', 'core.autocrlf', 'false');
    repo.commit({ 'content/policies/a.mdx': 'Say hello.\r\nSmile.\r\n' }, 'Add A', '2026-01-10T09:00:00Z');
    repo.commit({ 'content/policies/a.mdx': 'Say hello.\r\nSmile at people.' }, 'Kinder', '2026-02-10T09:00:00Z');
    const history = await readContentHistory(repo.dir, join(repo.dir, 'content'));
    const versions = fileVersions('Say hello.\r\nSmile at people.', history.get('content/policies/a.mdx') ?? [], 10);
    expect(versions.map((version) => version.before)).toEqual(['Say hello.\r\nSmile.\r\n', undefined]);
  });
});

describe('a history that cannot be read stops the build', () => {
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

  it('in a shallow clone, saying how to fetch the rest', async () => {
    const repo = createTempRepo();
    repo.commit({ 'content/policies/a.mdx': 'one' }, 'Add A', '2026-01-10T09:00:00Z');
    repo.commit({ 'content/policies/a.mdx': 'two' }, 'Change A', '2026-02-10T09:00:00Z');
    const clone = mkdtempSync(join(tmpdir(), 'plainbook-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);
    const error = await failure(readContentHistory(clone, join(clone, 'content')));
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toBe(
      `${clone} is a shallow clone: git has only the newest commits, so every page would show wrong dates and changes. Fetch the whole history with \`git fetch --unshallow\`; in GitHub Actions, give actions/checkout \`fetch-depth: 0\`. Or set \`history: partial\` in plainbook.config.yml to build with what the clone has: pages then say where their history ends.`,
    );
  });

  it('reads a shallow clone with history: partial, marking the commit where it stops', async () => {
    const repo = createTempRepo();
    repo.commit({ 'content/policies/a.mdx': 'one\n' }, 'Add A', '2026-01-10T09:00:00Z');
    repo.commit({ 'content/policies/a.mdx': 'two\n' }, 'Change A', '2026-02-10T09:00:00Z');
    repo.commit({ 'content/policies/a.mdx': 'three\n' }, 'Change A again', '2026-03-10T09:00:00Z');
    const clone = mkdtempSync(join(tmpdir(), 'plainbook-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${repo.dir}`, clone]);
    const notices: string[] = [];
    const history = await readContentHistory(clone, join(clone, 'content'), { partial: true, onNotice: (notice) => notices.push(notice) });
    expect(history.get('content/policies/a.mdx')?.map((commit) => [commit.subject, commit.boundary ?? false])).toEqual([
      ['Change A again', false],
      ['Change A', true],
    ]);
    expect(notices).toEqual([`${join(clone, 'content')} is a shallow clone (history: partial): pages show the history it has, and a policy's Versions say where it ends.`]);
  });

  it('when git is not installed but the handbook is in a git repository', async () => {
    const repo = createTempRepo();
    repo.commit({ 'content/policies/a.mdx': 'one' }, 'Add A', '2026-01-10T09:00:00Z');
    process.env.PATH = mkdtempSync(join(tmpdir(), 'plainbook-nopath-'));
    const error = await failure(readContentHistory(repo.dir, join(repo.dir, 'content')));
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toBe(`git is not installed (or not on PATH), and ${join(repo.dir, 'content')} is in a git repository: the build reads each page's dates and changes from it. Install git and build again.`);
  });

  it('when git fails, with what git said', async () => {
    const repo = createTempRepo();
    repo.commit({ 'content/policies/a.mdx': 'one' }, 'Add A', '2026-01-10T09:00:00Z');
    const bin = mkdtempSync(join(tmpdir(), 'plainbook-badgit-'));
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nif [ "$1" = log ]; then echo "fatal: bad object 1234567" >&2; exit 128; fi\nexec "${realGit}" "$@"\n`, { mode: 0o755 });
    process.env.PATH = `${bin}${delimiter}${originalPath}`;
    const error = await failure(readContentHistory(repo.dir, join(repo.dir, 'content')));
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toBe(`git could not read the history of ${join(repo.dir, 'content')} (exit 128): fatal: bad object 1234567. Run \`git log\` in that folder for git's whole message; a damaged clone is fixed by cloning the repository again.`);
  });

  it('when the history is larger than the build reads, naming the limit; reading it as it streams', async () => {
    const repo = createTempRepo();
    repo.commit({ 'content/policies/a.mdx': 'x'.repeat(4000) }, 'Add A', '2026-01-10T09:00:00Z');
    expect(MAX_HISTORY_BYTES).toBe(256 * 1024 * 1024);
    const error = await failure(readContentHistory(repo.dir, join(repo.dir, 'content'), { maxBytes: 2048 }));
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toBe(
      `The git history of ${join(repo.dir, 'content')} is over 2 KB of changes, more than the build reads (\`git log --patch\`). Large text files (data exports, SVG drawings) are the usual cause: find them with \`git log --stat -- .\` in that folder and keep them outside it.`,
    );
    expect((await readContentHistory(repo.dir, join(repo.dir, 'content'), { maxBytes: 64 * 1024 })).size).toBe(1);
  });

  it('shows a merged pull request as one entry with its title, and follows renames', async () => {
    const repo = createTempRepo();
    repo.commit({ 'content/policies/old-name.mdx': 'one' }, 'Add the refunds policy', '2026-01-10T09:00:00Z');
    repo.git('checkout', '-q', '-b', 'tone');
    repo.commit({ 'content/policies/old-name.mdx': 'two' }, 'wip', '2026-02-01T09:00:00Z');
    repo.commit({ 'content/policies/old-name.mdx': 'three' }, 'fix typo', '2026-02-02T09:00:00Z');
    repo.git('checkout', '-q', 'main');
    repo.commit({ 'content/policies/other.mdx': 'x' }, 'Unrelated', '2026-02-03T09:00:00Z');
    repo.git('-c', 'user.name=Bo', '-c', 'user.email=bo@example.com', 'merge', '--no-ff', '-q', 'tone', '-m', 'Merge pull request #7 from ana/tone', '-m', 'Kinder words for refunds');
    repo.git('mv', 'content/policies/old-name.mdx', 'content/policies/refunds.mdx');
    repo.commit({}, 'Rename the refunds page (#9)', '2026-03-01T09:00:00Z');

    const history = await readContentHistory(repo.dir, join(repo.dir, 'content'));
    expect(history.get('content/policies/refunds.mdx')?.map((c) => [c.subject, c.pullRequest])).toEqual([
      ['Rename the refunds page (#9)', 9],
      ['Kinder words for refunds', 7],
      ['Add the refunds policy', undefined],
    ]);
    expect(history.has('content/policies/old-name.mdx')).toBe(false);
  });

  it('reads squash-merge titles as pull requests', () => {
    const log = '\x1eabc\x1f2026-01-01T00:00:00Z\x1fAna\x1fShorter greeting (#12)\x1f\x1d\n\ndiff --git a/content/x.mdx b/content/x.mdx\nindex 1111111..2222222 100644\n--- a/content/x.mdx\n+++ b/content/x.mdx\n@@ -1 +1 @@\n-one\n+two\n';
    expect(parseGitLog(log).get('content/x.mdx')?.[0]).toMatchObject({ subject: 'Shorter greeting (#12)', pullRequest: 12 });
  });

  it('rebuilds each earlier version of a file from the one pass, newest first, without a git process per file', async () => {
    const repo = createTempRepo();
    repo.commit({ 'content/policies/a.mdx': 'Say hello.\nSmile.\n' }, 'Add A', '2026-01-10T09:00:00Z');
    repo.commit({ 'content/policies/a.mdx': 'Say hello.\nSmile at people.\n' }, 'Kinder', '2026-02-10T09:00:00Z');
    repo.git('mv', 'content/policies/a.mdx', 'content/policies/greeting.mdx');
    repo.commit({}, 'Rename', '2026-03-01T09:00:00Z');
    repo.commit({ 'content/policies/greeting.mdx': 'Say hello first.\nSmile at people.\n' }, 'First', '2026-04-01T09:00:00Z');

    const history = await readContentHistory(repo.dir, join(repo.dir, 'content'));
    const commits = history.get('content/policies/greeting.mdx') ?? [];
    const versions = fileVersions('Say hello first.\nSmile at people.\n', commits, 10);
    expect(versions.map((version) => [version.commit.subject, version.before, version.after])).toEqual([
      ['First', 'Say hello.\nSmile at people.\n', 'Say hello first.\nSmile at people.\n'],
      ['Rename', 'Say hello.\nSmile at people.\n', 'Say hello.\nSmile at people.\n'],
      ['Kinder', 'Say hello.\nSmile.\n', 'Say hello.\nSmile at people.\n'],
      ['Add A', undefined, 'Say hello.\nSmile.\n'],
    ]);
    expect(fileVersions('Say hello first.\nSmile at people.\n', commits, 2)).toHaveLength(2);
    // Text that is not what git recorded (an edit not yet committed): no guessing at the past.
    expect(fileVersions('Something else entirely.\n', commits, 10)).toEqual([]);
  });
});
