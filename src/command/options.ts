import { parseArgs, type ParseArgsConfig, type ParseArgsOptionsConfig } from 'node:util';
import { EXIT } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { UsageError } from '../errors/index.ts';

/**
 * `node:util` parseArgs, with its errors ("Unknown option '--nope'") turned into usage errors:
 * one line and exit 2, with the usage text, instead of a stack trace.
 */
export function parseOptions<T extends ParseArgsConfig>(config: T, usage = ''): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}${usage ? `\n\n${usage}` : ''}`);
  }
}

/** Options every command takes: `--help` prints its usage, `--debug` stack traces (read by runCli). */
const SHARED_OPTIONS = {
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsOptionsConfig;

interface CommandLineShape {
  /** Words after the command that are not options (`lint <paths>`, `pilot start <round>`). */
  positionals?: boolean;
  /** `--no-cache` for a boolean `--cache`. */
  negatives?: boolean;
}

/** A command's arguments read against its own options and the shared ones; errors name the usage. */
export function commandLine<const O extends ParseArgsOptionsConfig>(argv: string[], usage: string, options: O, shape: CommandLineShape = {}) {
  return parseOptions({ args: argv, options: { ...options, ...SHARED_OPTIONS }, allowPositionals: shape.positionals ?? false, allowNegative: shape.negatives ?? false, strict: true }, usage);
}

/** The answer to `--help`: the usage on stdout, and success. */
export function printUsage(io: Pick<CliIo, 'stdout'>, usage: string): number {
  io.stdout(`${usage}\n`);
  return EXIT.ok;
}

/** A `--today` style option: a calendar date, or a message that shows the form. */
export function dateOption(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new UsageError(`Unexpected \`${value}\` for ${flag}, expected a date such as \`2026-03-15\`.`);
  }
  return value;
}

/** A `--port` or `--max-warnings` style option: digits only, or a message that shows the form. */
export function wholeNumber(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`Unexpected \`${value}\` for ${flag}, expected a whole number such as \`0\`.`);
  return Number(value);
}
