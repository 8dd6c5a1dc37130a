import { RequestError } from 'octokit';
import { describe, expect, it, vi } from 'vitest';
import { EXIT, exitCodeFor } from '../../src/command/exit-codes.ts';
import { runToExitCode } from '../../src/cli/run-cli.ts';
import { describeFailure } from '../../src/errors/index.ts';
import { ConfigError, ContentError, EnvironmentError, GitHubError, UsageError } from '../../src/errors/index.ts';
import { clientOptionsFromEnv, targetFromEnv, tokenFromEnv } from '../../src/github/client.ts';
import { hasStatus, toGitHubError } from '../../src/github/errors.ts';

describe('exit codes by kind of error', () => {
  it.each([
    ['a usage error', new UsageError('x'), 2],
    ['a configuration error', new ConfigError('x'), 2],
    ['a content error', new ContentError('x'), 1],
    ['a GitHub error', new GitHubError('reading', 502, 'x'), 3],
    ['an environment error', new EnvironmentError('x'), 3],
    ['a crash', new TypeError('x is undefined'), 70],
    ['a thrown string', 'boom', 70],
  ])('%s exits %i', (_, error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });

  it('counts an error a framework wrapped by the Plainbook error inside it', () => {
    const wrapped = new Error('Astro could not load the collection', { cause: new ContentError('Invalid policy frontmatter') });
    expect(exitCodeFor(wrapped)).toBe(EXIT.findings);
    expect(exitCodeFor(new Error('outer', { cause: new Error('inner', { cause: new GitHubError('x', 500, 'y') }) }))).toBe(EXIT.environment);
  });

  it('survives a cause that points back at itself', () => {
    const loop = new Error('loop');
    (loop as { cause?: unknown }).cause = loop;
    expect(exitCodeFor(loop)).toBe(EXIT.crash);
  });

  it('names each class in its printed form', () => {
    expect(String(new ContentError('bad'))).toBe('ContentError: bad');
    expect(new GitHubError('reading issue #4', 404, 'Not Found').message).toBe('GitHub answered 404 while reading issue #4: Not Found');
    expect(new GitHubError('reading issue #4', undefined, 'socket hang up').message).toBe('GitHub could not be reached while reading issue #4: socket hang up');
  });
});

describe('what a command prints when it stops', () => {
  it('prints a known error as its message alone, and exits with its code', async () => {
    let stderr = '';
    const code = await runToExitCode(async () => {
      throw new ConfigError('Missing GITHUB_REPOSITORY, expected `owner/name`.');
    }, (text) => (stderr += text));
    expect(code).toBe(2);
    expect(stderr).toBe('Missing GITHUB_REPOSITORY, expected `owner/name`.\n');
  });

  it('prints a crash with its stack and says it is a bug', () => {
    const text = describeFailure(new TypeError('x is undefined'), false);
    expect(text).toMatch(/^Plainbook stopped on an unexpected error\. This is a bug: please report it with the text below\.\nTypeError: x is undefined\n {4}at /);
  });

  it('prints the stack of a known error only with --debug', () => {
    expect(describeFailure(new UsageError('bad flag'), false)).toBe('bad flag');
    expect(describeFailure(new UsageError('bad flag'), true)).toMatch(/^UsageError: bad flag\n {4}at /);
  });

  it('passes on the command\'s own exit code', async () => {
    expect(await runToExitCode(async () => EXIT.findings, () => {})).toBe(1);
    expect(await runToExitCode(async () => undefined, () => {})).toBe(0);
  });
});

