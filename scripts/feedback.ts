/** `npm run feedback -- <pr|decline> <issue-number>`: act on accepted or declined policy feedback. */
import { runCommand } from '../src/cli/run-cli.ts';
import { feedbackCli } from '../src/feedback/cli.ts';

await runCommand(feedbackCli);
