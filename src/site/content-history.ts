import { isDevServer } from 'virtual:plainbook/settings';
import { readContentHistory, type ContentHistory } from '../policies/git-history.ts';

/**
 * Astro runs the content loaders and the pages from separate copies of this module (Vite bundles
 * its own for each); a registered global symbol is one value for every copy, as in build-lint.ts.
 */
const KEY = Symbol.for('plainbook.content-history');
type Registry = typeof globalThis & { [KEY]?: Map<string, Promise<ContentHistory>> };
let noticed = false;

/**
 * The content folder's git history, read once per build and shared by every page and the
 * versions loader (last-updated dates, recent changes, versions). The dev server re-reads it so
 * new commits show up without a restart. A history that cannot be read stops the build (see
 * readContentHistory); having none at all (no repository yet) is said once in the build's output.
 */
export function contentHistory(settings: { root: string; contentPath: string; history?: 'whole' | 'partial' }): Promise<ContentHistory> {
  const registry = ((globalThis as Registry)[KEY] ??= new Map());
  const key = `${settings.root}\0${settings.contentPath}`;
  let pending = isDevServer ? undefined : registry.get(key);
  if (!pending) {
    pending = readContentHistory(settings.root, settings.contentPath, { onNotice, partial: settings.history === 'partial' });
    registry.set(key, pending);
  }
  return pending;
}

function onNotice(notice: string): void {
  if (noticed) return;
  noticed = true;
  console.warn(`plainbook: ${notice}`);
}
