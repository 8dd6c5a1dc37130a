/**
 * A page's reading metrics as the build shows them, by one path: the lint's result for the file
 * when the lint has one (the lint running beside this build, or else the lint cache a lint
 * before the build wrote), and otherwise the same metrics computed from the page with the lint's
 * own pipeline. The numbers are the lint's either way; only the cost differs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintRunsBesideBuild, sharedLintResult } from './build-lint.ts';
import { cacheKey, LINT_CACHE_FILE, lintFingerprints, readEntries } from './cache.ts';
import type { LintContext } from './lint-file.ts';
import type { ReadingMetrics } from './metrics.ts';
import type { FileResult } from './result.ts';
import { metricsFromSource } from './source-metrics.ts';

export interface PageGradeOptions {
  /** The handbook: where the lint cache and the pages are. */
  root: string;
  /** Plainbook's own folder, part of what the cache is keyed on. */
  packageRoot: string;
  context: LintContext;
}

export type PageGrade = (filePath: string | undefined, body: string, mdx: boolean) => Promise<ReadingMetrics | undefined>;

export function pageGrades(options: PageGradeOptions): PageGrade {
  let cache: { fingerprints: string[]; entries: Map<string, FileResult> } | undefined;
  // Under either key a lint of this handbook writes: CI's (no spelling suggestions) and an
  // editor's at the terminal (with them). Metrics are the same in both.
  const lintCache = () =>
    (cache ??= {
      fingerprints: lintFingerprints([false, true].map((suggest) => ({ ...options.context, suggest })), options.root, options.packageRoot),
      entries: readEntries(join(options.root, LINT_CACHE_FILE)),
    });

  const cachedMetrics = (filePath: string): ReadingMetrics | undefined => {
    const source = readSource(join(options.root, filePath));
    if (source === undefined) return undefined;
    const { fingerprints, entries } = lintCache();
    for (const fingerprint of fingerprints) {
      const metrics = entries.get(cacheKey({ path: filePath, source, fingerprint }))?.metrics;
      if (metrics) return metrics;
    }
    return undefined;
  };

  // A lint beside this build read its cache before it linted anything: a page it has not handed
  // over yet is not in the cache either.
  const lintedMetrics = (filePath: string) => (lintRunsBesideBuild() ? sharedLintResult(filePath)?.metrics : cachedMetrics(filePath));

  return async (filePath, body, mdx) => (filePath === undefined ? undefined : lintedMetrics(filePath)) ?? metricsFromSource(body, { mdx });
}

/** A page's source, read at once (see handbook-loader.ts); undefined when it is gone. */
function readSource(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
