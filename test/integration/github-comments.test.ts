import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientOptionsFromEnv, createOctokit } from '../../src/github/client.ts';
import { upsertComment } from '../../src/github/comments.ts';
import { GitHubError } from '../../src/github/errors.ts';
import { marker } from '../../src/github/markers.ts';
import { FAKE_TOKEN, GitHubFake } from '../helpers/github-fake/server.ts';
import { fakeClient } from '../helpers/github-client.ts';

const TAG = marker('lint-report');
let fake: GitHubFake;

beforeEach(async () => {
  fake = new GitHubFake();
  await fake.start();
});
afterEach(() => fake.stop());

function upsert(body: string, options: { dryRun?: boolean; token?: string } = {}) {
  const { octokit, target } = fakeClient(fake, options.token);
  return upsertComment({ octokit, target, issueNumber: 7, marker: TAG, body: `${TAG}\n${body}`, dryRun: options.dryRun ?? false });
}

describe('one pull-request comment, kept up to date', () => {
  it('creates it once, edits it after, and leaves it alone when nothing changed', async () => {
    expect((await upsert('first')).action).toBe('created');
    expect((await upsert('second')).action).toBe('updated');
    expect((await upsert('second')).action).toBe('unchanged');
    expect(fake.comments.get(7)?.map((comment) => comment.body)).toEqual([`${TAG}\nsecond`]);
  });

  it('finds its comment on a later page instead of adding another', async () => {
    for (let i = 0; i < 150; i++) fake.addComment(7, i === 130 ? `${TAG}\nold` : `comment ${i}`);
    expect((await upsert('new')).action).toBe('updated');
    expect(fake.comments.get(7)).toHaveLength(150);
    expect(fake.requests.some((request) => request.path.includes('page=2'))).toBe(true);
  });

  it('writes nothing in a dry run', async () => {
    expect((await upsert('first', { dryRun: true })).action).toBe('would-create');
    expect(fake.writes()).toEqual([]);
  });

  it('gets through server errors, rate limits and dropped connections with exactly one comment', async () => {
    fake.injectFaults(
      { kind: 'status', status: 502, method: 'GET' },
      { kind: 'rate-limit', method: 'GET' },
      { kind: 'drop', method: 'GET' },
      { kind: 'secondary-rate-limit', method: 'POST' },
      { kind: 'status', status: 500, method: 'POST' },
    );
    expect((await upsert('first')).action).toBe('created');
    expect(fake.comments.get(7)).toHaveLength(1);
  });

  it('does not post twice when the answer to a successful create is lost', async () => {
    fake.injectFaults({ kind: 'drop-after', method: 'POST' });
    await upsert('first');
    expect(fake.comments.get(7)).toHaveLength(1);
  });

  it('never edits a comment someone else wrote with our marker in it, and asks who it is only then', async () => {
    expect((await upsert('first')).action).toBe('created');
    expect(fake.requests.some((request) => request.path === '/graphql')).toBe(false);
    const pasted = fake.addComment(7, `${TAG}\nA reporter pasted the marker.`, 'ana-lee');
    fake.comments.set(7, [pasted, ...(fake.comments.get(7) ?? []).filter((comment) => comment !== pasted)]);
    expect((await upsert('second')).action).toBe('updated');
    expect(fake.comments.get(7)?.map((comment) => [comment.user.login, comment.body])).toEqual([
      ['ana-lee', `${TAG}\nA reporter pasted the marker.`],
      ['plainbook-bot', `${TAG}\nsecond`],
    ]);
    expect(fake.requests.filter((request) => request.path === '/graphql')).toHaveLength(1);
  });

  it('posts its own comment when the only one with the marker is someone else\'s', async () => {
    fake.addComment(7, `${TAG}\nA reporter pasted the marker.`, 'ana-lee');
    expect((await upsert('first')).action).toBe('created');
    expect(fake.comments.get(7)?.map((comment) => comment.user.login)).toEqual(['ana-lee', 'plainbook-bot']);
  });

  it('takes the login from PLAINBOOK_BOT_LOGIN instead of asking GitHub', async () => {
    fake.addComment(7, `${TAG}\nold`);
    const target = { owner: fake.owner, repo: fake.repo, apiUrl: fake.url };
    const octokit = createOctokit(FAKE_TOKEN, target, { ...clientOptionsFromEnv({ PLAINBOOK_BOT_LOGIN: 'plainbook-bot' }), writeIntervalMs: 0 });
    expect((await upsertComment({ octokit, target, issueNumber: 7, marker: TAG, body: `${TAG}\nnew` })).action).toBe('updated');
    expect(fake.requests.some((request) => request.path === '/graphql')).toBe(false);
  });

  it('explains a bad token without ever printing it', async () => {
    const token = 'ghp_secretValueThatMustNotLeak';
    const error = await upsert('first', { token }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).status).toBe(401);
    expect((error as Error).message).toContain('GITHUB_TOKEN');
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(token);
    expect(String((error as Error).stack)).not.toContain(token);
    expect(FAKE_TOKEN).not.toBe(token);
  });
});
