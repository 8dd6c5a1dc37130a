/**
 * `plainbook lint --watch`: for editors who write in a terminal's neighbour. Lints everything
 * once, then each policy again when it is saved (editors save by writing or by renaming a new
 * file into place; both count), and everything again when the settings or the word list change.
 * Runs until interrupted.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join, relative } from 'node:path';
import { loadSettings, SETTINGS_FILE, wordListPath } from '../config/settings.ts';
import { PlainbookError } from '../errors/index.ts';
import type { CliIo } from '../command/io.ts';
import { describeFailure } from '../errors/index.ts';
import { LINT_CACHE_FILE } from './cache.ts';
import { lintContext } from './context.ts';
import { findFiles, LINTED_EXTENSIONS } from './files.ts';
import { splitByLanguage } from './languages.ts';
import { prettyReport } from './reporters/pretty.ts';
import { lintFiles } from './run.ts';

export interface WatchOptions {
  paths: readonly string[];
  suggest: boolean;
  cache: boolean;
  /** Resolves when watching should stop (tests); by default at Ctrl-C. */
  until?: Promise<void>;
}

/** Saves arrive as bursts of events (write, rename, chmod); one lint per burst. */
const SETTLE_MS = 80;

export async function watchLint(io: CliIo, options: WatchOptions): Promise<void> {
  const pending = new Set<string>();
  let everything = true;
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();

  const runPending = () => {
    const all = everything;
    const files = [...pending];
    everything = false;
    pending.clear();
    running = running.then(() => lintAndPrint(io, options, all ? undefined : files)).catch((error: unknown) => {
      io.stderr(`${describeFailure(error, false)}\n`);
    });
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(runPending, SETTLE_MS);
  };

  runPending();
  await running;
  const settings = loadSettings(io.root, io.env);
  const watchers: FSWatcher[] = [
    watch(settings.contentPath, { recursive: true }, (_event, name) => {
      if (!name) return;
      const path = relative(io.root, join(settings.contentPath, name)).split('\\').join('/');
      if (LINTED_EXTENSIONS.test(path)) pending.add(path);
      else if (join(settings.contentPath, name) === wordListPath(settings)) everything = true;
      else return;
      schedule();
    }),
    watch(io.root, (_event, name) => {
      if (name !== SETTINGS_FILE) return;
      everything = true;
      schedule();
    }),
  ];
  io.stderr('Watching for changes. Press Ctrl-C to stop.\n');
  await (options.until ?? new Promise<void>((resolve) => process.once('SIGINT', () => resolve())));
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  await running;
}

/** Lint `files` (or everything) and print what was found; a file that went away is said to be gone. */
async function lintAndPrint(io: CliIo, options: WatchOptions, files: string[] | undefined): Promise<void> {
  let settings;
  try {
    settings = loadSettings(io.root, io.env);
  } catch (error) {
    // A half-typed settings file is normal while watching: say what is wrong and keep watching.
    if (error instanceof PlainbookError) {
      io.stderr(`${error.message}\n`);
      return;
    }
    throw error;
  }
  const present = files?.filter((path) => existsSync(join(io.root, path)));
  for (const gone of files?.filter((path) => !present?.includes(path)) ?? []) io.stdout(`${time()} ${gone} was removed.\n`);
  const found = present ?? (await findFiles(io.root, settings.contentPath, options.paths, io.cwd));
  const { english, skipped } = splitByLanguage(found, settings);
  if (english.length === 0 && skipped.length === 0) return;
  const { results } = await lintFiles({
    root: io.root,
    files: english,
    ...lintContext(settings),
    suggest: options.suggest,
    cacheFile: options.cache ? join(io.root, LINT_CACHE_FILE) : undefined,
  });
  io.stdout(`${time()} ${files === undefined ? 'all policies' : english.join(', ')}\n${prettyReport(results, { skipped })}`);
}

function time(): string {
  return new Date().toTimeString().slice(0, 8);
}
