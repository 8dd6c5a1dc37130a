/** `npm run lint`: prose lint for policies. See `npm run lint -- --help`. */
import { runCli } from '../src/cli/run-cli.ts';
import { lintCli } from '../src/lint/cli.ts';

await runCli(() =>
  lintCli(process.argv.slice(2), {
    root: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }),
);
