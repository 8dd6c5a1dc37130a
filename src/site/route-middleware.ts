import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { relative, sep } from 'node:path';
import settings, { isDevServer } from 'virtual:plainbook/settings';
import { lastChanged } from '../policies/git-history.ts';
import { contentHistory } from './content-history.ts';
import { markChangedLinks, trimSidebar } from './sidebar.ts';
import { isPrivate, withoutSitemapLink } from './visibility.ts';

/**
 * Per page: Starlight's "Last updated" for pages in `./content`, from the one shared `git log`
 * pass; and a sidebar trimmed to the sections plus the current section's pages, each link
 * carrying when its page last changed (for the reader's "new since your last visit" badge).
 */
export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const history = await contentHistory(settings);
  route.lastUpdated = lastChanged(history, route.entry.filePath) ?? route.lastUpdated;
  route.sidebar = markChangedLinks(trimSidebar(route.sidebar), changedByHref(history));
  if (isPrivate(settings)) route.head = withoutSitemapLink(route.head);
});

let changedPages: Map<string, string> | undefined;

/** `/base/policies/x/` → ISO date of the newest commit to its file, worked out once per build. */
function changedByHref(history: Awaited<ReturnType<typeof contentHistory>>): ReadonlyMap<string, string> {
  if (changedPages && !isDevServer) return changedPages;
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const content = relative(settings.root, settings.contentPath).split(sep).join('/');
  changedPages = new Map();
  for (const [file, commits] of history) {
    const page = /^(.*)\.mdx?$/.exec(file.slice(content.length + 1))?.[1];
    if (!file.startsWith(`${content}/`) || !page || !commits[0]) continue;
    // `index` pages are their folder's address (`/base/` for the start page).
    const slug = page.replace(/(?:^|\/)index$/, '');
    changedPages.set(slug ? `${base}/${slug}/` : `${base}/`, commits[0].date);
  }
  return changedPages;
}
