/**
 * The lint running beside the build, in one process: `plainbook build --lint`. The lint works in
 * its own thread from the build's first moment, and a page takes its reading metrics from the
 * lint's result for its file when that result is already in, instead of parsing the page again.
 *
 * A page never waits for the lint: in a cold run at 300 policies the lint (at the lowest
 * priority) finished 7.1 s after the start, about a second after Astro began rendering. A page the
 * lint has not reached yet computes its own metrics (about 2 ms), with the same pipeline and so
 * the same numbers.
 *
 * Astro runs the prerender bundle in this same process, but Vite bundles its own copy of the
 * modules it renders with: a module-level variable here would not be the one page-metrics.ts
 * sees. A registered global symbol is one value for every copy.
 */
import type { FileResult } from './result.ts';

const KEY = Symbol.for('plainbook.build-lint');

type Registry = typeof globalThis & { [KEY]?: Map<string, FileResult> };

/** Start handing this build's pages the lint's results (by repository-relative path) as they come in. */
export function shareLintResults(): (result: FileResult) => void {
  const byPath = new Map<string, FileResult>();
  (globalThis as Registry)[KEY] = byPath;
  return (result) => byPath.set(result.path, result);
}

export function stopSharingLintResults(): void {
  delete (globalThis as Registry)[KEY];
}

/**
 * Whether a lint runs beside this build. It hands over its cached results before it lints
 * anything, so a page it has not handed over yet is not in the lint cache either.
 */
export function lintRunsBesideBuild(): boolean {
  return (globalThis as Registry)[KEY] !== undefined;
}

/** The result for one page, when a lint beside this build has finished that page already. */
export function sharedLintResult(path: string): FileResult | undefined {
  return (globalThis as Registry)[KEY]?.get(path);
}
