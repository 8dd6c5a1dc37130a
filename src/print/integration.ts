import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { assemblePrintPage } from './assemble-print.ts';

/** Fills the built print page from the built policy pages (assemble-print.ts says why). */
export function printPage(): AstroIntegration {
  return {
    name: 'plainbook:print',
    hooks: {
      'astro:build:done'({ dir, logger }) {
        const started = performance.now();
        const policies = assemblePrintPage(fileURLToPath(dir));
        if (policies > 0) logger.info(`Print page: ${policies} policies copied from their pages (${Math.round(performance.now() - started)} ms).`);
      },
    },
  };
}
