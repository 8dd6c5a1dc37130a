/** `npm run pilot -- <command> <round-id>`: pilot rounds on GitHub. See `npm run pilot -- --help`. */
import { runCommand } from '../src/cli/run-cli.ts';
import { pilotCli } from '../src/pilot/cli.ts';

await runCommand(pilotCli);
