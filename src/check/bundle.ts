/**
 * The check page's worker as one browser module: the lint of src/lint/lint-file.ts, with its
 * Node-only pieces swapped: the `dictionary-*` packages (they read .aff/.dic beside themselves
 * with node:fs) by stand-ins fed from files the worker fetches, Node's `Buffer` (speller.ts) by a
 * decoder, and Sätteri (a native addon; its browser build is WebAssembly npm does not install)
 * by micromark (micromark-parse.ts). Bundled from src/, which the package ships, so it builds the
 * same from the compiled package.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { ownSource } from '../files/package-root.ts';
import { SHARED_SEARCH, VISIT_PARENTS, withoutVisitorRenaming } from '../lint/lint-hooks.ts';
import { standInSource } from './dictionaries.ts';

/** The worker's code, minified. */
export async function bundleCheckWorker(): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [ownSource('check/worker.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    // Module workers: Chromium 80, Safari 15, Firefox 114; the page says so where they are missing.
    target: 'es2022',
    minify: true,
    // A worker has no `document`: packages with a DOM build (decode-named-character-reference)
    // list a `worker` build first.
    conditions: ['worker', 'browser'],
    inject: [ownSource('check/buffer-shim.ts')],
    plugins: [asTheLintHooksLoad, dictionaryStandIns, micromarkForSatteri, oneAcorn],
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.contents;
}

const micromarkForSatteri: Plugin = {
  name: 'plainbook-check-parser',
  setup(bundler) {
    bundler.onResolve({ filter: /[\\/]satteri-parse(?:\.ts|\.js)?$/ }, () => ({ path: ownSource('check/micromark-parse.ts') }));
  },
};

/**
 * MDX's parser imports acorn as a module and acorn-jsx requires it: two copies of a 120 KB
 * parser, one unused. Both get the module (acorn-jsx reads only its exports).
 */
const oneAcorn: Plugin = {
  name: 'plainbook-check-one-acorn',
  setup(bundler) {
    bundler.onResolve({ filter: /^acorn$/ }, ({ resolveDir }) => ({ path: createRequire(join(resolveDir, 'index.js')).resolve('acorn').replace(/\.js$/, '.mjs') }));
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
