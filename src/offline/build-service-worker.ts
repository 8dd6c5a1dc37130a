/**
 * After the site and its search index are written: list what readers keep offline, and write
 * the service worker with this version's files built in.
 *
 * Workbox's own build tool (workbox-build) would do the listing and bundling, but it brings
 * Babel, Rollup and Terser: 323 packages and 78 MB in a handbook's node_modules, and a Rollup
 * pass on every build. The worker uses Workbox's runtime modules (5 packages, 3 MB); esbuild,
 * which Astro already installs, bundles it in a few milliseconds.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { glob } from 'tinyglobby';
import { ownSource } from '../files/package-root.ts';
import { KILL_SWITCH_WORKER } from './kill-switch.ts';
import type { OfflineBuild } from './messages.ts';
import { planOfflineCopy, revisionOf, totalBytes, type OfflineEntry, type OutputFile } from './offline-plan.ts';

export const SERVICE_WORKER_FILE = 'sw.js';

export interface OfflineReport {
  version: string;
  /** What the worker was built with. */
  worker: OfflineBuild;
  firstVisit: { files: number; bytes: number };
  later: { files: number; bytes: number };
}

export async function outputFiles(outDir: string): Promise<OutputFile[]> {
  const paths = await glob('**/*', { cwd: outDir, dot: true, onlyFiles: true });
  return Promise.all(
    paths.map(async (path) => {
      const bytes = await readFile(join(outDir, path));
      return { path, bytes: bytes.length, revision: revisionOf(bytes) };
    }),
  );
}

/** The word-splitting code each language of the search index loads (none without an index). */
export async function searchLanguages(outDir: string): Promise<Set<string> | undefined> {
  const entry = await readFile(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8').catch(() => undefined);
  if (entry === undefined) return undefined;
  const { languages } = JSON.parse(entry) as { languages: Record<string, { wasm?: string }> };
  return new Set(Object.entries(languages).map(([language, { wasm }]) => wasm ?? language));
}

/** Write `sw.js` and this version's list of files saved later into a built site. */
export async function writeServiceWorker(outDir: string, base: string): Promise<OfflineReport> {
  const prefix = `${base.replace(/\/$/, '')}/`;
  const plan = planOfflineCopy(await outputFiles(outDir), prefix, await searchLanguages(outDir));
  // Named by version, so a browser's HTTP cache can never hand a new worker an old list.
  const listName = `offline-${plan.version}.json`;
  const list = Buffer.from(JSON.stringify(plan.later));
  await writeFile(join(outDir, listName), list);
  const listEntry: OfflineEntry = { url: `${prefix}${listName}`, revision: revisionOf(list), bytes: list.length };
  const firstVisit = [...plan.firstVisit, listEntry];

  const config: OfflineBuild = {
    version: plan.version,
    base: prefix,
    firstVisit: firstVisit.map(({ url, revision }) => ({ url, revision })),
    laterList: listEntry.url,
  };
  const bundle = await build({
    entryPoints: [ownSource('offline/service-worker.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    // Workbox logs every request unless it is told it runs in production.
    define: { PLAINBOOK_OFFLINE: JSON.stringify(config), 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  await writeFile(join(outDir, SERVICE_WORKER_FILE), bundle.outputFiles[0]?.contents ?? new Uint8Array());
  return {
    version: plan.version,
    worker: config,
    firstVisit: { files: firstVisit.length, bytes: totalBytes(firstVisit) },
    later: { files: plan.later.length, bytes: totalBytes(plan.later) },
  };
}

/** With `site.offline: false`: a worker that removes what devices saved from earlier builds. */
export async function writeKillSwitch(outDir: string): Promise<void> {
  await writeFile(join(outDir, SERVICE_WORKER_FILE), KILL_SWITCH_WORKER);
}
