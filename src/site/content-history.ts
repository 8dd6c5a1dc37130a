import { isDevServer } from 'virtual:plainbook/settings';
import type { ContentHistory } from '../policies/git-history.ts';
import { sharedContentHistory, type HistorySource } from '../policies/shared-history.ts';

let noticed = false;

/**
 * The content folder's git history, read once per build and shared by every page, the versions
 * loader and the version pages (last-updated dates, recent changes, versions). The dev server
 * re-reads it so new commits show up without a restart. A history that cannot be read stops the
 * build (see readContentHistory); having none at all (no repository yet) is said once in the
 * build's output.
 */
export function contentHistory(settings: HistorySource): Promise<ContentHistory> {
  return sharedContentHistory(settings, { fresh: isDevServer, onNotice });
}

function onNotice(notice: string): void {
  if (noticed) return;
  noticed = true;
  console.warn(`plainbook: ${notice}`);
}
