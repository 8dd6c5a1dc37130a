import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import settings from 'virtual:plainbook/settings';
import { lastChanged } from '../policies/git-history.ts';
import { contentHistory } from './content-history.ts';
import { trimSidebar } from './sidebar.ts';

/**
 * Per page: Starlight's "Last updated" for pages in `./content`, from the one shared `git log`
 * pass; and a sidebar trimmed to the sections plus the current section's pages.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const history = await contentHistory(settings);
  route.lastUpdated = lastChanged(history, route.entry.filePath) ?? route.lastUpdated;
  route.sidebar = trimSidebar(route.sidebar);
});
