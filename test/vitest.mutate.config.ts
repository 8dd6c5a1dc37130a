import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The tests Stryker runs (`npm run mutate`): the unit tests and the integration tests that talk to the
 * local GitHub fake. Nothing here runs a real `astro build` or a browser, and the `site` project's
 * globalSetup (which builds the whole handbook) is left out: each mutant reruns the tests that cover it.
 */
export default defineConfig({
  test: {
    root,
    include: [
      'test/unit/**/*.test.ts',
      'test/integration/feedback.test.ts',
      'test/integration/github-comments.test.ts',
      'test/integration/github-client.test.ts',
      'test/integration/feedback-gateway.test.ts',
      'test/integration/github-issues.test.ts',
      'test/integration/pilot.test.ts',
      'test/integration/review.test.ts',
      'test/integration/lint-comment.test.ts',
    ],
    // Skips the one test in those files that builds the handbook (a name pattern would be overwritten by Stryker).
    setupFiles: ['test/setup/skip-in-mutation.ts'],
    testTimeout: 60_000,
  },
  resolve: {
    // Any other test that builds the handbook fails at once, saying so, instead of slowing every mutant.
    alias: [{ find: /^.*\/helpers\/build-site\.ts$/, replacement: fileURLToPath(new URL('setup/no-astro-build.ts', import.meta.url)) }],
  },
});
