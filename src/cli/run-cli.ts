/**
 * How every Plainbook command ends. Known errors (src/errors) print their message without a
 * stack (unless `--debug`) and exit with the code their class maps to (exit-codes.ts); anything
 * else is a bug, and then the stack is the useful part.
 */
import { findPlainbookError } from '../errors/index.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { findProjectRoot, userFolder } from './project.ts';

export { EXIT } from './exit-codes.ts';

/** What a command sees of the world, so tests can run it in-process against a temp project. */
export interface CliIo {
  /** The handbook: the folder with plainbook.config.yml. */
  root: string;
  /** Where the user stands; paths they type are relative to it (default: root). */
  cwd?: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function processIo(): CliIo {
  const cwd = userFolder(process.env);
  return {
    root: findProjectRoot(cwd),
    cwd,
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

/** A script's whole body: run the command with this process's arguments and streams. */
export function runCommand(command: (argv: string[], io: CliIo) => Promise<number>): Promise<never> {
  return runCli(() => command(process.argv.slice(2), processIo()));
}

/** Run a command, report what ended it, and return the exit code (tests call this directly). */
export async function runToExitCode(main: () => Promise<number | void>, stderr: (text: string) => void, debug = false): Promise<number> {
  try {
    return (await main()) ?? EXIT.ok;
  } catch (error) {
    stderr(`${describeFailure(error, debug)}\n`);
    return exitCodeFor(error);
  }
}

export function describeFailure(error: unknown, debug: boolean): string {
  const known = findPlainbookError(error);
  if (known && !debug) return known.message;
  if (error instanceof Error) return `${known ? '' : 'Plainbook stopped on an unexpected error. This is a bug: please report it with the text below.\n'}${error.stack ?? error.message}`;
  return String(error);
}

export async function runCli(main: () => Promise<number | void>): Promise<never> {
  const code = await runToExitCode(main, (text) => process.stderr.write(text), process.argv.includes('--debug'));
  // Writes to a pipe are asynchronous: exiting at once cut a large report short (`lint --format json | jq`).
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  // Exit explicitly: a lingering child (esbuild's service) once kept a finished build alive.
  process.exit(code);
}

/** Resolves once everything written to `stream` so far has been handed to the system. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    stream.write('', () => resolve());
  });
}
