/**
 * Module hooks for the threads that lint: two changes to how the rules' dependencies load, each
 * for speed, neither to what they find.
 *
 * 1. Every unified plugin walks its tree with unist-util-visit-parents, which renames its visitor
 *    function for each node it visits (`Object.defineProperty(visit, 'name', …)`) so stack traces
 *    read `node (paragraph)`. That debug aid was a third of the prose lint's time: 300 generated
 *    ~600-word policies on one thread took 11.6 ms a file with it and 7.6 ms without, and
 *    `plainbook lint` of 1,000 policies on 2 cores went from 7.9 s to 5.2 s.
 * 2. The rules that find phrases load shared-search.ts in place of nlcst-search: it walks each page
 *    once for all of them (that module says what it saves).
 *
 * A package must not patch its dependencies on install (a `postinstall` patch step fails under
 * `npm install --omit=dev` and in every project that installs it), so the lint drops the renaming
 * as Node loads the modules, with synchronous module hooks in each thread that lints. Node < 22.15
 * has no `module.registerHooks`: it lints at the old speed, with the same results.
 */
import module from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

// Either separator: module hooks see URLs, esbuild (src/lint/bundle.ts) sees Windows paths with backslashes.
export const VISIT_PARENTS = /[\\/]unist-util-visit-parents[\\/]lib[\\/]index\.js$/;

// shared-search.ts beside this file when run as TypeScript, shared-search.js in the compiled package.
export const SHARED_SEARCH = new URL(`./shared-search${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;

// The one statement removed; anchored on its exact form so an upstream rewrite loads unchanged
// (a test in test/unit/cli-main.test.ts fails then, to say the speed-up is gone).
const RENAME_VISITOR = /Object\.defineProperty\(visit, 'name', \{[^{}]*\}\)/;

let installed = false;

/** Install the hooks in this thread, before the lint's plugins are imported. Safe to call twice. */
export function installLintHooks(): boolean {
  if (installed) return true;
  if (typeof module.registerHooks !== 'function') return false;
  module.registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'nlcst-search') return { url: SHARED_SEARCH, shortCircuit: true };
      return nextResolve(specifier, context);
    },
    load(url, context, nextLoad) {
      const result = nextLoad(url, context);
      if (!VISIT_PARENTS.test(url) || result.source === undefined) return result;
      return { ...result, source: withoutVisitorRenaming(String(result.source)) };
    },
  });
  installed = true;
  return true;
}

/** The module's source without the per-node renaming; unchanged if the statement is not there. */
export function withoutVisitorRenaming(source: string): string {
  return source.replace(RENAME_VISITOR, 'void 0');
}
