/**
 * `plainbook <command>`: one CLI for everything a handbook needs. Each command's module loads
 * only when it runs, so `plainbook lint` never pays for Astro and `--help` answers at once.
 */
import { UsageError } from '../errors/index.ts';
import { packageVersion } from '../files/package-root.ts';
import { EXIT } from '../command/exit-codes.ts';
import type { CliIo } from '../command/io.ts';

type Command = (argv: string[], io: CliIo) => Promise<number>;

interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  init: { summary: 'start a new handbook in a folder', load: async () => (await import('../init/cli.ts')).initCli },
  dev: { summary: 'serve the handbook while you edit it', load: async () => (await import('../site/site-cli.ts')).devCli },
  build: { summary: 'build the handbook site and its search index into dist/', load: async () => (await import('../site/site-cli.ts')).buildCli },
  preview: { summary: 'serve the built handbook', load: async () => (await import('../site/site-cli.ts')).previewCli },
  import: { summary: 'turn Word, Google Docs, web page, Markdown or text policies into draft policies', load: async () => (await import('../import/cli.ts')).importCli },
  lint: { summary: 'check the policies for plain, readable words', load: async () => (await import('../lint/cli.ts')).lintCli },
  forms: { summary: 'write the feedback issue form from the policies', load: async () => (await import('../pilot/forms-cli.ts')).formsCli },
  owners: { summary: 'write CODEOWNERS from each policy\'s owner', load: async () => (await import('../review/owners-cli.ts')).ownersCli },
  pilot: { summary: 'run a pilot round on GitHub issues', load: async () => (await import('../pilot/cli.ts')).pilotCli },
  feedback: { summary: 'turn accepted feedback into a pull request', load: async () => (await import('../feedback/cli.ts')).feedbackCli },
  review: { summary: 'list policies due for review and remind their owners', load: async () => (await import('../review/cli.ts')).reviewCli },
  history: { summary: 'list the versions of a policy and the days each was in force', load: async () => (await import('../policies/history-cli.ts')).historyCli },
  pdf: { summary: 'print the built handbook to one PDF', load: async () => (await import('../site/pdf-cli.ts')).pdfCli },
  sync: { summary: 'bring workflows and generated files up to this version', load: async () => (await import('../sync/cli.ts')).syncCli },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`);
  return `Usage: plainbook <command> [options]

Commands:
${lines.join('\n')}

Run \`plainbook <command> --help\` for a command's options.
  --version   print Plainbook's version
  --debug     print stack traces`;
}

/** Pick the command from the first argument and run it with the rest. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // `plainbook --debug lint` as well as `plainbook lint --debug` (runCli reads it from argv).
  const [first, ...rest] = argv[0] === '--debug' ? [...argv.slice(1), '--debug'] : argv;
  if (first === '--version' || first === '-v') {
    io.stdout(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (first === undefined) throw new UsageError(`Missing command.\n\n${usage()}`);
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(`${usage()}\n`);
    return EXIT.ok;
  }
  const entry = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!entry) throw new UsageError(`Unexpected command \`${first}\`, expected one of ${Object.keys(COMMANDS).map((name) => `\`${name}\``).join(', ')}.\n\n${usage()}`);
  const command = await entry.load();
  return command(rest, io);
}
