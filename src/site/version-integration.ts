import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ownSource } from '../files/package-root.ts';
import { writeVersionPages, type VersionSite } from './version-pages.ts';

/**
 * The version pages as an Astro integration: written after the build, once Starlight's search
 * index is made (they are not in it, and Pagefind need not read them), and served by the dev
 * server from the same code through a route of its own.
 */
export function versionPagesIntegration(site: VersionSite): AstroIntegration {
  let base = '/';
  return {
    name: 'plainbook:versions',
    hooks: {
      'astro:config:setup'({ command, injectRoute }) {
        if (command === 'dev') injectRoute({ pattern: '/versions/[...version]', entrypoint: ownSource('routes/policy-version.ts'), prerender: false });
      },
      'astro:config:done'({ config }) {
        base = config.base;
      },
      async 'astro:build:done'({ dir, logger }) {
        const started = performance.now();
        const pages = await writeVersionPages(site, base, fileURLToPath(dir));
        if (pages > 0) logger.info(`Version pages: ${pages} earlier versions of policies (${Math.round(performance.now() - started)} ms).`);
      },
    },
  };
}
