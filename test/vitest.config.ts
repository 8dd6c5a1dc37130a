import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  test: {
    root,
    projects: [
      {
        test: {
          name: 'unit',
          root,
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        // Real `astro build`s and a browser: one file at a time, so two builds never share
        // Astro's generated types, and the machine's two cores are not oversubscribed.
        test: {
          name: 'site',
          root,
          include: ['test/integration/**/*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/setup/build-handbook.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Packs the tarball, makes a handbook with it and installs it: minutes, and the npm cache.
        test: {
          name: 'package',
          root,
          include: ['test/package/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
