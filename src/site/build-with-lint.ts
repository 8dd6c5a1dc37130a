/**
 * `plainbook build --lint`: the prose lint beside the build, in one process (CI's one step).
 * The lint starts before Astro loads, in its own thread: Astro's first seconds (config, content
 * sync, bundling) keep about 1.3 of 2 cores busy. A page takes its reading metrics from the
 * lint's result for it when that is in (src/lint/build-lint.ts) rather than parsing it again.
 */
import { join } from 'node:path';
import { wholeNumber } from '../command/options.ts';
import type { ResolvedSettings } from '../config/settings.ts';
import { UsageError } from '../errors/index.ts';
import type { CliIo } from '../command/io.ts';
import { shareLintResults, stopSharingLintResults } from '../lint/build-lint.ts';
import { LINT_CACHE_FILE } from '../lint/cache.ts';
import { checkFormat, lintExitCode, reportLint } from '../lint/cli.ts';
import { lintContext } from '../lint/context.ts';
import { findFiles } from '../lint/files.ts';
import { splitByLanguage, type SkippedPage } from '../lint/languages.ts';
import type { Format } from '../lint/reporters/index.ts';
import type { FileResult } from '../lint/result.ts';
import { lintFiles } from '../lint/run.ts';

export interface BuildLintOptions {
  format: Format;
  summary: string | undefined;
  maxWarnings: number | undefined;
}

/** Lint options are only meaningful with --lint; alone they are a mistake worth naming. */
export function lintOptions(values: { lint?: boolean | undefined; format: string; summary?: string | undefined; 'max-warnings'?: string | undefined; cache: boolean }): BuildLintOptions | undefined {
  if (!values.lint) {
    const stray = [
      ['--summary', values.summary],
      ['--max-warnings', values['max-warnings']],
      ['--format', values.format === 'pretty' ? undefined : values.format],
      ['--no-cache', values.cache ? undefined : 'off'],
    ].find(([, value]) => value !== undefined);
    if (stray) throw new UsageError(`Unexpected ${stray[0]} without --lint, expected \`plainbook build --lint ${stray[0]} …\` (it sets the lint report).`);
    return undefined;
  }
  checkFormat(values.format);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : wholeNumber('--max-warnings', values['max-warnings']);
  return { format: values.format, summary: values.summary, maxWarnings };
}

/**
 * Every English page of the handbook, linted off the main thread, each result shared with the
 * pages as soon as it is in. The settings are read first, so a lint configuration mistake stops
 * before the build.
 */
export function startBuildLint(root: string, settings: ResolvedSettings, cache: boolean): Promise<{ results: FileResult[]; skipped: SkippedPage[] }> {
  const context = lintContext(settings);
  const onResult = shareLintResults();
  return findFiles(root, settings.contentPath, [], root).then(async (found) => {
    const { english: files, skipped } = splitByLanguage(found, settings);
    const cacheFile = cache ? join(root, LINT_CACHE_FILE) : undefined;
    const { results } = await lintFiles({ root, files, ...context, suggest: false, cacheFile, background: true, workers: 1, onResult });
    return { results, skipped };
  });
}

/** The build is over: pages no longer read the lint's results. */
export const finishBuildLint = stopSharingLintResults;

/** The lint's report once the site is built, and the exit code it calls for. */
export function reportBuildLint(lint: { results: FileResult[]; skipped: SkippedPage[] }, options: BuildLintOptions, io: CliIo): number {
  reportLint(lint.results, lint.skipped, options, io);
  return lintExitCode(lint.results, options.maxWarnings);
}
