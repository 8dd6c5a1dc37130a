/**
 * Which pages are English. The lint's rules, word lists and dictionaries are English: a page in
 * a Starlight locale of another language would get nonsense (`a` before `equipa`), so it is
 * skipped and counted instead. A page's locale is the first folder of its path in the content
 * folder, as Starlight decides it, from `site.locales` in the settings.
 */
import { relative } from 'node:path';
import type { ResolvedSettings } from '../config/settings.ts';

export interface SkippedPage {
  path: string;
  /** The page's language, as the settings give it (`lang`, or the folder name). */
  lang: string;
}

const ENGLISH = /^en(?:-|$)/i;

/** The language of a page when it is in a non-root locale; undefined for the default (root) pages. */
export function pageLanguage(path: string, settings: Pick<ResolvedSettings, 'root' | 'contentPath' | 'locales'>): string | undefined {
  if (!settings.locales) return undefined;
  const inContent = relative(settings.contentPath, `${settings.root}/${path}`).split('\\').join('/');
  const folder = inContent.split('/')[0] ?? '';
  const locale = folder === 'root' || inContent.startsWith('..') ? undefined : settings.locales[folder];
  if (!locale) return settings.locales.root?.lang;
  return locale.lang ?? folder;
}

export function isEnglishPage(path: string, settings: Pick<ResolvedSettings, 'root' | 'contentPath' | 'locales'>): boolean {
  const lang = pageLanguage(path, settings);
  return lang === undefined || ENGLISH.test(lang);
}

/** The English pages to lint, and the others, for the summary. */
export function splitByLanguage(files: readonly string[], settings: Pick<ResolvedSettings, 'root' | 'contentPath' | 'locales'>): { english: string[]; skipped: SkippedPage[] } {
  const english: string[] = [];
  const skipped: SkippedPage[] = [];
  for (const path of files) {
    if (isEnglishPage(path, settings)) english.push(path);
    else skipped.push({ path, lang: pageLanguage(path, settings) ?? '' });
  }
  return { english, skipped };
}

/** "Skipped 74 pages in other languages (de 37, fr 37): the lint checks English only." */
export function skippedLine(skipped: readonly SkippedPage[]): string | undefined {
  if (skipped.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const page of skipped) counts.set(page.lang, (counts.get(page.lang) ?? 0) + 1);
  const byLanguage = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([lang, count]) => `${lang} ${count}`).join(', ');
  return `Skipped ${skipped.length} ${skipped.length === 1 ? 'page' : 'pages'} in other languages (${byLanguage}): the lint checks English only.`;
}
