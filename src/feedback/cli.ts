/** `npx plainbook feedback pr <issue>`, `npx plainbook feedback decline <issue>` and `npx plainbook feedback import <file>`. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commandLine, dateOption, printUsage } from '../command/options.ts';
import { EXIT } from '../command/exit-codes.ts';
import { UsageError } from '../errors/index.ts';
import { loadSettings } from '../config/settings.ts';
import { clientOptionsFromEnv, createOctokit, targetFromEnv, tokenFromEnv, type GitHubCliIo } from '../github/client.ts';
import { IssueTracker } from '../github/issues.ts';
import { FEEDBACK_FORM_PATH, renderFeedbackForm } from '../pilot/feedback-form.ts';
import { loadRound } from '../pilot/rounds.ts';
import { readPolicies, type PolicyRecord } from '../policies/catalog.ts';
import { declineFeedback, feedbackToPullRequest } from './flow.ts';
import { FeedbackGitHub } from './github.ts';
import { importAnswers } from './import-run.ts';

const USAGE = `Usage: plainbook feedback <pr|decline> <issue-number> [--dry-run]
       plainbook feedback import <file.csv|file.xlsx> [--dry-run] [--since YYYY-MM-DD] [--round <id>]

  pr       turn accepted feedback into a pull request (adds the accepted label if missing)
  decline  thank the reporter and close the issue as not planned
  import   file one feedback issue per answer of your own form's export (Google Forms .csv,
           Microsoft Forms .xlsx); answers already filed are not filed again
    --since   only answers given on or after this day
    --round   the pilot round of answers that name none

Needs GITHUB_TOKEN and GITHUB_REPOSITORY; GITHUB_API_URL for GitHub Enterprise Server.`;

export async function feedbackCli(argv: string[], io: GitHubCliIo): Promise<number> {
  const parsed = commandLine(argv, USAGE, { 'dry-run': { type: 'boolean', default: false }, since: { type: 'string' }, round: { type: 'string' } }, { positionals: true });
  if (parsed.values.help) return printUsage(io, USAGE);
  const [command, number] = parsed.positionals;
  if (command === 'import') return importCli(parsed.positionals.slice(1), parsed.values, io);
  if (command !== 'pr' && command !== 'decline') throw new UsageError(`${command ? `Unexpected command \`${command}\`` : 'Missing command'}, expected \`pr\`, \`decline\` or \`import\`.\n\n${USAGE}`);
  if (!number || !/^\d+$/.test(number)) throw new UsageError(`Unexpected issue number \`${number ?? ''}\`, expected a number such as \`42\`.`);
  if (parsed.values.since !== undefined || parsed.values.round !== undefined) throw new UsageError(`Unexpected \`--${parsed.values.since !== undefined ? 'since' : 'round'}\` for \`feedback ${command}\`: only \`feedback import\` takes it.`);

  const settings = loadSettings(io.root, io.env);
  const policies = await readPolicies(io.root, settings.contentPath);
  const target = targetFromEnv(io.env);
  const octokit = createOctokit(tokenFromEnv(io.env), target, io.clientOptions ?? clientOptionsFromEnv(io.env));
  const formYaml = feedbackFormYaml(io.root, policies);
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

/** The repository's issue form, or the one `plainbook forms` would write: what GitHub files issues with. */
function feedbackFormYaml(root: string, policies: readonly PolicyRecord[]): string {
  const formPath = join(root, FEEDBACK_FORM_PATH);
  return existsSync(formPath) ? readFileSync(formPath, 'utf8') : renderFeedbackForm(policies.map((p) => ({ id: p.id, title: p.frontmatter.title })));
}

async function importCli(files: string[], values: { 'dry-run': boolean; since?: string | undefined; round?: string | undefined }, io: GitHubCliIo): Promise<number> {
  const [file, extra] = files;
  if (!file || extra !== undefined) throw new UsageError(`${file ? `Unexpected second file \`${extra}\`` : 'Missing file'}, expected one export, such as \`plainbook feedback import answers.csv\`.`);
  const since = dateOption('--since', values.since);
  const settings = loadSettings(io.root, io.env);
  const policies = await readPolicies(io.root, settings.contentPath);
  if (values.round !== undefined) await loadRound(settings.contentPath, io.root, values.round, policies.map((policy) => policy.id));
  await importAnswers({
    file,
    path: resolve(io.cwd ?? io.root, file),
    formYaml: feedbackFormYaml(io.root, policies),
    // The policy's own text: a help-line number it publishes is not a person's (see personal-data.ts).
    policies: policies.map((policy) => ({ id: policy.id, title: policy.frontmatter.title, words: readFileSync(join(io.root, policy.file), 'utf8') })),
    columns: settings.feedback.columns,
    since,
    round: values.round,
    github: () => {
      const target = targetFromEnv(io.env);
      return new IssueTracker(createOctokit(tokenFromEnv(io.env), target, io.clientOptions ?? clientOptionsFromEnv(io.env)), target, values['dry-run']);
    },
    out: (line) => io.stdout(`${line}\n`),
    log: (line) => io.stderr(`${line}\n`),
  });
  return EXIT.ok;
}
