/**
 * `plainbook()`: the handbook site as one Astro integration. A handbook's astro.config.mjs:
 *
 *     import { defineConfig } from 'astro/config';
 *     import plainbook from 'plainbook';
 *     export default defineConfig({ integrations: [plainbook()] });
 *
 * It adds Starlight (with Plainbook's components, CSS, sidebar and route middleware as a
 * Starlight plugin) and MDX, injects the print, pilot and feed pages, and hands the settings in
 * plainbook.config.yml to pages through a virtual module. Options passed as `starlight` reach
 * Starlight, over Plainbook's own.
 */
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import type { AstroIntegration, ViteUserConfig } from 'astro';
import { loadSettings } from './config/settings.ts';
import { settingsModule } from './site/settings-module.ts';
import { bareStarlightOptions, own, starlightOptions, type StarlightOptions } from './site/starlight-options.ts';
import { plainbookStarlightPlugin } from './site/starlight-plugin.ts';

export interface PlainbookOptions {
  /** Starlight options: logo, social links, custom CSS, locales, component overrides, plugins… */
  starlight?: Partial<StarlightOptions>;
}

// Pages wait on files (the page's source for its lint grade, the HTML written out); rendering
// four at once keeps the thread busy meanwhile: 5.4 → 4.4 s for 1,000 policies.
const RENDER_CONCURRENCY = 4;

const ROUTES = [
  { pattern: '/print', entrypoint: 'routes/print.astro' },
  { pattern: '/pilots/[round]', entrypoint: 'routes/pilots/[round].astro' },
  { pattern: '/changes.xml', entrypoint: 'routes/changes.xml.ts' },
];

export default function plainbook(options: PlainbookOptions = {}): AstroIntegration {
  return {
    name: 'plainbook',
    hooks: {
      'astro:config:setup'({ config, updateConfig, injectRoute }) {
        const settings = loadSettings(fileURLToPath(config.root));
        // `npm run bench` builds the same pages with Starlight's defaults as its baseline.
        const bare = process.env.PLAINBOOK_BARE_STARLIGHT === '1';
        const team = options.starlight ?? {};
        const starlightConfig = bare ? bareStarlightOptions(settings) : { ...starlightOptions(settings, team), plugins: [plainbookStarlightPlugin(), ...(team.plugins ?? [])] };
        if (!bare) for (const route of ROUTES) injectRoute({ pattern: route.pattern, entrypoint: own(route.entrypoint), prerender: true });
        updateConfig({
          site: config.site ?? settings.origin,
          base: config.base !== '/' ? config.base : settings.base,
          build: { concurrency: bare ? 1 : RENDER_CONCURRENCY },
          integrations: [starlight(starlightConfig), mdx()],
          vite: { plugins: [settingsModule(settings)], build: { rolldownOptions: { onLog: quietModuleDirectives } } },
        });
      },
    },
  };
}

type OnLog = NonNullable<NonNullable<NonNullable<ViteUserConfig['build']>['rolldownOptions']>['onLog']>;

/** Module-level directives warn once per file: 1 MB of log at 1,000 pages, and nothing to act on. */
const quietModuleDirectives: OnLog = (level, log, handle) => {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
  handle(level, log);
};
