import settings, { isDevServer } from 'virtual:plainbook/settings';
import { loadHandbookData, type HandbookData } from '../policies/handbook-data.ts';

let cached: HandbookData | undefined;

/** The data files, read once per build (again on each request under `astro dev`). */
export function handbookData(): HandbookData {
  if (!cached || isDevServer) cached = loadHandbookData(settings.contentPath, settings.root);
  return cached;
}
