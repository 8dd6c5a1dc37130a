/**
 * How every Plainbook command ends: exit 0 on success, 1 for findings, 2 for usage or
 * environment problems. Known errors print their message without a stack (unless `--debug`);
 * a crash prints everything, since then the stack is the useful part.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

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
