import { isDevServer } from 'virtual:plainbook/settings';
import { readContentHistory, type ContentHistory } from '../policies/git-history.ts';

let pending: Promise<ContentHistory> | undefined;

/**
 * The content folder's git history, read once per build and shared by every page (last-updated
 * dates, recent changes). The dev server re-reads it so new commits show up without a restart.
 */
export function contentHistory(settings: { root: string; contentPath: string }): Promise<ContentHistory> {
  if (!pending || isDevServer) pending = readContentHistory(settings.root, settings.contentPath);
  return pending;
}
