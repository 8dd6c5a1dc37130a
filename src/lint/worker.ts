/** Worker thread: lints its share of the files and sends the results back in the same order. */
import { parentPort, workerData } from 'node:worker_threads';
import { skipVisitorRenaming } from './fast-visit.ts';
import type { LintContext } from './lint-file.ts';
import type { FileResult } from './result.ts';

interface Job {
  context: LintContext;
  files: { path: string; source: string }[];
}

// Module hooks are per thread, and must be in place before the plugins load: hence the late import.
skipVisitorRenaming();
const { lintSource } = await import('./lint-file.ts');
const { context, files } = workerData as Job;
const results: FileResult[] = [];
for (const file of files) results.push(await lintSource(file.path, file.source, context));
parentPort?.postMessage(results);
