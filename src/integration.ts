/**
 * `plainbook()`: the handbook site as one Astro integration. A handbook's astro.config.mjs:
 *
 *     import { defineConfig } from 'astro/config';
 *     import plainbook from 'plainbook';
 *     export default defineConfig({ integrations: [plainbook()] });
 *
 * It adds Starlight (with Plainbook's components, CSS, sidebar and route middleware as a
 * Starlight plugin) and MDX, injects the print, pilot, feed and "Check your words" pages, writes the version pages, and hands the settings in
 * plainbook.config.yml to pages through a virtual module. Options passed as `starlight` reach
 * Starlight, over Plainbook's own.
 */
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import type { AstroIntegration, ViteUserConfig } from 'astro';
import { loadSettings, SETTINGS_FILE } from './config/settings.ts';
import { handbookIcons } from './offline/icons.ts';
import { checkPage } from './check/integration.ts';
import { offlineCopy } from './offline/integration.ts';
import { printPage } from './print/integration.ts';
import { registerSourceWords } from './suggest/source-words-plugin.ts';
import { settingsModule } from './site/settings-module.ts';
import { versionPagesIntegration } from './site/version-integration.ts';
import { ownSource } from './files/package-root.ts';
import { starlightOptions, type StarlightOptions } from './site/starlight-options.ts';
import { plainbookStarlightPlugin, type SitePlan } from './site/starlight-plugin.ts';
import { isPrivate, noSitemap, publicSitemap } from './site/visibility.ts';

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
  { pattern: '/manifest.webmanifest', entrypoint: 'routes/manifest.webmanifest.ts' },
  { pattern: '/icons/[icon]', entrypoint: 'routes/icons/[icon].ts' },
];

const ROBOTS_TXT = { pattern: '/robots.txt', entrypoint: 'routes/robots.txt.ts' };

export default function plainbook(options: PlainbookOptions = {}): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'plainbook',
    hooks: {
      'astro:config:setup'({ config, command, updateConfig, injectRoute, addDevToolbarApp, logger }) {
        root = fileURLToPath(config.root);
        const settings = loadSettings(root);
        // A wrong home-screen icon stops here, naming its line, before anything is built.
        handbookIcons(settings, SETTINGS_FILE);
        const team = options.starlight ?? {};
        const plan: SitePlan = { contentMarks: false };
        const starlightConfig = { ...starlightOptions(settings, team), plugins: [plainbookStarlightPlugin(plan), ...(team.plugins ?? [])] };
        // Page blocks keep their source words, for "Suggest a change" (src/suggest/).
        if (!registerSourceWords(config.markdown.processor)) logger.warn(`The Markdown processor \`${config.markdown.processor?.name}\` runs no Plainbook plugins: "Suggest a change" will send the words as the page shows them.`);
        for (const route of [...ROUTES, ...(isPrivate(settings) ? [ROBOTS_TXT] : [])]) injectRoute({ pattern: route.pattern, entrypoint: ownSource(route.entrypoint), prerender: true });
        // Only `astro dev` has a toolbar; a build never loads the app or its server side.
        if (command === 'dev') addDevToolbarApp({ id: 'plainbook-plain-language', name: 'Plain language', icon: PLAIN_LANGUAGE_ICON, entrypoint: ownSource('dev/plain-language-app.ts') });
        updateConfig({
          site: config.site ?? settings.origin,
          base: config.base !== '/' ? config.base : settings.base,
          build: { concurrency: RENDER_CONCURRENCY },
          // After Starlight's: the print page is filled in and the version pages and the check
          // page's worker written after the search index is made (less for Pagefind to read), and
          // the offline copy sees them all.
          integrations: [isPrivate(settings) ? noSitemap : publicSitemap(), starlight(starlightConfig), mdx(), printPage(), versionPagesIntegration(settings), checkPage(settings.lint.language), offlineCopy(settings.base, settings.offline)],
          vite: { plugins: [settingsModule(settings, plan, command)], build: { rolldownOptions: { onLog: quietModuleDirectives } } },
        });
      },
      async 'astro:server:setup'({ server, toolbar }) {
        const { servePlainLanguage } = await import('./dev/plain-language-server.ts');
        servePlainLanguage(root, server, toolbar);
      },
    },
  };
}

/** An open book with a check mark: the app's button in the toolbar. */
const PLAIN_LANGUAGE_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path d="M3 5.5C5.5 4.5 8.5 4.5 12 6c3.5-1.5 6.5-1.5 9-.5v13c-2.5-1-5.5-1-9 .5-3.5-1.5-6.5-1.5-9-.5z"/><path d="M12 6v13.5"/><path d="m14.5 12 2 2 3.5-4"/></svg>';

type OnLog = NonNullable<NonNullable<NonNullable<ViteUserConfig['build']>['rolldownOptions']>['onLog']>;

/** Module-level directives warn once per file: 1 MB of log at 1,000 pages, and nothing to act on. */
const quietModuleDirectives: OnLog = (level, log, handle) => {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
  handle(level, log);
};
