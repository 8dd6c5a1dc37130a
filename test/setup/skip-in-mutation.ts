import { beforeEach } from 'vitest';

/**
 * Stryker's Vitest runner overwrites `testNamePattern`, so the slow tests are skipped here instead:
 * each one runs a real `astro build`, which would run again for every mutant it covers.
 */
const SLOW = [/the handbook builds with every hostile suggestion applied/];

beforeEach((context) => {
  if (SLOW.some((pattern) => pattern.test(context.task.name))) context.skip('runs a real astro build');
});
