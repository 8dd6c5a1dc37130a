/**
 * Load once and share the result with every caller, but forget a failure: the worker lives for
 * hours, and a list it could not read once (no network, a cache the browser cleared) must be
 * tried again on the next request, not refused until the worker restarts.
 */
export function onceUntilFailure<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
