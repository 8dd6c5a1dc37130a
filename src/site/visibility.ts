/**
 * `site.visibility`: a customer-service policy is for staff only ("clients and customers never
 * need to see" it), so a private handbook asks search engines to stay out of every page, writes
 * a robots.txt that disallows everything and publishes no sitemap. This keeps it out of search
 * results; it does not lock the site. The host's sign-in does that (the team's README says how).
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import type { ResolvedSettings } from '../config/settings.ts';

type HeadEntry = { tag: string; attrs?: Record<string, string | boolean | undefined> };

/** On every page of a private handbook: not in results, and no link followed from it. */
export const NO_INDEX = { tag: 'meta' as const, attrs: { name: 'robots', content: 'noindex, nofollow' } };

/** All crawlers, all paths. A crawler that ignores it still meets `noindex` on every page. */
export const PRIVATE_ROBOTS_TXT = 'User-agent: *\nDisallow: /\n';

export const isPrivate = (settings: Pick<ResolvedSettings, 'visibility'>): boolean => settings.visibility === 'private';

export function visibilityHead(settings: Pick<ResolvedSettings, 'visibility'>): (typeof NO_INDEX)[] {
  return isPrivate(settings) ? [NO_INDEX] : [];
}

/**
 * Starlight adds `@astrojs/sitemap` whenever `site` is set (which the feed and canonical links
 * need) unless an integration of that name is there already; this one writes nothing.
 */
export const noSitemap: AstroIntegration = { name: '@astrojs/sitemap', hooks: {} };

/** Version pages are the record, not something to find: `/versions/<policy>/<n>/`. */
export const isVersionPage = (page: string): boolean => /\/versions\/.+\/\d+\/?$/.test(new URL(page, 'https://x').pathname);

/**
 * A public handbook's sitemap: Starlight's, without the version pages. In place of the one
 * Starlight adds (it adds none when an integration of this name is there), so it names no
 * locales: search engines find a multilingual handbook's languages from each page's links.
 */
export const publicSitemap = (): AstroIntegration => sitemap({ filter: (page) => !isVersionPage(page) });

/** Starlight's head links the sitemap whenever `site` is set; a private handbook has none. */
export function withoutSitemapLink<T extends HeadEntry>(head: T[]): T[] {
  return head.filter((entry) => !(entry.tag === 'link' && entry.attrs?.rel === 'sitemap'));
}
