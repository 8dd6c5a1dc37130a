/**
 * What a reader's device keeps, decided from the built site: a small set fetched on the first
 * visit (the look of the site, the start page and search), and the rest (every page and search
 * result text) saved afterwards, in the background on a good connection or when the reader asks.
 * A 1,000-policy handbook thus never downloads everything over a slow phone line unasked.
 */
import { createHash } from 'node:crypto';
import { REVISION_LENGTH } from './messages.ts';

export interface OutputFile {
  /** Path inside the output folder, with `/`. */
  path: string;
  bytes: number;
  /** Content hash: the same bytes keep the same revision across builds. */
  revision: string;
}

export interface OfflineEntry {
  url: string;
  revision: string;
  bytes: number;
}

export interface OfflinePlan {
  /** Changes whenever any saved file changes; names this deployment. */
  version: string;
  firstVisit: OfflineEntry[];
  later: OfflineEntry[];
}

export type OfflineTier = 'first-visit' | 'later' | 'never';


export function revisionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, REVISION_LENGTH);
}

/**
 * Files no reader needs offline: feeds and sitemaps are for other machines, source maps are for
 * developers, the service worker and the PDF (printed from the site, several MB) are not pages,
 * and Pagefind's ready-made interfaces go unused: Starlight bundles its own copy of the default
 * one into `_astro/` (141 KB saved on the first visit). Earlier versions of policies are the
 * record, read at a desk: a phone keeps the words in force.
 */
const NEVER = [
  /^sw\.js$/,
  /^sitemap[^/]*\.xml$/,
  /^changes\.xml$/,
  /^robots\.txt$/,
  /^versions\//,
  /\.map$/,
  /\.pdf$/,
  /(?:^|\/)\.[^/]+$/,
  /^CNAME$/,
  /^pagefind\/pagefind-(?:ui|component-ui|modular-ui|highlight)\./,
];

/**
 * The first visit: the site's code and styles (every page needs them, Astro names them by
 * content so they change only when they must), icons and manifest, the start page and the
 * "not found" page, and Pagefind's code, word index and filters, so search answers offline from
 * the start. Search result text (`fragment/`) is one file per page and waits with the pages.
 */
const FIRST_VISIT = [
  /^_astro\/[^/]+\.(?:js|mjs|css|woff2?)$/,
  /^favicon\.(?:svg|ico)$/,
  /^manifest\.webmanifest$/,
  /^icons\//,
  /^index\.html$/,
  /^404\.html$/,
  /^pagefind\/(?!fragment\/)/,
];

const PAGEFIND_WASM = /^pagefind\/wasm\.([^.]+)\.pagefind$/;

/**
 * @param searchLanguages Pagefind's word-splitting code for each language the index holds (from
 *   `pagefind-entry.json`); the others (Pagefind writes `unknown` too, 55 KB) are never loaded.
 */
/** Pagefind's word index and filters, one file per range of words. */
const SEARCH_INDEX = /^pagefind\/(?:index|filter)\//;

/**
 * The word index comes with the first visit while it is small (the shipped handbook: 22 KB).
 * It grows with the handbook (about 0.9 MB at 1,000 policies, 2.5 MB at 3,000, already
 * compressed) and would then be most of a first visit over a slow line: above this it waits
 * with the pages, and searches online keep the parts they load for next time.
 */
export const FIRST_VISIT_SEARCH_INDEX_BYTES = 250_000;

export function offlineTier(path: string, searchLanguages?: ReadonlySet<string>): OfflineTier {
  if (NEVER.some((pattern) => pattern.test(path))) return 'never';
  const wasm = PAGEFIND_WASM.exec(path)?.[1];
  if (wasm !== undefined && searchLanguages && !searchLanguages.has(wasm)) return 'never';
  if (FIRST_VISIT.some((pattern) => pattern.test(path))) return 'first-visit';
  return 'later';
}

/** `policies/saying-no/index.html` → `/base/policies/saying-no/`: the address readers open. */
export function urlOf(path: string, base: string): string {
  const prefix = `${base.replace(/\/$/, '')}/`;
  if (path === 'index.html') return prefix;
  if (path.endsWith('/index.html')) return `${prefix}${path.slice(0, -'index.html'.length)}`;
  return `${prefix}${path}`;
}

export function planOfflineCopy(files: readonly OutputFile[], base: string, searchLanguages?: ReadonlySet<string>): OfflinePlan {
  const kept = [...files]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((file) => ({ file, tier: offlineTier(file.path, searchLanguages) }))
    .filter(({ tier }) => tier !== 'never');
  const isIndex = (path: string) => SEARCH_INDEX.test(path);
  const indexBytes = kept.filter(({ file, tier }) => tier === 'first-visit' && isIndex(file.path)).reduce((sum, { file }) => sum + file.bytes, 0);
  const indexWaits = indexBytes > FIRST_VISIT_SEARCH_INDEX_BYTES;
  const firstVisit: OfflineEntry[] = [];
  const later: OfflineEntry[] = [];
  for (const { file, tier } of kept) {
    const now = tier === 'first-visit' && !(indexWaits && isIndex(file.path));
    (now ? firstVisit : later).push({ url: urlOf(file.path, base), revision: file.revision, bytes: file.bytes });
  }
  const version = createHash('sha256')
    .update([...firstVisit, ...later].map((entry) => `${entry.url} ${entry.revision}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  return { version, firstVisit, later };
}

export const totalBytes = (entries: readonly OfflineEntry[]): number => entries.reduce((sum, entry) => sum + entry.bytes, 0);
