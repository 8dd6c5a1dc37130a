/**
 * The "Check your words" page as an Astro integration: the page itself (`/check/`), its worker and
 * dictionary written beside it after the build (before the offline copy lists the site, so they
 * are saved with the pages saved later), and served by the dev server from memory.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import { ownSource } from '../files/package-root.ts';
import type { LintLanguage } from '../schema/lint.ts';
import { checkAssets, writeCheckAssets, type CheckAsset } from './assets.ts';
import { CHECK_PAGE } from './check-files.ts';

export function checkPage(language: LintLanguage): AstroIntegration {
  let base = '/';
  return {
    name: 'plainbook:check',
    hooks: {
      'astro:config:setup'({ injectRoute }) {
        injectRoute({ pattern: `/${CHECK_PAGE}`, entrypoint: ownSource('routes/check.astro'), prerender: true });
      },
      'astro:config:done'({ config }) {
        base = config.base;
      },
      'astro:server:setup'({ server }) {
        serveCheckAssets(server, base, language);
      },
      async 'astro:build:done'({ dir, logger }) {
        const started = performance.now();
        const assets = await writeCheckAssets(join(fileURLToPath(dir), CHECK_PAGE), language);
        const kilobytes = Math.round(assets.reduce((sum, asset) => sum + asset.bytes.byteLength, 0) / 1000);
        logger.info(`Check page: the lint worker and the ${language} dictionary, ${kilobytes} KB (${Math.round(performance.now() - started)} ms).`);
      },
    },
  };
}

/**
 * The dev server bundles the worker on the first request for it and keeps it until restarted.
 * Astro's dev server takes the base path off request addresses before other middleware sees
 * them, so either form is accepted.
 */
function serveCheckAssets(server: ViteDevServer, base: string, language: LintLanguage): void {
  const prefixes = [...new Set([`${base.replace(/\/$/, '')}/${CHECK_PAGE}`, `/${CHECK_PAGE}`])];
  let assets: Promise<Map<string, CheckAsset>> | undefined;
  server.middlewares.use((request, response, next) => {
    const path = request.url?.split('?')[0] ?? '';
    const prefix = prefixes.find((each) => path.startsWith(each) && path !== each);
    if (!prefix) return next();
    assets ??= checkAssets(language).then((list) => new Map(list.map((asset) => [asset.path, asset])));
    assets.then(
      (found) => {
        const name = decodedPath(path.slice(prefix.length));
        const asset = name === undefined ? undefined : found.get(name);
        if (!asset) return next();
        response.setHeader('content-type', asset.type);
        response.end(asset.bytes);
      },
      (error: unknown) => {
        assets = undefined;
        next(error);
      },
    );
  });
}

/** A request path as written, or nothing for one that is not valid percent-encoding (`%E0%A4%A`). */
function decodedPath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
