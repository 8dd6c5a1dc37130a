/**
 * `plainbook lint`: the prose lint from the command line and from CI. Parses arguments, runs the
 * lint and prints; the work itself lives in run.ts, the reports in reporters/.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings } from '../config/settings.ts';
import { commandLine, wholeNumber } from '../command/options.ts';
import { userPath } from '../command/project.ts';
import { EXIT } from '../command/exit-codes.ts';
import type { CliIo } from '../command/io.ts';
import { UsageError } from '../errors/index.ts';
import { LINT_CACHE_FILE } from './cache.ts';
import { changedFiles, findFiles, isRevision } from './files.ts';
import { lintContext } from './context.ts';
import { splitByLanguage, type SkippedPage } from './languages.ts';
import { FORMATS, type Format } from './reporters/index.ts';
import { markdownReport } from './reporters/markdown.ts';
import { countBySeverity, type FileResult } from './result.ts';
import { lintFiles } from './run.ts';
import { watchLint } from './watch.ts';

const USAGE = `Usage: plainbook lint [paths or globs...] [options]

  --format <pretty|github|json|markdown>  output format (default: pretty)
  --changed [base]       only files changed against a git base (default: origin/<PR base> or main)
  --max-warnings <n>     fail when there are more warnings than this
  --no-cache             lint every file again instead of reusing results for unchanged files
  --suggest              spelling suggestions in messages (default: with --format pretty only)
  --watch                lint again each time a policy is saved (pretty format; Ctrl-C stops)
  --summary <file>       also append a Markdown report to this file (e.g. $GITHUB_STEP_SUMMARY)
  --comment              keep one pull-request comment up to date (needs GITHUB_TOKEN)
  --pr <number>          the pull request for --comment (default: from the workflow event)
  --dry-run              with --comment: say what would be written, write nothing
  --debug                print stack traces`;

export type LintCliIo = CliIo;

export async function lintCli(argv: string[], io: LintCliIo): Promise<number> {
  const options = parseLintArgs(await normaliseChangedFlag(argv, io.root));
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (options.watch) {
    await watchLint(io, { paths: options.paths, suggest: options.suggest, cache: options.cache });
    return EXIT.ok;
  }
  const settings = loadSettings(io.root, io.env);
  const base = options.changed === undefined ? undefined : await resolveBase(io.root, options.changed, io.env);
  const found = base ? await changedFiles(io.root, settings.contentPath, base) : await findFiles(io.root, settings.contentPath, options.paths, io.cwd);
  const { english: files, skipped } = splitByLanguage(found, settings);

  const { results, stats } = await lintFiles({
    root: io.root,
    files,
    ...lintContext(settings),
    suggest: options.suggest,
    cacheFile: options.cache ? join(io.root, LINT_CACHE_FILE) : undefined,
  });
  reportLint(results, skipped, options, io);
  if (options.format === 'pretty') io.stderr(`(${stats.linted} linted, ${stats.cached} from cache, ${stats.workers} ${stats.workers === 1 ? 'thread' : 'threads'})\n`);
  // Loaded only for --comment: Octokit and the metrics pipeline are a third of a warm run's start.
  if (options.comment) await (await import('./comment.ts')).commentOnPullRequest(results, base, { pr: options.pr, dryRun: options.dryRun, contentPath: settings.contentPath }, io);
  return lintExitCode(results, options.maxWarnings);
}

/** The report in the chosen format, and the Markdown summary when one is asked for. */
export function reportLint(results: readonly FileResult[], skipped: readonly SkippedPage[], options: Pick<LintArgs, 'format' | 'summary'>, io: LintCliIo): void {
  io.stdout(FORMATS[options.format](results, { skipped }));
  if (options.summary) appendFileSync(userPath(io.cwd ?? io.root, options.summary), `${markdownReport(results, { skipped })}\n`);
}

export function lintExitCode(results: readonly FileResult[], maxWarnings: number | undefined): number {
  const { errors, warnings } = countBySeverity(results);
  return errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings) ? EXIT.findings : EXIT.ok;
}

export interface LintArgs {
  paths: string[];
  format: Format;
  changed?: string | undefined;
  maxWarnings?: number | undefined;
  cache: boolean;
  /** Spelling suggestions are slow; a person at a terminal reads them, CI annotations do not need them. */
  suggest: boolean;
  summary?: string | undefined;
  comment: boolean;
  pr?: number | undefined;
  dryRun: boolean;
  watch: boolean;
  help: boolean;
}

function parseLintArgs(argv: string[]): LintArgs {
  const parsed = commandLine(argv, USAGE, {
    format: { type: 'string', default: 'pretty' },
    changed: { type: 'string' },
    'max-warnings': { type: 'string' },
    cache: { type: 'boolean', default: true },
    suggest: { type: 'boolean' },
    summary: { type: 'string' },
    comment: { type: 'boolean', default: false },
    pr: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    watch: { type: 'boolean', default: false },
  }, { positionals: true, negatives: true });
  const { values, positionals } = parsed;
  checkFormat(values.format);
  if (values.watch) {
    const clash = [['--comment', values.comment], ['--changed', values.changed !== undefined], ['--summary', values.summary !== undefined], ['--format', values.format !== 'pretty']].find(([, used]) => used);
    if (clash) throw new UsageError(`Unexpected ${String(clash[0])} with --watch, expected --watch alone (it prints for a person at a terminal). Run the lint once without --watch for ${String(clash[0])}.`);
  }
  return {
    paths: positionals,
    format: values.format as Format,
    changed: values.changed,
    maxWarnings: values['max-warnings'] === undefined ? undefined : wholeNumber('--max-warnings', values['max-warnings']),
    cache: values.cache,
    suggest: values.suggest ?? values.format === 'pretty',
    summary: values.summary,
    comment: values.comment,
    pr: values.pr === undefined ? undefined : wholeNumber('--pr', values.pr),
    dryRun: values['dry-run'],
    watch: values.watch,
    help: values.help,
  };
}

export function checkFormat(format: string): asserts format is Format {
  if (!(format in FORMATS)) throw new UsageError(`Unexpected format \`${format}\`, expected one of ${Object.keys(FORMATS).map((f) => `\`${f}\``).join(', ')}.`);
}

/** `--changed` takes an optional base: the next word counts as one only when git knows it. */
async function normaliseChangedFlag(argv: string[], root: string): Promise<string[]> {
  const index = argv.indexOf('--changed');
  if (index === -1) return argv;
  const next = argv[index + 1];
  const takesNext = next !== undefined && !next.startsWith('-') && (await isRevision(root, next));
  const value = takesNext ? next : '';
  return [...argv.slice(0, index), `--changed=${value}`, ...argv.slice(index + (takesNext ? 2 : 1))];
}

async function resolveBase(root: string, requested: string, env: LintCliIo['env']): Promise<string> {
  if (requested) return requested;
  const candidates = [env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : undefined, 'origin/main', 'main'];
  for (const candidate of candidates) if (candidate && (await isRevision(root, candidate))) return candidate;
  throw new UsageError('Cannot find a base to compare with for --changed: name one, e.g. `--changed origin/main`.');
}
