import { isDevServer } from 'virtual:plainbook/settings';
import { readContentHistory, type ContentHistory } from '../policies/git-history.ts';

let pending: Promise<ContentHistory> | undefined;
let noticed = false;

/**
 * The content folder's git history, read once per build and shared by every page (last-updated
 * dates, recent changes). The dev server re-reads it so new commits show up without a restart.
 * A history that cannot be read stops the build (see readContentHistory); having none at all
 * (no repository yet) is said once in the build's output.
 */
export function contentHistory(settings: { root: string; contentPath: string }): Promise<ContentHistory> {
  if (!pending || isDevServer) pending = readContentHistory(settings.root, settings.contentPath, { onNotice });
  return pending;
}

function onNotice(notice: string): void {
  if (noticed) return;
  noticed = true;
  console.warn(`plainbook: ${notice}`);
}
