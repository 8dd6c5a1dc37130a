import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import settings from 'virtual:plainbook/settings';
import { lastChanged } from '../policies/git-history.ts';
import { contentHistory } from './content-history.ts';

/** Starlight's "Last updated" for pages in `./content`, from the one shared `git log` pass. */
export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const history = await contentHistory(settings);
  route.lastUpdated = lastChanged(history, route.entry.filePath) ?? route.lastUpdated;
});
