import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import type { AstroUserConfig, ViteUserConfig } from 'astro';
import { loadSettings, type ResolvedSettings } from '../config/settings.ts';
import { POLICY_DIR } from '../policies/validate-policy.ts';
import { settingsModule } from './settings-module.ts';

/**
 * The whole Astro + Starlight configuration, so `astro.config.mjs` stays one line and tests can
 * build the same site from other content.
 */
export function handbookConfig(root: string = process.cwd()): AstroUserConfig {
  const settings = loadSettings(root);
  return {
    site: settings.origin,
    base: settings.base,
    trailingSlash: 'ignore',
    integrations: [starlight(starlightOptions(settings)), mdx()],
    vite: {
      plugins: [settingsModule(settings)],
      build: { rolldownOptions: { onLog: quietModuleDirectives } },
    },
  };
}

type StarlightOptions = Parameters<typeof starlight>[0];

function starlightOptions(settings: ResolvedSettings): StarlightOptions {
  const contentDir = relative(settings.root, settings.contentPath).split('\\').join('/');
  return {
    title: settings.title,
    ...(settings.description ? { description: settings.description } : {}),
    favicon: '/favicon.svg',
    credits: false,
    social: [{ icon: 'github', label: 'Policies on GitHub', href: settings.repoUrl }],
    editLink: { baseUrl: `${settings.repoUrl}/edit/${settings.branch}/` },
    // Starlight's own git dates only see src/content/docs; ours come from route middleware.
    lastUpdated: false,
    routeMiddleware: './src/site/route-middleware.ts',
    components: {
      PageTitle: './src/overrides/page-title.astro',
      Search: './src/overrides/search.astro',
      Footer: './src/overrides/footer.astro',
    },
    head: [{ tag: 'link', attrs: { rel: 'alternate', type: 'application/rss+xml', title: 'Policy changes', href: `${settings.base.replace(/\/$/, '')}/changes.xml` } }],
    customCss: ['./src/styles/handbook.css', './src/styles/components.css', './src/styles/print.css'],
    sidebar: [
      ...handbookGroup(settings.contentPath),
      { label: 'Policies', items: [{ autogenerate: { directory: `${contentDir}/${POLICY_DIR}` } }] },
    ],
  };
}

/** Pages beside the policies, linked when the content folder has them (Starlight fails on a missing slug). */
const HANDBOOK_PAGES = [{ slug: 'index', label: 'Start here' }, { slug: 'what-changed' }, { slug: 'due-for-review' }, { slug: 'goals' }, { slug: 'training-pack' }];

function handbookGroup(contentPath: string) {
  const items: ({ slug: string; label?: string } | { label: string; link: string })[] = HANDBOOK_PAGES.filter(({ slug }) => ['mdx', 'md'].some((ext) => existsSync(join(contentPath, `${slug}.${ext}`))));
  const all = [...items, { label: 'Print the handbook', link: '/print/' }];
  return [{ label: 'Handbook', items: all }];
}

type OnLog = NonNullable<NonNullable<NonNullable<ViteUserConfig['build']>['rolldownOptions']>['onLog']>;

/** Module-level directives warn once per file: 1 MB of log at 1,000 pages, and nothing to act on. */
const quietModuleDirectives: OnLog = (level, log, handle) => {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
  handle(level, log);
};
