/**
 * `npx plainbook pilot <command> <round-id>`: run a pilot round on GitHub issues. Everything that
 * can be checked without writing is checked first (the round file, the policies, the repository,
 * the token), so bad input stops the run before any write.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { commandLine, dateOption } from '../command/options.ts';
import { EXIT } from '../command/exit-codes.ts';
import { UsageError } from '../errors/index.ts';
import { loadSettings } from '../config/settings.ts';
import { clientOptionsFromEnv, createOctokit, targetFromEnv, tokenFromEnv, type GitHubCliIo } from '../github/client.ts';
import { readPolicies } from '../policies/catalog.ts';
import { todayIso } from '../policies/review-dates.ts';
import { replaceStatus, closeRound } from './close.ts';
import { roundLabel, trackingTag, type SiteLinks } from './bodies.ts';
import { FEEDBACK_FORM_PATH, renderFeedbackForm } from './feedback-form.ts';
import { IssueTracker } from '../github/issues.ts';
import { remindTesters } from './remind.ts';
import { PILOTS_DIR, isRoundOpen, loadRound, namedTestersWarning, roundFile } from './rounds.ts';
import { personalLinksText, startRound } from './start.ts';
import { readFeedbackIssues, roundStatus } from './status.ts';
import { formatStatus, STATUS_FORMATS, statusMarkdown, type StatusFormat } from './status-report.ts';

const COMMANDS = ['plan', 'start', 'status', 'remind', 'close'] as const;
type Command = (typeof COMMANDS)[number];

const USAGE = `Usage: plainbook pilot <command> <round-id> [options]

Commands:
  plan     what start would create; writes nothing
  start    labels, milestone, tracking issue and one task issue per tester
  status   feedback per policy and per tester (--format table|json|markdown, --update)
  remind   one comment for each tester with no feedback yet (once a day at most)
  close    thank testers, close the round, write content/pilots/<round-id>.results.json

Options:
  --dry-run        say what would be written, write nothing
  --format <f>     status output: table (default), json, markdown
  --update         with status: rewrite the tracking issue's summary
  --today <date>   treat this date (YYYY-MM-DD) as today
  --debug          print stack traces

Needs GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name); GITHUB_API_URL for GitHub Enterprise Server.`;

export async function pilotCli(argv: string[], io: GitHubCliIo): Promise<number> {
  const args = parsePilotArgs(argv);
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  const settings = loadSettings(io.root, io.env);
  const policies = await readPolicies(io.root, settings.contentPath);
  const round = await loadRound(settings.contentPath, io.root, args.roundId, policies.map((policy) => policy.id));
  const roundPolicies = round.policies.map((id) => ({ id, title: policies.find((policy) => policy.id === id)?.frontmatter.title ?? id }));
  const target = targetFromEnv(io.env);
  const token = tokenFromEnv(io.env);
  const dryRun = args.command === 'plan' || args.dryRun;
  const github = new IssueTracker(createOctokit(token, target, io.clientOptions ?? clientOptionsFromEnv(io.env)), target, dryRun);
  const site: SiteLinks = { siteUrl: settings.url, repoUrl: settings.repoUrl, feedback: settings.feedback };
  const today = args.today ?? todayIso();
  const log = (line: string) => io.stderr(`${line}\n`);
  const named = namedTestersWarning(round, relative(io.root, roundFile(settings.contentPath, round.id)));
  if (named) log(named);

  if (args.command === 'plan' || args.command === 'start') {
    const notPilot = policies.filter((policy) => round.policies.includes(policy.id) && policy.frontmatter.status !== 'pilot');
    for (const policy of notPilot) log(`Note: ${policy.file} has status \`${policy.frontmatter.status}\`; set \`status: pilot\` while the round runs.`);
    const report = await startRound({ github, round, policies: roundPolicies, site, log });
    const created = report.labelsCreated.length + report.tasksCreated.length + (report.tracking === 'created' ? 1 : 0) + (report.milestone === 'created' ? 1 : 0);
    io.stdout(`${dryRun ? 'Would create' : 'Created'} ${created} ${created === 1 ? 'thing' : 'things'}: ${report.labelsCreated.length} labels, ${report.milestone === 'created' ? 1 : 0} milestone, ${report.tracking === 'created' ? 1 : 0} tracking issue, ${report.tasksCreated.length} task issues. ${report.tasksKept.length} task issues already existed.\n`);
    io.stdout(personalLinksText(round, site));
    return EXIT.ok;
  }

  const formYaml = readForm(io.root, roundPolicies);
  const [feedbackIssues, pulls] = await Promise.all([github.issuesWithLabel('feedback'), github.feedbackPullRequests()]);
  const status = roundStatus(round, readFeedbackIssues(feedbackIssues, formYaml, pulls));

  if (args.command === 'status') {
    io.stdout(formatStatus(status, args.format));
    if (args.update) {
      const tracking = await github.findOwn(await github.issuesWithLabel(roundLabel(round)), trackingTag(round));
      if (!tracking) throw new UsageError(`Cannot find the tracking issue of round \`${round.id}\`: run \`npx plainbook pilot start ${round.id}\` first.`);
      const body = replaceStatus(tracking.body ?? '', statusMarkdown(status));
      if (body !== tracking.body) await github.updateIssue(tracking.number, { body });
      log(`${body === tracking.body ? 'Tracking issue already up to date' : dryRun ? 'Would update' : 'Updated'} #${tracking.number}`);
    }
    return EXIT.ok;
  }
  if (args.command === 'remind') {
    if (!isRoundOpen(round, today)) {
      log(`Round \`${round.id}\` is not open on ${today} (${round.opens} to ${round.closes}): no reminders sent.`);
      return EXIT.ok;
    }
    const reminded = await remindTesters(github, round, status, today, log);
    io.stdout(`${dryRun ? 'Would remind' : 'Reminded'} ${reminded.length} ${reminded.length === 1 ? 'tester' : 'testers'}.\n`);
    return EXIT.ok;
  }
  const resultsPath = join(settings.contentPath, PILOTS_DIR, `${round.id}.results.json`);
  await closeRound(github, round, status, resultsPath, today, log);
  io.stdout(`${dryRun ? 'Would close' : 'Closed'} round ${round.id}: ${status.feedback} feedback from ${status.testers.filter((t) => t.feedback > 0).length} of ${round.testers.length} testers.\n`);
  return EXIT.ok;
}

/** The committed form, which is what GitHub used for the issues; rendered if it is missing. */
function readForm(root: string, policies: { id: string; title: string }[]): string {
  const path = join(root, FEEDBACK_FORM_PATH);
  return existsSync(path) ? readFileSync(path, 'utf8') : renderFeedbackForm(policies);
}

