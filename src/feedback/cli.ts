/** `npx plainbook feedback pr <issue>` and `npx plainbook feedback decline <issue>`. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandLine, printUsage } from '../command/options.ts';
import { EXIT } from '../command/exit-codes.ts';
import { UsageError } from '../errors/index.ts';
import { loadSettings } from '../config/settings.ts';
import { clientOptionsFromEnv, createOctokit, targetFromEnv, tokenFromEnv, type GitHubCliIo } from '../github/client.ts';
import { FEEDBACK_FORM_PATH, renderFeedbackForm } from '../pilot/feedback-form.ts';
import { readPolicies } from '../policies/catalog.ts';
import { declineFeedback, feedbackToPullRequest } from './flow.ts';
import { FeedbackGitHub } from './github.ts';

const USAGE = `Usage: plainbook feedback <pr|decline> <issue-number> [--dry-run]

  pr       turn accepted feedback into a pull request (adds the accepted label if missing)
  decline  thank the reporter and close the issue as not planned

Needs GITHUB_TOKEN and GITHUB_REPOSITORY; GITHUB_API_URL for GitHub Enterprise Server.`;

export async function feedbackCli(argv: string[], io: GitHubCliIo): Promise<number> {
  const parsed = commandLine(argv, USAGE, { 'dry-run': { type: 'boolean', default: false } }, { positionals: true });
  if (parsed.values.help) return printUsage(io, USAGE);
  const [command, number] = parsed.positionals;
  if (command !== 'pr' && command !== 'decline') throw new UsageError(`${command ? `Unexpected command \`${command}\`` : 'Missing command'}, expected \`pr\` or \`decline\`.\n\n${USAGE}`);
  if (!number || !/^\d+$/.test(number)) throw new UsageError(`Unexpected issue number \`${number ?? ''}\`, expected a number such as \`42\`.`);

  const settings = loadSettings(io.root, io.env);
  const policies = await readPolicies(io.root, settings.contentPath);
  const target = targetFromEnv(io.env);
  const octokit = createOctokit(tokenFromEnv(io.env), target, io.clientOptions ?? clientOptionsFromEnv(io.env));
  const formPath = join(io.root, FEEDBACK_FORM_PATH);
  const formYaml = existsSync(formPath) ? readFileSync(formPath, 'utf8') : renderFeedbackForm(policies.map((p) => ({ id: p.id, title: p.frontmatter.title })));
  const input = {
    github: new FeedbackGitHub(octokit, target, parsed.values['dry-run']),
    octokit,
    target,
    issueNumber: Number(number),
    policies,
    formYaml,
    log: (line: string) => io.stderr(`${line}\n`),
  };
  const outcome = command === 'pr' ? await feedbackToPullRequest(input) : await declineFeedback(input);
  io.stdout(`${outcome}\n`);
  return EXIT.ok;
}
