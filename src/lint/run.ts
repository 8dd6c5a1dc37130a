import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../errors/index.ts';
import type { LintSettings } from '../schema/lint.ts';
import { cacheKey, LintCache, lintFingerprints } from './cache.ts';
import { loadLintFile } from './load-lint.ts';
import type { LintContext } from './lint-file.ts';
import type { FileResult } from './result.ts';

export interface RunOptions {
  root: string;
  /** Repository-relative paths. */
  files: readonly string[];
  settings: LintSettings;
  /** Project word list, one word per line. */
  personalWords: string;
  /** Spelling suggestions in messages (slow; see LintContext). */
  suggest?: boolean | undefined;
  /** JSON file for the content-hash cache; `undefined` turns caching off. */
  cacheFile?: string | undefined;
  /** Threads to use; by default one per core once there are enough files to pay for them. */
  workers?: number;
  /** Lint off this thread even for a few files: the thread has other work (the build). */
  background?: boolean;
  /** Each file's result as soon as it is known (cached ones first), before the whole run ends. */
  onResult?: (result: FileResult) => void;
}

export interface RunStats {
  linted: number;
  cached: number;
  workers: number;
}

/** Below this many files to lint, starting threads costs more than it saves. */
const FILES_PER_WORKER = 40;

/** Lint files, reusing cached results; results come back in the order of `files`. */
export async function lintFiles(options: RunOptions): Promise<{ results: FileResult[]; stats: RunStats }> {
  const sources = await Promise.all(options.files.map((path) => readSource(options.root, path)));
  const context: LintContext = { settings: options.settings, personalWords: options.personalWords, suggest: options.suggest ?? false };
  const [fingerprint = ''] = lintFingerprints([context], options.root);
  const cache = new LintCache(options.cacheFile);

  const onResult = options.onResult ?? (() => undefined);
  const results: (FileResult | undefined)[] = [];
  const pending: { index: number; path: string; source: string; key: string }[] = [];
  sources.forEach((source, index) => {
    const path = options.files[index] ?? '';
    const key = cacheKey({ path, source, fingerprint });
    const hit = cache.get(key);
    results[index] = hit;
    if (hit) onResult(hit);
    else pending.push({ index, path, source, key });
  });

  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), Math.floor(pending.length / FILES_PER_WORKER)));
  const offThread = workers > 1 || (options.background === true && pending.length > 0);
  const fresh = offThread ? await lintInWorkers(pending, context, { count: workers, lowPriority: options.background === true, onResult }) : await lintHere(pending, context, onResult);
  pending.forEach((job, position) => {
    const result = fresh[position];
    if (!result) return;
    results[job.index] = result;
    cache.set(job.key, result);
  });
  cache.save();
  return {
    results: results.filter((result): result is FileResult => result !== undefined),
    stats: { linted: pending.length, cached: options.files.length - pending.length, workers },
  };
}

async function readSource(root: string, path: string): Promise<string> {
  try {
    return await readFile(join(root, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'the file does not exist' : code === 'EISDIR' ? 'it is a folder' : String(error);
    throw new UsageError(`Cannot read ${path}: ${reason}. Check the path, or run \`npx plainbook lint\` with no paths to lint all of content/.`);
  }
}

type Job = { path: string; source: string };

async function lintHere(jobs: readonly Job[], context: LintContext, onResult: (result: FileResult) => void): Promise<FileResult[]> {
  // Loaded only when this thread lints: the plugins take a third of a second to load (0.36 s of a
  // 0.68 s lint served whole from the cache), which a run with nothing new to lint, or one done
  // by workers, should not pay.
  if (jobs.length === 0) return [];
  const { lintSource } = await loadLintFile();
  const results: FileResult[] = [];
  for (const job of jobs) {
    const result = await lintSource(job.path, job.source, context);
    onResult(result);
    results.push(result);
  }
  return results;
}

// worker.ts beside this file when run as TypeScript, worker.js in the compiled package.
const WORKER = new URL(`./worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/** Contiguous shares keep each worker's output in input order, so joining them keeps it too. */
async function lintInWorkers(
  jobs: readonly Job[],
  context: LintContext,
  options: { count: number; lowPriority: boolean; onResult: (result: FileResult) => void },
): Promise<FileResult[]> {
  const size = Math.ceil(jobs.length / options.count);
  const shares = Array.from({ length: options.count }, (_, i) => jobs.slice(i * size, (i + 1) * size).map(({ path, source }) => ({ path, source })));
  const outputs = await Promise.all(shares.map((files) => runWorker(context, files, options)));
  return outputs.flat();
}

/** A worker posts each file's result as it finishes it, in the order it was given them. */
function runWorker(context: LintContext, files: Job[], options: { lowPriority: boolean; onResult: (result: FileResult) => void }): Promise<FileResult[]> {
  return new Promise((resolve, reject) => {
    const results: FileResult[] = [];
    if (files.length === 0) return resolve(results);
    const worker = new Worker(WORKER, { workerData: { context, files, lowPriority: options.lowPriority } });
    worker.on('message', (result: FileResult) => {
      results.push(result);
      options.onResult(result);
      if (results.length === files.length) resolve(results);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (results.length < files.length) reject(new Error(`A lint worker stopped with exit code ${code} after ${results.length} of ${files.length} files.`));
    });
  });
}
