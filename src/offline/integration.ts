/**
 * The offline copy as an Astro integration. It must run after Starlight's, whose `astro:build:done`
 * writes the search index this lists: plainbook() adds it after Starlight for that reason.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SERVICE_WORKER_FILE, writeKillSwitch, writeServiceWorker } from './build-service-worker.ts';
import { ownSource } from '../files/package-root.ts';
import { sizeText } from './notes.ts';

export function offlineCopy(base: string, enabled: boolean): AstroIntegration {
  return {
    name: 'plainbook:offline',
    hooks: {
      // The dev server's pages must never come from a copy a build saved on the same port
      // (`npm start`, then `npm run dev`): in dev, `sw.js` is the worker that removes the copy.
      'astro:config:setup'({ command, injectRoute }) {
        if (command === 'dev') injectRoute({ pattern: `/${SERVICE_WORKER_FILE}`, entrypoint: ownSource('routes/dev-service-worker.ts'), prerender: false });
      },
      async 'astro:build:done'({ dir, logger }) {
        if (!enabled) {
          await writeKillSwitch(fileURLToPath(dir));
          logger.info('Offline copy off: sw.js removes any copy a device saved before.');
          return;
        }
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

