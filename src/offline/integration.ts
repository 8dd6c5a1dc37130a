/**
 * The offline copy as an Astro integration. It must run after Starlight's, whose `astro:build:done`
 * writes the search index this lists: plainbook() adds it after Starlight for that reason.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeServiceWorker } from './build-service-worker.ts';
import { sizeText } from './notes.ts';

export function offlineCopy(base: string): AstroIntegration {
  return {
    name: 'plainbook:offline',
    hooks: {
      async 'astro:build:done'({ dir, logger }) {
        const started = performance.now();
        const report = await writeServiceWorker(fileURLToPath(dir), base);
        logger.info(
          `Offline copy ${report.version}: first visit ${sizeText(report.firstVisit.bytes)} in ${report.firstVisit.files} files; ` +
            `the rest ${sizeText(report.later.bytes)} in ${report.later.files} files, saved later (${Math.round(performance.now() - started)} ms).`,
        );
      },
    },
  };
}
