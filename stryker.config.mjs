// Mutation testing: `npm run mutate`, or narrowed, `npm run mutate -- --mutate 'src/review/**/*.ts'`.
// Reports land in reports/mutation/ (HTML and JSON); `node scripts/mutation-score.ts` prints the score per folder.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'src/feedback/**/*.ts',
    'src/github/**/*.ts',
    'src/lint/rules/**/*.ts',
    'src/lint/metrics.ts',
    'src/review/**/*.ts',
    // Where untrusted words are written into policies (it was src/feedback/escape.ts).
    'src/markdown/**/*.ts',
    // Where untrusted documents become policies.
    'src/import/**/*.ts',
    // The check page's pure parts: the marked draft, the newest-draft-only queue, the proposed file.
    'src/check/marks.ts',
    'src/check/latest-only.ts',
    'src/check/proposal.ts',
    '!src/**/*.d.ts',
  ],
  testRunner: 'vitest',
  vitest: {
    // Unit tests and the integration tests against the local GitHub fake; no astro build, no browser.
    configFile: 'test/vitest.mutate.config.ts',
    // Run every listed test in the dry run; per-test coverage then picks the tests for each mutant.
    related: false,
  },
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  concurrency: 2,
  // Added to 1.5 x a test's dry-run time: the fake GitHub retries and waits out rate limits in milliseconds.
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
