/** Worker thread: lints its share of the files and sends the results back in the same order. */
import { parentPort, workerData } from 'node:worker_threads';
import { lintSource, type LintContext } from './lint-file.ts';
import type { FileResult } from './result.ts';

interface Job {
  context: LintContext;
  files: { path: string; source: string }[];
}

const { context, files } = workerData as Job;
const results: FileResult[] = [];
for (const file of files) results.push(await lintSource(file.path, file.source, context));
parentPort?.postMessage(results);
