/**
 * The lint's rules as one ES module, written when the package is compiled (`npm run compile`).
 * A thread that lints spent 0.34 to 0.40 s importing them as some 500 modules, most of it Node
 * resolving and reading packages one by one, against 0.08 to 0.10 s for the one file (three
 * new processes each, no compile cache). Every `plainbook lint` and `build --lint` starts at
 * least one such thread, so with one policy changed that load was about a third of the lint's cost.
 *
 * The bundle makes the same two changes as the lint threads' module hooks (lint-hooks.ts), so it
 * lints as they do on every Node, 22.12 included, which has no module hooks.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { SHARED_SEARCH, VISIT_PARENTS, withoutVisitorRenaming } from './lint-hooks.ts';

export { LINT_BUNDLE } from './load-lint.ts';

/**
 * Left to load from their own folders: the dictionaries read their .aff and .dic files beside
 * themselves, and Sätteri finds its native binding from where it is installed.
 */
const KEEP_OUTSIDE = ['dictionary-*', 'satteri'];

/** Bundle src/lint/lint-file.ts into `outFile`. */
export async function bundleLint(outFile: string): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL('./lint-file.ts', import.meta.url))],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22.12',
    external: KEEP_OUTSIDE,
    // CommonJS packages inside an ES module still call `require` for Node's own modules.
    banner: { js: "import { createRequire as plainbookRequire } from 'node:module'; const require = plainbookRequire(import.meta.url);" },
    plugins: [asTheLintHooksLoad],
    logLevel: 'warning',
  });
}

const asTheLintHooksLoad: Plugin = {
  name: 'plainbook-lint-hooks',
  setup(bundler) {
    bundler.onResolve({ filter: /^nlcst-search$/ }, () => ({ path: fileURLToPath(SHARED_SEARCH) }));
    bundler.onLoad({ filter: VISIT_PARENTS }, async ({ path }) => ({ contents: withoutVisitorRenaming(await readFile(path, 'utf8')), loader: 'js' }));
  },
};
