/** `npx plainbook review due` and `npx plainbook review remind`. */
import { commandLine, dateOption, printUsage } from '../command/options.ts';
import { EXIT } from '../command/exit-codes.ts';
import { UsageError } from '../errors/index.ts';
import { loadSettings } from '../config/settings.ts';
import { clientOptionsFromEnv, createOctokit, targetFromEnv, tokenFromEnv, type GitHubCliIo } from '../github/client.ts';
import { IssueTracker } from '../github/issues.ts';
import { readPolicies } from '../policies/catalog.ts';
import { nextReviewDate, todayIso } from '../policies/review-dates.ts';
import { dueReport, duePolicies } from './due.ts';
import { remindReviews } from './remind.ts';

const USAGE = `Usage: plainbook review <due|remind> [options]

  due      list policies overdue or due soon (--within <days>, default 30; --format table|json|markdown)
  remind   open one issue per due policy for its owner, close them once reviewed (--dry-run)

Options: --today <YYYY-MM-DD> to treat another day as today.`;

export async function reviewCli(argv: string[], io: GitHubCliIo): Promise<number> {
  const parsed = commandLine(argv, USAGE, {
    within: { type: 'string', default: '30' },
    format: { type: 'string', default: 'table' },
    today: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  }, { positionals: true });
  const { values, positionals } = parsed;
  if (values.help) return printUsage(io, USAGE);
  const [command] = positionals;
  if (command !== 'due' && command !== 'remind') throw new UsageError(`${command ? `Unexpected command \`${command}\`` : 'Missing command'}, expected \`due\` or \`remind\`.\n\n${USAGE}`);
  if (!/^\d+$/.test(values.within)) throw new UsageError(`Unexpected \`${values.within}\` for --within, expected a number of days such as \`30\`.`);
  if (!['table', 'json', 'markdown'].includes(values.format)) throw new UsageError(`Unexpected format \`${values.format}\`, expected \`table\`, \`json\` or \`markdown\`.`);

  const settings = loadSettings(io.root, io.env);
  const policies = await readPolicies(io.root, settings.contentPath);
  const today = dateOption('--today', values.today) ?? todayIso();
  const due = duePolicies(policies, today, Number(values.within));
  if (command === 'due') {
    io.stdout(dueReport(due, values.format as 'table' | 'json' | 'markdown', today, Number(values.within)));
    return EXIT.ok;
  }
  const target = targetFromEnv(io.env);
  const tracker = new IssueTracker(createOctokit(tokenFromEnv(io.env), target, io.clientOptions ?? clientOptionsFromEnv(io.env)), target, values['dry-run']);
  const nextReviews = new Map(
    policies.map((policy) => [policy.id, nextReviewDate({ effective: policy.frontmatter.effective, reviewed: policy.frontmatter.reviewed, reviewEvery: policy.frontmatter.reviewEvery })]),
  );
  const report = await remindReviews(tracker, due, nextReviews, { siteUrl: settings.url, repoUrl: settings.repoUrl, branch: settings.branch }, (line) => io.stderr(`${line}\n`));
  io.stdout(`${values['dry-run'] ? 'Would open' : 'Opened'} ${report.opened.length}, kept ${report.kept.length}, ${values['dry-run'] ? 'would close' : 'closed'} ${report.closed.length} review issues.\n`);
  return EXIT.ok;
}
