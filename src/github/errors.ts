import { RequestError } from 'octokit';
import { GitHubError } from '../errors/index.ts';

export { GitHubError } from '../errors/index.ts';

const HINTS: Record<number, string> = {
  401: 'The token in GITHUB_TOKEN is missing, expired or wrong. Create a new one and set GITHUB_TOKEN.',
  403: 'The token may lack a permission this step needs (issues, pull requests or contents: write), or this is a pull request from a fork, where tokens are read-only.',
  404: 'Check GITHUB_REPOSITORY (owner/name) and that the token can see that repository.',
  422: 'GitHub rejected the data; see the message above.',
};

/**
 * Run one API step; GitHub's refusal becomes a `GitHubError` that names the step and a way out.
 * Anything else (our own error, a bug) passes through as it is: it is not GitHub's doing.
 */
export async function githubStep<T>(step: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toGitHubError(step, error);
  }
}

/** Octokit reports every HTTP failure, a lost connection included (status 500), as a `RequestError`. */
export function toGitHubError(step: string, error: unknown): unknown {
  if (!(error instanceof RequestError)) return error;
  const apiMessage = (error.response?.data as { message?: string } | undefined)?.message ?? error.message;
  const hint = HINTS[error.status] ?? (error.status >= 500 ? 'GitHub had a problem; try again in a few minutes.' : '');
  // GitHub's messages ("Bad credentials") have no full stop; the hint is a sentence of its own.
  const said = hint && !/[.!?]$/.test(apiMessage) ? `${apiMessage}.` : apiMessage;
  return new GitHubError(step, error.status, [said, hint].filter(Boolean).join(' '), { cause: error });
}

/** Whether GitHub answered with this HTTP status (a raw Octokit error or one of ours). */
export function hasStatus(error: unknown, status: number): boolean {
  return (error instanceof RequestError || error instanceof GitHubError) && error.status === status;
}

/** Run one API step where one status means "there is none" (a 404 for a missing branch, say). */
export async function githubStepOr<T, F>(step: string, status: number, fallback: F, call: () => Promise<T>): Promise<T | F> {
  try {
    return await call();
  } catch (error) {
    if (hasStatus(error, status)) return fallback;
    throw toGitHubError(step, error);
  }
}
