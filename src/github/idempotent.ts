import { RequestError } from 'octokit';
import { toGitHubError } from './errors.ts';

/**
 * Create something on GitHub exactly once. A POST whose answer was lost (a dropped connection,
 * a 502 from a proxy) may still have been carried out, so a blind retry can make a duplicate.
 * Instead: look for the thing (by its hidden marker), create it only when it is absent, and after
 * a failure that might hide a success, look again before trying once more.
 */
export async function findOrCreate<T>(options: {
  step: string;
  find: () => Promise<T | undefined>;
  create: () => Promise<T>;
  attempts?: number;
  /** The caller has just looked and found nothing: skip the first look. */
  knownAbsent?: boolean;
}): Promise<{ item: T; created: boolean }> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const existing = attempt === 1 && options.knownAbsent ? undefined : await options.find();
    if (existing !== undefined) return { item: existing, created: false };
    try {
      return { item: await options.create(), created: true };
    } catch (error) {
      if (attempt >= attempts || !mayHaveSucceeded(error)) throw toGitHubError(options.step, error);
    }
  }
}

/**
 * Errors after which GitHub may have done the work anyway: server errors and lost connections
 * (Octokit reports those as status 500). Our own errors are not retried.
 */
function mayHaveSucceeded(error: unknown): boolean {
  return error instanceof RequestError && error.status >= 500;
}

/** Per-request option: no automatic retry, for POSTs that `findOrCreate` retries safely itself. */
export const NO_BLIND_RETRY = { request: { retries: 0 } } as const;
