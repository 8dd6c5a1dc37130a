import type { Octokit } from 'octokit';
import { createOctokit, type GitHubTarget } from '../../src/github/client.ts';
import { FAKE_TOKEN, type GitHubFake } from './github-fake/server.ts';

/** The production client pointed at the fake, with waits shrunk so fault tests run fast. */
export function fakeClient(fake: GitHubFake, token = FAKE_TOKEN): { octokit: Octokit; target: GitHubTarget; warnings: string[] } {
  const warnings: string[] = [];
  const log = { debug() {}, info() {}, warn: (message: string) => warnings.push(message), error: (message: string) => warnings.push(message) };
  const target = { owner: fake.owner, repo: fake.repo, apiUrl: fake.url };
  const octokit = createOctokit(token, target, { retryAfterBaseValue: 5, rateLimitSecond: 5, writeIntervalMs: 0, log });
  return { octokit, target, warnings };
}
