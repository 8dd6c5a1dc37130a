/** `npm run pilot -- <command> <round-id>`: pilot rounds on GitHub. See `npm run pilot -- --help`. */
import { runCli } from '../src/cli/run-cli.ts';
import { pilotCli } from '../src/pilot/cli.ts';

await runCli(() =>
  pilotCli(process.argv.slice(2), {
    root: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }),
);
