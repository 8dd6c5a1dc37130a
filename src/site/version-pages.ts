/**
 * The version pages, written once the site is built (and served by the dev server from the same
 * code): `/versions/<policy>/<n>/` for every version that has a page (see hasVersionPage), and one
 * stylesheet for them all. They come from the history and versions the pages already worked out
 * (src/policies/shared-history.ts), so the build reads git once.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ownSource } from '../files/package-root.ts';
import { frontmatterData } from '../policies/frontmatter.ts';
import { sharedContentHistory, versionRecord, type HistorySource } from '../policies/shared-history.ts';
import type { PolicyVersion } from '../policies/versions.ts';
import type { ProseCache } from '../redline/redline.ts';
import type { IsoDate } from '../schema/fields.ts';
import { hasVersionPage, policyOfFile } from './version-links.ts';
import { versionPageHtml } from './version-page.ts';

export interface VersionSite extends HistorySource {
  title: string;
  repoUrl: string;
  today: IsoDate;
}

/** The stylesheet's name in the versions folder: no policy id has a dot, so none can take it. */
export const VERSION_STYLESHEET = 'version.css';

export interface VersionPage {
  /** Under the site's root: `versions/<policy>/<n>/index.html`. */
  file: string;
  html: string;
}

/** Every version page of the handbook, one policy at a time. */
export async function* versionPages(site: VersionSite, base: string, options: { fresh: boolean }): AsyncGenerator<VersionPage> {
  const history = await sharedContentHistory(site, { fresh: options.fresh });
  for (const filePath of history.keys()) {
    const policy = policyOfFile(site, filePath);
    if (!policy) continue;
    const { versions } = await versionRecord(site.root, history, filePath);
    const prose: ProseCache = new Map();
    for (let index = 0; index < versions.length; index++) {
      if (!hasVersionPage(versions, index, site.today)) continue;
      const html = pageHtml(site, base, policy, filePath, versions, index, prose);
      yield { file: `versions/${policy}/${index + 1}/index.html`, html };
    }
  }
}

/** One version's page for the dev server: `rest` is what follows `/versions/`, e.g. `refunds/2`. */
export async function versionPageAt(site: VersionSite, base: string, rest: string): Promise<string | undefined> {
  const match = /^(.+)\/(\d+)\/?$/.exec(rest);
  if (!match) return undefined;
  const [, policy = '', number = ''] = match;
  const history = await sharedContentHistory(site, { fresh: true });
  const filePath = [...history.keys()].find((file) => policyOfFile(site, file) === policy);
  if (!filePath) return undefined;
  const { versions } = await versionRecord(site.root, history, filePath);
  const index = Number(number) - 1;
  return index >= 0 && index < versions.length && hasVersionPage(versions, index, site.today) ? pageHtml(site, base, policy, filePath, versions, index) : undefined;
}

export function versionStylesheet(): string {
  return readFileSync(ownSource('styles/version.css'), 'utf8');
}

/** Writes the pages and their stylesheet under `outDir`; the number of pages written. */
export async function writeVersionPages(site: VersionSite, base: string, outDir: string): Promise<number> {
  let written = 0;
  for await (const page of versionPages(site, base, { fresh: false })) {
    if (written === 0) {
      mkdirSync(join(outDir, 'versions'), { recursive: true });
      writeFileSync(join(outDir, 'versions', VERSION_STYLESHEET), versionStylesheet());
    }
    const path = join(outDir, page.file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, page.html);
    written++;
  }
  return written;
}

function pageHtml(site: VersionSite, base: string, policy: string, filePath: string, versions: readonly PolicyVersion[], index: number, prose?: ProseCache): string {
  const title = frontmatterData(versions.at(-1)?.text ?? '')?.title;
  return versionPageHtml({
    site,
    base,
    policy,
    currentTitle: typeof title === 'string' ? title : policy,
    filePath,
    versions,
    index,
    today: site.today,
    ...(prose ? { prose } : {}),
    stylesheet: `${base.replace(/\/$/, '')}/versions/${VERSION_STYLESHEET}`,
  });
}
