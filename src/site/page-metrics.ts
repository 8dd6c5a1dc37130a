import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import settings, { packageRoot } from 'virtual:plainbook/settings';
import { cacheKey, LINT_CACHE_FILE, lintFingerprint, readEntries } from '../lint/cache.ts';
import { lintContext } from '../lint/context.ts';
import type { ReadingMetrics } from '../lint/metrics.ts';
import type { FileResult } from '../lint/result.ts';
import { metricsFromSource } from '../lint/source-metrics.ts';

let lintResults: { fingerprint: string; entries: Map<string, FileResult> } | undefined;

function lintCache() {
  lintResults ??= {
    fingerprint: lintFingerprint(lintContext(settings), settings.root, packageRoot),
    entries: readEntries(join(settings.root, LINT_CACHE_FILE)),
  };
  return lintResults;
}

/**
 * A page's reading metrics. CI lints before it builds, and the lint keeps every file's metrics
 * by content hash: the build takes them from there rather than parsing each page again, and
 * computes them itself only for a file the lint has not seen in this exact version.
 */
export async function pageMetrics(filePath: string | undefined, body: string, mdx: boolean): Promise<ReadingMetrics | undefined> {
  if (filePath) {
    const cache = lintCache();
    const source = await readFile(join(settings.root, filePath), 'utf8').catch(() => undefined);
    const hit = source === undefined ? undefined : cache.entries.get(cacheKey({ path: filePath, source, fingerprint: cache.fingerprint }));
    if (hit?.metrics) return hit.metrics;
  }
  return metricsFromSource(body, { mdx });
}
