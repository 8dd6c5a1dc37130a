/**
 * The check page's worker as one browser module: the lint of src/lint/lint-file.ts, with its two
 * Node-only pieces swapped: the `dictionary-*` packages (they read .aff/.dic beside themselves
 * with node:fs) by stand-ins fed from files the worker fetches, and Node's `Buffer` (speller.ts)
 * by a decoder. Sätteri resolves its browser binding (`#binding` → WASM) by the `browser` condition.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { SHARED_SEARCH, VISIT_PARENTS, withoutVisitorRenaming } from '../lint/lint-hooks.ts';
import { standInSource } from './dictionaries.ts';

export const CHECK_WORKER = 'check-worker.js';

/** Bundle src/check/worker.ts into `outFile`. */
export async function bundleCheckWorker(outFile: string): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
    outfile: outFile,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    // A worker has no `document`: packages with a DOM build (decode-named-character-reference)
    // list a `worker` build first.
    conditions: ['worker', 'browser'],
    inject: [fileURLToPath(new URL('./buffer-shim.ts', import.meta.url))],
    plugins: [asTheLintHooksLoad, dictionaryStandIns, micromarkForSatteri],
    logLevel: 'warning',
  });
}

const micromarkForSatteri: Plugin = {
  name: 'plainbook-check-parser',
  setup(bundler) {
    bundler.onResolve({ filter: /\/satteri-parse\.ts$/ }, () => ({ path: fileURLToPath(new URL('./micromark-parse.ts', import.meta.url)) }));
  },
};

const dictionaryStandIns: Plugin = {
  name: 'plainbook-check-dictionaries',
  setup(bundler) {
    bundler.onResolve({ filter: /^dictionary-[a-z-]+$/ }, ({ path }) => ({ path, namespace: 'plainbook-dictionary' }));
    bundler.onLoad({ filter: /.*/, namespace: 'plainbook-dictionary' }, ({ path }) => ({ contents: standInSource(path), loader: 'js' }));
  },
};

// The same two changes as the Node bundle (src/lint/bundle.ts), so the page finds what the CLI finds.
const asTheLintHooksLoad: Plugin = {
  name: 'plainbook-lint-hooks',
  setup(bundler) {
    bundler.onResolve({ filter: /^nlcst-search$/ }, () => ({ path: fileURLToPath(SHARED_SEARCH) }));
    bundler.onLoad({ filter: VISIT_PARENTS }, async ({ path }) => ({ contents: withoutVisitorRenaming(await readFile(path, 'utf8')), loader: 'js' }));
  },
};
