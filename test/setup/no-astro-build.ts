import type { BuildResult } from '../helpers/build-site.ts';

/**
 * Stands in for test/helpers/build-site.ts under `npm run mutate` (see test/vitest.mutate.config.ts):
 * a test that builds the handbook would rebuild it for every mutant it covers. Fails at once, naming
 * the fix, instead of making the run hours long.
 */
export function buildSite(): Promise<BuildResult> {
  return Promise.reject(new Error('This test runs a real astro build: add its name to SLOW in test/setup/skip-in-mutation.ts.'));
}
