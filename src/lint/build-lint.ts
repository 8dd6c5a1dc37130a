/**
 * The lint running beside the build, in one process: `plainbook build --lint`. The lint works in
 * its own thread from the build's first moment (the build keeps about 1.3 of 2 cores busy), and
 * the pages take their reading metrics from its results instead of parsing each page again.
 *
 * Astro runs the prerender bundle in this same process, but Vite bundles its own copy of the
 * modules it renders with: a module-level variable here would not be the one page-metrics.ts
 * sees. A registered global symbol is one value for every copy.
 */
import type { FileResult } from './result.ts';

const KEY = Symbol.for('plainbook.build-lint');

type Registry = typeof globalThis & { [KEY]?: Promise<ReadonlyMap<string, FileResult>> };

/** Hand the running lint's results (by repository-relative path) to the pages of this build. */
export function shareLintResults(results: Promise<readonly FileResult[]>): void {
  // Pages read this only for metrics; the CLI reports a failed lint itself.
  const byPath = results.then((list) => new Map(list.map((result) => [result.path, result])));
  byPath.catch(() => undefined);
  (globalThis as Registry)[KEY] = byPath;
}

export function stopSharingLintResults(): void {
  delete (globalThis as Registry)[KEY];
}

/** The result for one page from a lint running in this build, or undefined when there is none. */
export async function sharedLintResult(path: string): Promise<FileResult | undefined> {
  const shared = (globalThis as Registry)[KEY];
  if (!shared) return undefined;
  return (await shared.catch(() => undefined))?.get(path);
}
