import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintCli } from '../../src/lint/cli.ts';
import { LINT_COMMENT_MARKER } from '../../src/lint/comment.ts';
import { FAKE_TOKEN, GitHubFake } from '../helpers/github-fake/server.ts';
import { createTempProject, EASY, LONG_SENTENCE, write } from '../helpers/temp-project.ts';

let fake: GitHubFake;
beforeEach(async () => {
  fake = new GitHubFake();
  await fake.start();
});
afterEach(() => fake.stop());

function pullRequestEvent(dir: string, headRepo: string): string {
  const path = join(dir, 'event.json');
  writeFileSync(path, JSON.stringify({ pull_request: { number: 12, head: { repo: { full_name: headRepo } }, base: { repo: { full_name: 'acme/handbook' } } } }));
  return path;
}

async function lintWithComment(dir: string, event: string) {
  let stderr = '';
  const env = { GITHUB_TOKEN: FAKE_TOKEN, GITHUB_REPOSITORY: 'acme/handbook', GITHUB_API_URL: fake.url, GITHUB_EVENT_PATH: event };
  const code = await lintCli(['--changed', 'main', '--comment', '--format', 'github', '--no-cache'], {
    root: dir,
    env,
    stdout: () => {},
    stderr: (text) => (stderr += text),
  });
  return { code, stderr };
}

describe('lint comment on a pull request', () => {
  it('keeps one comment with grade before → after, and edits it on the next push', async () => {
    const project = createTempProject({ 'content/policy.md': EASY });
    project.commit({}, 'Start', '2026-01-01T00:00:00Z');
    project.git('checkout', '-q', '-b', 'change');
    write(project.dir, { 'content/policy.md': LONG_SENTENCE });
    const event = pullRequestEvent(project.dir, 'acme/handbook');

    const first = await lintWithComment(project.dir, event);
    expect(first.code).toBe(1);
    const comments = fake.comments.get(12) ?? [];
    expect(comments).toHaveLength(1);
    const body = String(comments[0]?.body);
    expect(body.startsWith(LINT_COMMENT_MARKER)).toBe(true);
    expect(body).toMatch(/\| `content\/policy\.md` \| -?\d+\.\d → 10\.9 \| 6 \| 2 \| \d+ \| .*`sentence-length` 1/);
    expect(body).toContain('#### What changed\n\n**`content/policy.md`**: reading grade ');
    expect(body).toContain('<del>`Say hello. Smile at people. Help`</del><ins>`When a customer calls us');

    write(project.dir, { 'content/policy.md': EASY.replace('Help them fast.', 'Help them soon.') });
    const second = await lintWithComment(project.dir, event);
    expect(second.code).toBe(0);
    expect(fake.comments.get(12)).toHaveLength(1);
    const edited = String(fake.comments.get(12)?.[0]?.body);
    expect(edited).toContain('All clean');
    // The redline follows the push: now only the one word that differs from the base.
    expect(edited).toContain('1 word added and 1 removed.\n\n`Help them` <del>`fast`</del><ins>`soon`</ins>`.`\n');
    expect(edited).not.toContain('When a customer calls');
  });

  it('writes nothing for a pull request from a fork and says where the results are', async () => {
    const project = createTempProject({ 'content/policy.md': EASY });
    project.commit({}, 'Start', '2026-01-01T00:00:00Z');
    const { code, stderr } = await lintWithComment(project.dir, pullRequestEvent(project.dir, 'someone/handbook'));
    expect(code).toBe(0);
    expect(stderr).toContain('comes from a fork');
    expect(fake.requests).toEqual([]);
  });

  it('--dry-run without a token shows the comment instead of failing on GitHub', async () => {
    const project = createTempProject({ 'content/policy.md': EASY });
    project.commit({}, 'Start', '2026-01-01T00:00:00Z');
    let stderr = '';
    const code = await lintCli(['--changed', 'main', '--comment', '--dry-run', '--pr', '12', '--no-cache'], {
      root: project.dir,
      env: { GITHUB_REPOSITORY: 'acme/handbook', GITHUB_API_URL: fake.url },
      stdout: () => {},
      stderr: (text) => (stderr += text),
    });
    expect(code).toBe(0);
    expect(stderr).toContain(`Pull request comment for #12 (--dry-run, no GITHUB_TOKEN, so not compared with the one on GitHub):\n\n${LINT_COMMENT_MARKER}\n### Plainbook prose lint`);
    expect(fake.requests).toEqual([]);
  });

  it('does not fail the lint when the token may not comment', async () => {
    const project = createTempProject({ 'content/policy.md': EASY });
    project.commit({}, 'Start', '2026-01-01T00:00:00Z');
    fake.denyWrites = true;
    const { code, stderr } = await lintWithComment(project.dir, pullRequestEvent(project.dir, 'acme/handbook'));
    expect(code).toBe(0);
    expect(stderr).toContain('Could not write the pull request comment');
    expect(fake.comments.get(12)).toBeUndefined();
  });
});
