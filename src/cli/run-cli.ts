/**
 * How every Plainbook command ends: exit 0 on success, 1 for findings, 2 for usage or
 * environment problems. Known errors print their message without a stack (unless `--debug`);
 * a crash prints everything, since then the stack is the useful part.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** What a command sees of the world, so tests can run it in-process against a temp project. */
export interface CliIo {
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function processIo(): CliIo {
  return {
    root: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

/** A script's whole body: run the command with this process's arguments and streams. */
export function runCommand(command: (argv: string[], io: CliIo) => Promise<number>): Promise<never> {
  return runCli(() => command(process.argv.slice(2), processIo()));
}

const KNOWN_ERRORS = new Set(['SchemaError', 'UsageError', 'GitHubError']);

export async function runCli(main: () => Promise<number | void>): Promise<never> {
  const debug = process.argv.includes('--debug');
  let code: number;
  try {
    code = (await main()) ?? EXIT.ok;
  } catch (error) {
    code = EXIT.usage;
    const known = error instanceof Error && KNOWN_ERRORS.has(error.name);
    process.stderr.write(`${known && !debug ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  // Exit explicitly: a lingering child (esbuild's service) once kept a finished build alive.
  process.exit(code);
}
