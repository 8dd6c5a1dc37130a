import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewCli } from '../../src/review/cli.ts';
import { FAKE_TOKEN, GitHubFake } from '../helpers/github-fake/server.ts';
import { createTempProject } from '../helpers/temp-project.ts';

const FAST = { retryAfterBaseValue: 5, rateLimitSecond: 5, writeIntervalMs: 0, log: { debug() {}, info() {}, warn() {}, error() {} } };
const policy = (owner: string, reviewed: string, every = 12) =>
  `---\ntitle: T\nowner: "${owner}"\nstatus: published\neffective: 2025-01-01\nreviewed: ${reviewed}\nreviewEvery: ${every}\n---\n\nSay hello.\n`;

let fake: GitHubFake;
beforeEach(async () => {
  fake = new GitHubFake();
  await fake.start();
});
afterEach(() => fake.stop());

async function review(root: string, ...argv: string[]) {
  let stdout = '';
  const env = { GITHUB_TOKEN: FAKE_TOKEN, GITHUB_REPOSITORY: 'acme/handbook', GITHUB_API_URL: fake.url };
  await reviewCli(argv, { root, env, clientOptions: FAST, stdout: (t) => (stdout += t), stderr: () => {} });
  return stdout;
}

describe('review reminders', () => {
  it('open one issue per due policy for its owner, add nothing on a rerun, and close once reviewed', async () => {
    const project = createTempProject({
      'content/policies/late.mdx': policy('@ana-lee', '2025-06-01'),
      'content/policies/team.mdx': policy('@acme/phone-team', '2025-11-30'),
      'content/policies/fine.mdx': policy('@bo', '2026-10-01'),
    });
    expect(await review(project.dir, 'remind', '--today', '2026-11-22')).toBe('Opened 2, kept 0, closed 0 review issues.\n');
    const open = () => fake.issues.filter((issue) => issue.state === 'open');
    expect(open().map((issue) => [issue.title, issue.assignees.map((a) => a.login)])).toEqual([
      ['Review due: T (2026-06-01)', ['ana-lee']],
      ['Review due: T (2026-11-30)', []],
    ]);
    expect(open()[1]?.body).toContain('@acme/phone-team (one of you, please)');
    expect(open()[0]?.labels.map((l) => l.name)).toEqual(['review-due']);

    expect(await review(project.dir, 'remind', '--today', '2026-11-23')).toBe('Opened 0, kept 2, closed 0 review issues.\n');
    expect(fake.issues).toHaveLength(2);

    writeFileSync(join(project.dir, 'content/policies/late.mdx'), policy('@ana-lee', '2026-11-20'));
    expect(await review(project.dir, 'remind', '--today', '2026-11-24')).toBe('Opened 0, kept 1, closed 1 review issues.\n');
    const closed = fake.issues.find((issue) => issue.state === 'closed');
    expect(closed?.title).toBe('Review due: T (2026-06-01)');
    expect(fake.comments.get(closed?.number ?? 0)?.[0]?.body).toContain('the next review is on 2027-11-20');
  });

  it('closes with one comment, carrying its marker, even when the answer to it is lost', async () => {
    const project = createTempProject({ 'content/policies/late.mdx': policy('@ana-lee', '2025-06-01') });
    await review(project.dir, 'remind', '--today', '2026-11-22');
    const [issue] = fake.issues;
    writeFileSync(join(project.dir, 'content/policies/late.mdx'), policy('@ana-lee', '2026-11-20'));
    // The comment is made, the answer lost; then the close fails too, so the run stops.
    fake.injectFaults({ kind: 'drop-after', method: 'POST' }, ...Array.from({ length: 4 }, () => ({ kind: 'status' as const, status: 502, method: 'PATCH' })));
    await expect(review(project.dir, 'remind', '--today', '2026-11-24')).rejects.toThrow('GitHub answered 502 while updating issue');
    expect(await review(project.dir, 'remind', '--today', '2026-11-25')).toBe('Opened 0, kept 0, closed 1 review issues.\n');
    const comments = fake.comments.get(issue?.number ?? 0) ?? [];
    expect(comments.map((comment) => comment.body)).toEqual([`<!-- plainbook:review=late closed=2026-06-01 -->\nThank you: the policy was reviewed, and the next review is on 2027-11-20. Closing.`]);
    expect(fake.issues.find((item) => item.number === issue?.number)?.state).toBe('closed');
  });

  it('leaves alone an issue someone else wrote with a review marker in it', async () => {
    const project = createTempProject({ 'content/policies/late.mdx': policy('@ana-lee', '2025-06-01'), 'content/policies/gone.mdx': policy('@bo', '2026-10-01') });
    fake.addIssue({ title: 'Copied', body: '<!-- plainbook:review=late due=2026-06-01 -->\nI copied this.', author: 'mallory', labels: ['review-due'] });
    fake.addIssue({ title: 'Close me', body: '<!-- plainbook:review=gone due=2020-01-01 -->', author: 'mallory', labels: ['review-due'] });
    expect(await review(project.dir, 'remind', '--today', '2026-11-22')).toBe('Opened 1, kept 0, closed 0 review issues.\n');
    expect(fake.issues.map((issue) => [issue.user.login, issue.state])).toEqual([
      ['mallory', 'open'],
      ['mallory', 'open'],
      ['plainbook-bot', 'open'],
    ]);
    expect(fake.comments.size).toBe(0);
  });

  it('--dry-run says what it would open and close, writing nothing', async () => {
    const project = createTempProject({ 'content/policies/late.mdx': policy('@ana-lee', '2025-06-01') });
    let stderr = '';
    let stdout = '';
    const env = { GITHUB_TOKEN: FAKE_TOKEN, GITHUB_REPOSITORY: 'acme/handbook', GITHUB_API_URL: fake.url };
    await reviewCli(['remind', '--dry-run', '--today', '2026-11-22'], { root: project.dir, env, clientOptions: FAST, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    expect(stdout).toBe('Would open 1, kept 0, would close 0 review issues.\n');
    expect(stderr).toBe('Would open a review issue for content/policies/late.mdx (@ana-lee)\n');
    expect(fake.writes()).toEqual([]);
  });

  it('explains a wrong command, window or format, before any request', async () => {
    const project = createTempProject({ 'content/policies/late.mdx': policy('@ana-lee', '2025-06-01') });
    await expect(review(project.dir, 'list')).rejects.toThrow(/^Unexpected command `list`, expected `due` or `remind`\.\n\nUsage: plainbook review/);
    await expect(review(project.dir)).rejects.toThrow(/^Missing command, expected `due` or `remind`/);
    await expect(review(project.dir, 'due', '--within', '30d')).rejects.toThrow('Unexpected `30d` for --within, expected a number of days such as `30`.');
    await expect(review(project.dir, 'due', '--within', 'x30')).rejects.toThrow('Unexpected `x30` for --within');
    await expect(review(project.dir, 'due', '--format', 'csv')).rejects.toThrow('Unexpected format `csv`, expected `table`, `json` or `markdown`.');
    expect(await review(project.dir, '--help')).toMatch(/^Usage: plainbook review <due\|remind> \[options\]/);
    expect(await review(project.dir, 'due', '--today', '2026-11-22', '--within', '0')).toBe('2026-06-01  overdue by 174 days   content/policies/late.mdx  @ana-lee\n');
    expect(fake.requests).toEqual([]);
  });

  it('explains a date in the wrong form', async () => {
    const project = createTempProject({ 'content/policies/late.mdx': policy('@ana-lee', '2025-06-01') });
    await expect(review(project.dir, 'due', '--today', '22/11/2026')).rejects.toThrow('Unexpected `22/11/2026` for --today, expected a date such as `2026-03-15`.');
  });

  it('due prints the same list as JSON', async () => {
    const project = createTempProject({ 'content/policies/late.mdx': policy('@ana-lee', '2025-06-01') });
    const report = JSON.parse(await review(project.dir, 'due', '--today', '2026-11-22', '--format', 'json'));
    expect(report.policies.map((p: { id: string; state: string }) => [p.id, p.state])).toEqual([['late', 'overdue']]);
    expect(fake.requests).toEqual([]);
  });
});

describe('npm run owners', () => {
  it('writes CODEOWNERS and --check fails with the drifted lines when an owner changes', () => {
    const owners = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [resolve('src/bin/plainbook.ts'), 'owners', ...args], { cwd, encoding: 'utf8' });
    const project = createTempProject({ 'content/policies/a.mdx': policy('@ana-lee', '2026-06-01') });
    expect(owners(project.dir).stdout).toBe('Wrote .github/CODEOWNERS.\n');
    expect(readFileSync(join(project.dir, '.github/CODEOWNERS'), 'utf8')).toContain('/content/policies/a.mdx @ana-lee');
    expect(owners(project.dir, '--check').status).toBe(0);
    writeFileSync(join(project.dir, 'content/policies/a.mdx'), policy('@bo-smith', '2026-06-01'));
    const drift = owners(project.dir, '--check');
    expect(drift.status).toBe(1);
    expect(drift.stderr).toBe(".github/CODEOWNERS is out of date with the policies' owners. Run `npx plainbook owners` and commit the result.\n- /content/policies/a.mdx @ana-lee\n+ /content/policies/a.mdx @bo-smith\n");
  });

  it('the committed CODEOWNERS matches the shipped policies', () => {
    expect(spawnSync(process.execPath, [resolve('src/bin/plainbook.ts'), 'owners', '--check'], { encoding: 'utf8' }).status).toBe(0);
  });
});
