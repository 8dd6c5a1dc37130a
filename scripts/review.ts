/** `npm run review -- <due|remind>`: policies due for review. See `npm run review -- --help`. */
import { runCommand } from '../src/cli/run-cli.ts';
import { reviewCli } from '../src/review/cli.ts';

await runCommand(reviewCli);
