import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type starlight from '@astrojs/starlight';
import { SETTINGS_FILE, type ResolvedSettings } from '../config/settings.ts';
import { handbookIcons } from '../offline/icons.ts';
import { ownSource } from '../files/package-root.ts';
import { POLICY_DIR } from '../policies/validate-policy.ts';
import { visibilityHead } from './visibility.ts';

export type StarlightOptions = Parameters<typeof starlight>[0];


/**
 * Starlight as Plainbook sets it up, under what the team passed. The team's own values win where
 * both set one (title, social links, sidebar); lists (custom CSS, head tags) keep ours first so
 * theirs can override. Component overrides and route middleware go through the Starlight plugin
 * (starlight-plugin.ts), which can see the team's overrides.
 */
export function starlightOptions(settings: ResolvedSettings, team: Partial<StarlightOptions> = {}): StarlightOptions {
  const contentDir = relative(settings.root, settings.contentPath).split('\\').join('/');
  const feed = { tag: 'link' as const, attrs: { rel: 'alternate', type: 'application/rss+xml', title: 'Policy changes', href: `${settings.base.replace(/\/$/, '')}/changes.xml` } };
  return {
    credits: false,
    social: [{ icon: 'github', label: 'Policies on GitHub', href: settings.repoUrl }],
    editLink: { baseUrl: `${settings.repoUrl}/edit/${settings.branch}/` },
    // Starlight's own git dates only see src/content/docs; ours come from route middleware.
    lastUpdated: false,
    sidebar: [...handbookGroup(settings.contentPath), { label: 'Policies', items: [{ autogenerate: { directory: `${contentDir}/${POLICY_DIR}` } }] }],
    ...localeOptions(settings),
    ...team,
    title: team.title ?? settings.title,
    ...(settings.description && team.description === undefined ? { description: settings.description } : {}),
    head: [feed, ...appHead(settings), ...visibilityHead(settings), ...(team.head ?? [])],
    customCss: [ownSource('styles/handbook.css'), ownSource('styles/components.css'), ownSource('styles/print.css'), ...(team.customCss ?? [])],
  };
}

/** What a phone needs to add the handbook to its home screen: the manifest, colour and icon. */
function appHead(settings: ResolvedSettings) {
  const base = settings.base.replace(/\/$/, '');
  return [
    // With credentials: behind a sign-in (Cloudflare Access, a company proxy) the manifest is
    // fetched without cookies otherwise, gets the sign-in page, and the handbook cannot be installed.
    { tag: 'link' as const, attrs: { rel: 'manifest', href: `${base}/manifest.webmanifest`, crossorigin: 'use-credentials' } },
    { tag: 'meta' as const, attrs: { name: 'theme-color', content: settings.themeColor } },
    // iOS reads no manifest icons, and no SVG: it takes a PNG named here.
    ...handbookIcons(settings, SETTINGS_FILE)
      .filter((icon) => icon.type === 'image/png' && icon.purpose === 'any')
      .slice(0, 1)
      .map((icon) => ({ tag: 'link' as const, attrs: { rel: 'apple-touch-icon', href: `${base}/icons/${icon.name}` } })),
  ];
}

/** The locales from the settings (which the lint reads too), unless the team sets Starlight's own. */
function localeOptions(settings: ResolvedSettings): Partial<StarlightOptions> {
  const locales = settings.locales;
  if (!locales) return {};
  const first = Object.keys(locales)[0];
  return { locales, ...('root' in locales || !first ? {} : { defaultLocale: first }) };
}

/** Pages beside the policies, linked when the content folder has them (Starlight fails on a missing slug). */
const HANDBOOK_PAGES = [{ slug: 'index', label: 'Start here' }, { slug: 'what-changed' }, { slug: 'due-for-review' }, { slug: 'goals' }, { slug: 'training-pack' }];

function handbookGroup(contentPath: string) {
  const items: ({ slug: string; label?: string } | { label: string; link: string })[] = HANDBOOK_PAGES.filter(({ slug }) => ['mdx', 'md'].some((ext) => existsSync(join(contentPath, `${slug}.${ext}`))));
  const all = [...items, { label: 'Print the handbook', link: '/print/' }, { label: 'Check your words', link: '/check/' }];
  return [{ label: 'Handbook', items: all }];
}
