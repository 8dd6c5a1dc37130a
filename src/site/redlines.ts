import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDevServer } from 'virtual:plainbook/settings';
import { flavourOf } from '../markdown/syntax.ts';
import { fileVersions, type FileCommit } from '../policies/git-history.ts';
import { redline, type ProseCache, type Redline } from '../redline/redline.ts';

export interface PageChange {
  commit: FileCommit;
  /** Undefined when git's record of this change could not be replayed (see fileVersions). */
  change: Redline | undefined;
}

/** Changes shown on a page (and summarised in the feed): older ones are on GitHub. */
export const CHANGES_SHOWN = 10;

const cache = new Map<string, Promise<PageChange[]>>();

/**
 * A page's newest changes, each with its redline, from the build's one history pass: the page's
 * text now, with each commit's diff undone in turn. Worked out once per page per build (the
 * page, the "What changed" page and the feed share it).
 */
export function pageChanges(settings: { root: string }, filePath: string, commits: readonly FileCommit[]): Promise<PageChange[]> {
  let pending = isDevServer ? undefined : cache.get(filePath);
  if (!pending) {
    pending = computeChanges(join(settings.root, filePath), filePath, commits);
    cache.set(filePath, pending);
  }
  return pending;
}

async function computeChanges(path: string, filePath: string, commits: readonly FileCommit[]): Promise<PageChange[]> {
  const shown = commits.slice(0, CHANGES_SHOWN);
  const current = await readFile(path, 'utf8').catch(() => undefined);
  const versions = current === undefined ? [] : fileVersions(current, shown, CHANGES_SHOWN);
  const flavour = flavourOf(filePath);
  const prose: ProseCache = new Map();
  return shown.map((commit, index) => {
    const version = versions[index];
    return { commit, change: version ? redline(version.before, version.after, flavour, prose) : undefined };
  });
}