interface PilotArgs {
  command: Command;
  roundId: string;
  dryRun: boolean;
  format: StatusFormat;
  update: boolean;
  today?: string | undefined;
  help: boolean;
}

function parsePilotArgs(argv: string[]): PilotArgs {
  const parsed = commandLine(argv, USAGE, {
    'dry-run': { type: 'boolean', default: false },
    format: { type: 'string', default: 'table' },
    update: { type: 'boolean', default: false },
    today: { type: 'string' },
  }, { positionals: true });
  const { values, positionals } = parsed;
  if (values.help) return { command: 'plan', roundId: '', dryRun: true, format: 'table', update: false, help: true };
  const [command, roundId, ...extra] = positionals;
  if (!command || !(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`${command ? `Unexpected command \`${command}\`` : 'Missing command'}, expected one of ${COMMANDS.map((c) => `\`${c}\``).join(', ')}.\n\n${USAGE}`);
  }
  if (!roundId) throw new UsageError(`Missing round id, expected e.g. \`npx plainbook pilot ${command} spring-2026\`.`);
  if (extra.length > 0) throw new UsageError(`Unexpected \`${extra.join(' ')}\` after the round id.`);
  if (!(STATUS_FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`Unexpected format \`${values.format}\`, expected one of ${STATUS_FORMATS.map((f) => `\`${f}\``).join(', ')}.`);
  }
  return {
    command: command as Command,
    roundId,
    dryRun: values['dry-run'],
    format: values.format as StatusFormat,
    update: values.update,
    today: dateOption('--today', values.today),
    help: false,
  };
}
