/** `npm run lint`: prose lint for policies. See `npm run lint -- --help`. */
import { runCommand } from '../src/cli/run-cli.ts';
import { lintCli } from '../src/lint/cli.ts';

await runCommand(lintCli);
