/**
 * How every Plainbook command ends. Known errors (src/errors) print their message without a
 * stack (unless `--debug`) and exit with the code their class maps to (exit-codes.ts); anything
 * else is a bug, and then the stack is the useful part.
 */
import type { CliIo } from '../command/io.ts';
import { describeFailure } from '../errors/index.ts';
import { EXIT, exitCodeFor } from '../command/exit-codes.ts';
import { findProjectRoot, userFolder } from '../command/project.ts';


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
