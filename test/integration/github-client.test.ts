/**
 * The one Octokit client against the local GitHub fake: how many times it retries, and when it
 * gives up. Waits are shrunk (a "second" of back-off lasts 5 ms); the counts are GitHub's.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubError } from '../../src/errors/index.ts';
import { githubStep } from '../../src/github/errors.ts';
import { ownLogin } from '../../src/github/identity.ts';
import { fakeClient } from '../helpers/github-client.ts';
import { GitHubFake, type Fault } from '../helpers/github-fake/server.ts';

let fake: GitHubFake;
beforeEach(async () => {
  fake = new GitHubFake();
  await fake.start();
});
afterEach(() => fake.stop());

function readLabels() {
  const { octokit, target } = fakeClient(fake);
  return githubStep('reading labels', () => octokit.rest.issues.listLabelsForRepo({ owner: target.owner, repo: target.repo }));
}

const times = (count: number, fault: Fault) => Array.from({ length: count }, () => fault);
const answered = () => fake.requests.filter((request) => request.fault === undefined).length;

describe('the GitHub client', () => {
  it('tries a server error three more times, then succeeds', async () => {
    fake.injectFaults(...times(3, { kind: 'status', status: 502 }));
    await readLabels();
    expect(fake.requests).toHaveLength(4);
    expect(answered()).toBe(1);
  });

  it('gives up after the fourth server error in a row, saying what it was doing', async () => {
    fake.injectFaults(...times(4, { kind: 'status', status: 502 }));
    const error = await readLabels().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).status).toBe(502);
    expect((error as GitHubError).message).toBe('GitHub answered 502 while reading labels: Server Error. GitHub had a problem; try again in a few minutes.');
    expect(fake.requests).toHaveLength(4);
  });

  it('tries a dropped connection again', async () => {
    fake.injectFaults(...times(2, { kind: 'drop' }));
    await readLabels();
    expect(fake.requests).toHaveLength(3);
  });

  it.each([
    ['rate limit', { kind: 'rate-limit' } as const],
    ['secondary rate limit', { kind: 'secondary-rate-limit' } as const],
  ])('waits out a %s three times, and fails on the fourth', async (_, fault) => {
    fake.injectFaults(...times(3, fault));
    await readLabels();
    expect(fake.requests).toHaveLength(4);

    fake.requests.length = 0;
    fake.injectFaults(...times(4, fault));
    const error = await readLabels().catch((caught: unknown) => caught);
    expect((error as GitHubError).status).toBe(403);
    expect(fake.requests).toHaveLength(4);
  });

  it('does not sit out a rate limit longer than two minutes', async () => {
    fake.injectFaults({ kind: 'secondary-rate-limit', retryAfter: 121 });
    await expect(readLabels()).rejects.toThrow('GitHub answered 403 while reading labels: You have exceeded a secondary rate limit');
    expect(fake.requests).toHaveLength(1);
  });

  it('waits out a rate limit of exactly two minutes', async () => {
    fake.injectFaults({ kind: 'secondary-rate-limit', retryAfter: 120 });
    await readLabels();
    expect(fake.requests).toHaveLength(2);
  });

  it('asks who the token is once per client, and again after a failed answer', async () => {
    const { octokit } = fakeClient(fake);
    fake.injectFaults(...times(4, { kind: 'status', status: 502 }));
    await expect(ownLogin(octokit)).rejects.toThrow('GitHub answered 502 while asking which account the token belongs to (set PLAINBOOK_BOT_LOGIN to skip this)');
    expect(await ownLogin(octokit)).toBe('plainbook-bot');
    expect(await ownLogin(octokit)).toBe('plainbook-bot');
    expect(fake.requests.filter((request) => request.path === '/graphql' && request.fault === undefined)).toHaveLength(1);
  });
});
