/** `npm run feedback -- <pr|decline> <issue-number>`: act on accepted or declined policy feedback. */
import { runCli } from '../src/cli/run-cli.ts';
import { feedbackCli } from '../src/feedback/cli.ts';

await runCli(() =>
  feedbackCli(process.argv.slice(2), {
    root: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }),
);
