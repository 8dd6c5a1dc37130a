import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../errors/index.ts';
import type { LintSettings } from '../schema/lint.ts';
import { cacheKey, LintCache, lintFingerprints } from './cache.ts';
import { skipVisitorRenaming } from './fast-visit.ts';
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

  const results: (FileResult | undefined)[] = [];
  const pending: { index: number; path: string; source: string; key: string }[] = [];
  sources.forEach((source, index) => {
    const path = options.files[index] ?? '';
    const key = cacheKey({ path, source, fingerprint });
    const hit = cache.get(key);
    results[index] = hit;
    if (!hit) pending.push({ index, path, source, key });
  });

  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), Math.floor(pending.length / FILES_PER_WORKER)));
  const offThread = workers > 1 || (options.background === true && pending.length > 0);
  const fresh = offThread ? await lintInWorkers(pending, context, workers, options.background === true) : await lintHere(pending, context);
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

async function lintHere(jobs: readonly { path: string; source: string }[], context: LintContext): Promise<FileResult[]> {
  // Loaded only when this thread lints: the plugins and the dictionary take a fifth of a second,
  // which a run served from the cache or by workers (and the site build) should not pay.
  skipVisitorRenaming();
  const { lintSource } = await import('./lint-file.ts');
  const results: FileResult[] = [];
  for (const job of jobs) results.push(await lintSource(job.path, job.source, context));
  return results;
}

// worker.ts beside this file when run as TypeScript, worker.js in the compiled package.
const WORKER = new URL(`./worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/** Contiguous shares keep each worker's output in input order, so joining them keeps it too. */
async function lintInWorkers(
  jobs: readonly { path: string; source: string }[],
  context: LintContext,
  count: number,
  lowPriority: boolean,
): Promise<FileResult[]> {
  const size = Math.ceil(jobs.length / count);
  const shares = Array.from({ length: count }, (_, i) => jobs.slice(i * size, (i + 1) * size).map(({ path, source }) => ({ path, source })));
  const outputs = await Promise.all(shares.map((files) => runWorker(context, files, lowPriority)));
  return outputs.flat();
}

function runWorker(context: LintContext, files: { path: string; source: string }[], lowPriority: boolean): Promise<FileResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { context, files, lowPriority } });
    worker.once('message', (results: FileResult[]) => resolve(results));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`A lint worker stopped with exit code ${code}.`));
    });
  });
}

