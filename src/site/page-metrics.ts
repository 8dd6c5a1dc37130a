import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import settings, { packageRoot } from 'virtual:plainbook/settings';
import { cacheKey, LINT_CACHE_FILE, lintFingerprints, readEntries } from '../lint/cache.ts';
import { lintContext } from '../lint/context.ts';
import { isEnglishPage } from '../lint/languages.ts';
import type { ReadingMetrics } from '../lint/metrics.ts';
import type { FileResult } from '../lint/result.ts';
import { lintRunsBesideBuild, sharedLintResult } from '../lint/build-lint.ts';
import { metricsFromSource } from '../lint/source-metrics.ts';

let lintResults: { fingerprints: string[]; entries: Map<string, FileResult> } | undefined;

/**
 * The lint's results, under either key a lint of this handbook writes: CI's (no spelling
 * suggestions) and an editor's at the terminal (with them). Metrics are the same in both.
 */
function lintCache() {
  const context = lintContext(settings);
  lintResults ??= {
    fingerprints: lintFingerprints([false, true].map((suggest) => ({ ...context, suggest })), settings.root, packageRoot),
    entries: readEntries(join(settings.root, LINT_CACHE_FILE)),
  };
  return lintResults;
}

/**
 * A page's reading metrics. CI lints beside the build (`build --lint`) or before it, and the lint
 * keeps every file's metrics by content hash: the build takes them from the running lint or from
 * its cache rather than parsing each page again, and computes them itself only for a file the
 * lint has not done in this exact version.
 */
export async function pageMetrics(filePath: string | undefined, body: string, mdx: boolean): Promise<ReadingMetrics | undefined> {
  // The formulas are English: a grade for a page in another language would mean nothing.
  if (filePath && !isEnglishPage(filePath, settings)) return undefined;
  if (filePath) {
    const shared = sharedLintResult(filePath);
    if (shared?.metrics) return shared.metrics;
    // The lint beside this build read its cache already; this page is one it has yet to lint.
    if (lintRunsBesideBuild()) return metricsFromSource(body, { mdx });
    const cache = lintCache();
    const source = readSource(join(settings.root, filePath));
    for (const fingerprint of source === undefined ? [] : cache.fingerprints) {
      const hit = cache.entries.get(cacheKey({ path: filePath, source: source ?? '', fingerprint }));
      if (hit?.metrics) return hit.metrics;
    }
  }
  return metricsFromSource(body, { mdx });
}

/** A page's source, read at once (see handbook-loader.ts); undefined when it is gone. */
function readSource(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
