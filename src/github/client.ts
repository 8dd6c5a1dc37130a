/**
 * The one place Plainbook makes an Octokit client. Octokit comes with the retry plugin (5xx and
 * dropped connections are tried again with back-off) and the throttling plugin (waits out
 * primary and secondary rate limits); we set how patient both are.
 */
import Bottleneck from 'bottleneck/light.js';
import { Octokit } from 'octokit';
import type { CliIo } from '../command/io.ts';
import { ConfigError } from '../errors/index.ts';
import { declareLogin } from './identity.ts';

export interface GitHubTarget {
  owner: string;
  repo: string;
  /** REST API root: `https://api.github.com`, or `https://<host>/api/v3` on GitHub Enterprise Server. */
  apiUrl: string;
}

export interface ClientOptions {
  /** How often a failed request is tried again (default 3). */
  retries?: number;
  /** First back-off in milliseconds; tests make it short (default 1000). */
  retryAfterBaseValue?: number;
  /** Longest rate-limit wait, in seconds, that we sit out rather than fail (default 120). */
  maxRateLimitWait?: number;
  /** Milliseconds one "second" of a rate-limit wait lasts; tests shrink it (default 1000). */
  rateLimitSecond?: number;
  /**
   * Gap between writes in milliseconds. GitHub asks for at least a second between content-creating
   * requests to stay clear of secondary rate limits (default 1000); writes that notify people
   * (new issues, comments) wait three times as long, as the throttling plugin does by default.
   */
  writeIntervalMs?: number;
  /** Where Octokit's own warnings go (default: stderr). */
  log?: Pick<Console, 'debug' | 'info' | 'warn' | 'error'>;
  /**
   * The login the token writes as, when known (`PLAINBOOK_BOT_LOGIN`); otherwise it is asked of
   * GitHub once (see identity.ts). Plainbook edits only comments and issues this login wrote.
   */
  login?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Repository and API address from the environment GitHub Actions sets. */
export function targetFromEnv(env: Env = process.env): GitHubTarget {
  const repository = env.GITHUB_REPOSITORY;
  const match = repository ? /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository) : null;
  if (!match?.[1] || !match[2]) {
    throw new ConfigError(
      repository
        ? `Unexpected GITHUB_REPOSITORY \`${repository}\`, expected \`owner/name\`, such as \`acme/handbook\`.`
        : 'Missing GITHUB_REPOSITORY, expected `owner/name`, such as `acme/handbook`. GitHub Actions sets it; locally, export it.',
    );
  }
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  if (!URL.canParse(apiUrl)) {
    throw new ConfigError(`Unexpected GITHUB_API_URL \`${apiUrl}\`, expected an address such as \`https://api.github.com\`.`);
  }
  return { owner: match[1], repo: match[2], apiUrl };
}

/**
 * Client settings from the environment. `PLAINBOOK_WRITE_INTERVAL_MS` sets the gap between writes
 * and nothing else (GitHub Enterprise Server admins may allow less than github.com's one second):
 * rate-limit and retry waits are GitHub's to set, never shortened by it.
 * `PLAINBOOK_BOT_LOGIN` names the account the token writes as.
 */
export function clientOptionsFromEnv(env: Env = process.env): ClientOptions {
  const options: ClientOptions = {};
  const interval = env.PLAINBOOK_WRITE_INTERVAL_MS;
  if (interval !== undefined && interval !== '') {
    if (!/^\d+$/.test(interval)) throw new ConfigError(`Unexpected PLAINBOOK_WRITE_INTERVAL_MS \`${interval}\`, expected a whole number of milliseconds such as \`1000\`.`);
    options.writeIntervalMs = Number(interval);
  }
  const login = env.PLAINBOOK_BOT_LOGIN?.trim();
  if (login) {
    if (!LOGIN.test(login)) throw new ConfigError(`Unexpected PLAINBOOK_BOT_LOGIN \`${login}\`, expected a GitHub login such as \`github-actions[bot]\` or \`handbook-bot\`.`);
    options.login = login;
  }
  return options;
}

// A user login, or an App's bot account (`<slug>[bot]`).
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

export function tokenFromEnv(env: Env = process.env): string {
  const token = env.GITHUB_TOKEN?.trim();
  if (!token) {
    throw new ConfigError('Missing GITHUB_TOKEN, expected a token that can write issues. In a workflow, pass `GITHUB_TOKEN: ${{ github.token }}`; locally, `export GITHUB_TOKEN=...` (or use --dry-run).');
  }
  return token;
}

export function createOctokit(token: string, target: GitHubTarget, options: ClientOptions = {}): Octokit {
  const maxWait = options.maxRateLimitWait ?? 120;
  const log = options.log ?? console;
  const octokit = new Octokit({
    auth: token,
    baseUrl: target.apiUrl,
    userAgent: 'plainbook',
    log: { debug: () => {}, info: () => {}, warn: log.warn.bind(log), error: log.error.bind(log) },
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: options.retryAfterBaseValue ?? 1000 },
    throttle: {
      retryAfterBaseValue: options.rateLimitSecond ?? 1000,
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeIntervalMs ?? 1000 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3 * (options.writeIntervalMs ?? 1000) }),
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        log.warn(`GitHub rate limit reached on ${request.method} ${request.url}; waiting ${retryAfter} s.`);
        return retryAfter <= maxWait && retryCount < 3;
      },
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        log.warn(`GitHub secondary rate limit on ${request.method} ${request.url}; waiting ${retryAfter} s.`);
        return retryAfter <= maxWait && retryCount < 3;
      },
    },
  });
  if (options.login) declareLogin(octokit, options.login);
  return octokit;
}

/** A command that talks to GitHub; tests pass shorter waits. */
export interface GitHubCliIo extends CliIo {
  clientOptions?: ClientOptions;
}