describe('GitHub settings from the environment', () => {
  it('are configuration errors that say what to set', () => {
    expect(() => targetFromEnv({})).toThrow(ConfigError);
    expect(() => targetFromEnv({ GITHUB_REPOSITORY: 'acme' })).toThrow('Unexpected GITHUB_REPOSITORY `acme`, expected `owner/name`, such as `acme/handbook`.');
    expect(() => tokenFromEnv({ GITHUB_TOKEN: '  ' })).toThrow(ConfigError);
    expect(targetFromEnv({ GITHUB_REPOSITORY: 'acme/handbook', GITHUB_API_URL: 'https://ghe.example/api/v3/' })).toEqual({ owner: 'acme', repo: 'handbook', apiUrl: 'https://ghe.example/api/v3' });
    expect(targetFromEnv({ GITHUB_REPOSITORY: 'Acme-Co/hand_book.v2', GITHUB_API_URL: '' })).toEqual({ owner: 'Acme-Co', repo: 'hand_book.v2', apiUrl: 'https://api.github.com' });
    expect(() => targetFromEnv({ GITHUB_REPOSITORY: 'acme/hand book' })).toThrow(ConfigError);
    expect(() => targetFromEnv({ GITHUB_REPOSITORY: 'x/acme/handbook' })).toThrow(ConfigError);
    expect(() => targetFromEnv({ GITHUB_REPOSITORY: '/handbook' })).toThrow(ConfigError);
    expect(() => targetFromEnv({})).toThrow('Missing GITHUB_REPOSITORY, expected `owner/name`, such as `acme/handbook`. GitHub Actions sets it; locally, export it.');
    expect(() => targetFromEnv({ GITHUB_REPOSITORY: 'acme/handbook', GITHUB_API_URL: 'not a url' })).toThrow('Unexpected GITHUB_API_URL `not a url`, expected an address such as `https://api.github.com`.');
    expect(tokenFromEnv({ GITHUB_TOKEN: ' ghs_abc \n' })).toBe('ghs_abc');
    expect(() => tokenFromEnv({})).toThrow('Missing GITHUB_TOKEN, expected a token that can write issues.');
  });

  it('PLAINBOOK_WRITE_INTERVAL_MS spaces writes and shortens no rate-limit or retry wait', () => {
    expect(clientOptionsFromEnv({ PLAINBOOK_WRITE_INTERVAL_MS: '0' })).toEqual({ writeIntervalMs: 0 });
    expect(clientOptionsFromEnv({ PLAINBOOK_WRITE_INTERVAL_MS: '250' })).toEqual({ writeIntervalMs: 250 });
    expect(clientOptionsFromEnv({ PLAINBOOK_WRITE_INTERVAL_MS: '' })).toEqual({});
    expect(() => clientOptionsFromEnv({ PLAINBOOK_WRITE_INTERVAL_MS: '1s' })).toThrow('Unexpected PLAINBOOK_WRITE_INTERVAL_MS `1s`, expected a whole number of milliseconds such as `1000`.');
  });

  it('PLAINBOOK_BOT_LOGIN takes a user or an App bot login', () => {
    expect(clientOptionsFromEnv({ PLAINBOOK_BOT_LOGIN: 'github-actions[bot]' })).toEqual({ login: 'github-actions[bot]' });
    expect(clientOptionsFromEnv({ PLAINBOOK_BOT_LOGIN: ' handbook-bot ' })).toEqual({ login: 'handbook-bot' });
    expect(() => clientOptionsFromEnv({ PLAINBOOK_BOT_LOGIN: 'a b' })).toThrow('Unexpected PLAINBOOK_BOT_LOGIN `a b`, expected a GitHub login such as `github-actions[bot]` or `handbook-bot`.');
    expect(() => clientOptionsFromEnv({ PLAINBOOK_BOT_LOGIN: '-bot' })).toThrow(ConfigError);
  });
});

describe('GitHub errors', () => {
  const requestError = (status: number, message = 'Server Error') =>
    new RequestError(message, status, { request: { method: 'GET', url: 'https://api.github.com/x', headers: {} }, response: { status, url: 'https://api.github.com/x', headers: {}, data: { message } } });

  it('keep the status and the cause, with a hint for the usual statuses', () => {
    const cause = requestError(401, 'Bad credentials');
    const error = toGitHubError('reading labels', cause) as GitHubError;
    expect(error).toBeInstanceOf(GitHubError);
    expect(error.status).toBe(401);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('GitHub answered 401 while reading labels: Bad credentials. The token in GITHUB_TOKEN is missing, expired or wrong. Create a new one and set GITHUB_TOKEN.');
    expect((toGitHubError('reading labels', requestError(503)) as Error).message).toBe('GitHub answered 503 while reading labels: Server Error. GitHub had a problem; try again in a few minutes.');
    expect((toGitHubError('reading labels', requestError(418, 'teapot')) as Error).message).toBe('GitHub answered 418 while reading labels: teapot');
    expect(toGitHubError('x', error)).toBe(error);
    // Not GitHub's doing: a bug or one of our own errors passes through, to exit as what it is.
    const bug = new TypeError('x is undefined');
    expect(toGitHubError('reading labels', bug)).toBe(bug);
  });

  it('are recognised by status whether raw or ours, and nothing else is', () => {
    expect(hasStatus(requestError(404), 404)).toBe(true);
    expect(hasStatus(new GitHubError('x', 404, 'y'), 404)).toBe(true);
    expect(hasStatus(requestError(404), 403)).toBe(false);
    expect(hasStatus(Object.assign(new Error('x'), { status: 404 }), 404)).toBe(false);
  });
});

describe('errors from another copy of the error module', () => {
  it('are instances of the same classes, as the site build (Vite loads its own copy) needs', async () => {
    vi.resetModules();
    const copy = await import('../../src/errors/index.ts');
    expect(copy.ContentError).not.toBe(ContentError);
    const fromCopy = new copy.ContentError('Invalid policy frontmatter');
    expect(fromCopy).toBeInstanceOf(ContentError);
    expect(fromCopy).not.toBeInstanceOf(ConfigError);
    expect(exitCodeFor(fromCopy)).toBe(EXIT.findings);
    expect(exitCodeFor(new copy.GitHubError('x', 500, 'y'))).toBe(EXIT.environment);
    expect(new Error('plain')).not.toBeInstanceOf(ContentError);
  });
});
