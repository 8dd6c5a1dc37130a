import { parseArgs, type ParseArgsConfig } from 'node:util';
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
