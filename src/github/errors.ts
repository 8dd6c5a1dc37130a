import { RequestError } from 'octokit';

/**
 * A GitHub API call that failed, said in terms of what Plainbook was doing. Keeps the HTTP
 * status and the original error as `cause`; never holds the token (Octokit redacts it from the
 * request it attaches, and we copy only the message).
 */
export class GitHubError extends Error {
  override readonly name = 'GitHubError';
  readonly status: number | undefined;

  constructor(step: string, status: number | undefined, detail: string, options?: { cause?: unknown }) {
    super(`GitHub ${status ? `answered ${status}` : 'could not be reached'} while ${step}: ${detail}`, options);
    this.status = status;
  }
}

const HINTS: Record<number, string> = {
  401: 'The token in GITHUB_TOKEN is missing, expired or wrong. Create a new one and set GITHUB_TOKEN.',
  403: 'The token may lack a permission this step needs (issues, pull requests or contents: write), or this is a pull request from a fork, where tokens are read-only.',
  404: 'Check GITHUB_REPOSITORY (owner/name) and that the token can see that repository.',
  422: 'GitHub rejected the data; see the message above.',
};

/** Run one API step; a failure becomes a `GitHubError` that names the step and a way out. */
export async function githubStep<T>(step: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toGitHubError(step, error);
  }
}

export function toGitHubError(step: string, error: unknown): GitHubError {
  if (error instanceof GitHubError) return error;
  if (error instanceof RequestError) {
    const apiMessage = (error.response?.data as { message?: string } | undefined)?.message ?? error.message;
    const hint = HINTS[error.status] ?? (error.status >= 500 ? 'GitHub had a problem; try again in a few minutes.' : '');
    return new GitHubError(step, error.status, [apiMessage, hint].filter(Boolean).join(' '), { cause: error });
  }
  return new GitHubError(step, undefined, error instanceof Error ? error.message : String(error), { cause: error });
}
