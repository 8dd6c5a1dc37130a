/** Worker thread: lints its share of the files and sends each result back as it is done, in order. */
import { parentPort, workerData } from 'node:worker_threads';
import { keepCompiledCode } from '../files/compile-cache.ts';
import { loadLintFile } from './load-lint.ts';
import { runThisThreadInBackground } from './thread-priority.ts';
import type { LintContext } from './lint-file.ts';
import type { FileResult } from './result.ts';

interface Job {
  context: LintContext;
  files: { path: string; source: string }[];
  /** Beside a build: yield the CPU to it (the build's pages wait for its slowest step, not for the lint). */
  lowPriority?: boolean;
}

const { context, files, lowPriority } = workerData as Job;
// Before loading the plugins, which is work too. Same results at any priority; only slower
// beside a build where the system cannot lower it.
if (lowPriority) runThisThreadInBackground();
// Each thread keeps its own compiled code; the rules are most of what it loads.
keepCompiledCode();
// Loaded after the priority and the cache are set: hence the late import.
const { lintSource } = await loadLintFile();
// One message per file: a build beside the lint renders each page as soon as its result is here.
for (const file of files) parentPort?.postMessage((await lintSource(file.path, file.source, context)) satisfies FileResult);
