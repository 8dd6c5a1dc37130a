import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { relative, sep } from 'node:path';
import settings, { isDevServer } from 'virtual:plainbook/settings';
import type { ContentHistory } from '../policies/git-history.ts';
import { contentHistory } from './content-history.ts';
import { changeTimesOf, pageVersions } from './policy-versions.ts';
import { versionWords } from './version-html.ts';
import { tocWithHeadings, type Toc } from './version-toc.ts';
import { policyOfFile } from './version-links.ts';
import { markChangedLinks, trimSidebar } from './sidebar.ts';
import { isPrivate, withoutSitemapLink } from './visibility.ts';

/**
 * Per page: Starlight's "Last updated" for pages in `./content`, from the one shared `git log`
 * pass; and a sidebar trimmed to the sections plus the current section's pages, each link
 * carrying when its page last changed (for the reader's "new since your last visit" badge). A
 * policy changed when its newest words took effect, not when they merged; while a change waits,
 * "On this page" lists the headings of the words in force, which the page shows.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const history = await contentHistory(settings);
  const changed = route.entry.filePath ? await lastChange(history, route.entry.filePath) : undefined;
  route.lastUpdated = changed ? new Date(changed) : route.lastUpdated;
  if (route.toc && route.entry.filePath) route.toc = await tocInForce(route.toc, route.entry.filePath);
  route.sidebar = markChangedLinks(trimSidebar(route.sidebar), await changedByHref(history));
  if (isPrivate(settings)) route.head = withoutSitemapLink(route.head);
});

/** While a change waits, the page shows the words in force: its "On this page" lists their headings. */
async function tocInForce(toc: Toc, file: string): Promise<Toc> {
  if (!policyOfFile(settings, file)) return toc;
  const { inForce } = await pageVersions(settings, file, settings.today);
  return inForce ? tocWithHeadings(toc, versionWords(inForce, file).headings) : toc;
}

/** When the file last changed for readers: its newest commit, or for a policy its newest change in force. */
async function lastChange(history: ContentHistory, file: string): Promise<string | undefined> {
  const commits = history.get(file) ?? [];
  if (!policyOfFile(settings, file)) return commits[0]?.date;
  const times = await changeTimesOf(settings, file, settings.today);
  return commits.map((commit) => times.get(commit.hash)).find((time) => time !== undefined);
}

let changedPages: Map<string, string> | undefined;

/** `/base/policies/x/` → ISO date of its last change (see lastChange), worked out once per build. */
async function changedByHref(history: ContentHistory): Promise<ReadonlyMap<string, string>> {
  if (changedPages && !isDevServer) return changedPages;
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const content = relative(settings.root, settings.contentPath).split(sep).join('/');
  const pages = new Map<string, string>();
  for (const file of history.keys()) {
    const page = /^(.*)\.mdx?$/.exec(file.slice(content.length + 1))?.[1];
    const changed = file.startsWith(`${content}/`) && page ? await lastChange(history, file) : undefined;
    if (!page || !changed) continue;
    // `index` pages are their folder's address (`/base/` for the start page).
    const slug = page.replace(/(?:^|\/)index$/, '');
    pages.set(slug ? `${base}/${slug}/` : `${base}/`, changed);
  }
  changedPages = pages;
  return pages;
}
