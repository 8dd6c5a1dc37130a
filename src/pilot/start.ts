import { taskAssignee, testerKey, testerLogName, type Round } from '../schema/pilot.ts';
import { milestoneTitle, personalLink, pilotLabels, roundLabel, taskBody, taskTag, trackingBody, trackingTag, type PolicyLink, type SiteLinks } from './bodies.ts';
import type { Issue, IssueTracker } from '../github/issues.ts';

export interface StartInput {
  github: IssueTracker;
  round: Round;
  policies: PolicyLink[];
  site: SiteLinks;
  log: (line: string) => void;
}

export interface StartReport {
  labelsCreated: string[];
  milestone: 'created' | 'updated' | 'kept';
  tracking: 'created' | 'updated' | 'kept';
  tasksCreated: string[];
  tasksKept: string[];
}

/**
 * Set a round up on GitHub: labels, a milestone due on `closes`, a tracking issue and one task
 * issue per tester. Safe to run again, and again after a crash: everything is found by its
 * marker first, so nothing is created twice and whatever is missing is made.
 */
export async function startRound({ github, round, policies, site, log }: StartInput): Promise<StartReport> {
  const would = github.dryRun ? 'Would create' : 'Created';
  const labelsCreated = await github.ensureLabels(pilotLabels(round));
  for (const label of labelsCreated) log(`${would} label ${label}`);

  const milestone = await github.ensureMilestone(milestoneTitle(round), `${round.closes}T23:59:59Z`, `Pilot round ${round.id}: ${round.title}`);
  if (milestone.action !== 'kept') {
    const verb = milestone.action === 'created' ? 'create' : 'update';
    log(`${github.dryRun ? `Would ${verb}` : `${verb[0]?.toUpperCase()}${verb.slice(1)}d`} milestone "${milestoneTitle(round)}"`);
  }

  let issues = await github.issuesWithLabel(roundLabel(round));
  const relist = async () => (issues = await github.issuesWithLabel(roundLabel(round)));
  const labels = ['pilot', roundLabel(round)];
  const milestoneNumber = milestone.number || undefined;

  let tracking = await github.findOwn(issues, trackingTag(round));
  let trackingAction: StartReport['tracking'] = 'kept';
  if (!tracking) {
    trackingAction = 'created';
    if (!github.dryRun) {
      tracking = await github.createIssueOnce(
        trackingTag(round),
        { title: `Pilot round: ${round.title}`, body: trackingBody(round, policies, site, new Map()), labels: [...labels, 'pilot-tracking'], ...(milestoneNumber ? { milestone: milestoneNumber } : {}) },
        relist,
      );
    }
    log(`${would} tracking issue${tracking ? ` #${tracking.number}` : ''}`);
  }

  const tasks = new Map<string, number>();
  const report: StartReport = { labelsCreated, milestone: milestone.action, tracking: trackingAction, tasksCreated: [], tasksKept: [] };
  for (const [index, tester] of round.testers.entries()) {
    const key = testerKey(tester);
    let task: Issue | undefined = await github.findOwn(issues, taskTag(round, tester));
    if (task) {
      report.tasksKept.push(key);
    } else {
      if (!github.dryRun) {
        task = await github.createIssueOnce(
          taskTag(round, tester),
          {
            title: `Pilot task: ${round.title} (${tester.code ? `tester ${key}` : key})`,
            body: taskBody(round, tester, policies, site),
            labels: [...labels, 'pilot-task'],
            assignees: [taskAssignee(tester)],
            ...(milestoneNumber ? { milestone: milestoneNumber } : {}),
          },
          relist,
        );
      }
      report.tasksCreated.push(key);
      log(`${would} task issue${task ? ` #${task.number}` : ''} for ${testerLogName(round, tester)} (${index + 1}/${round.testers.length})`);
    }
    if (task) tasks.set(key, task.number);
  }

  if (tracking) {
    const current = tracking.body ?? '';
    const status = statusSection(current);
    const body = trackingBody(round, policies, site, tasks, status);
    if (body !== current) {
      await github.updateIssue(tracking.number, { body });
      if (report.tracking === 'kept') report.tracking = 'updated';
    }
  }
  return report;
}

/** Keep what `status --update` wrote when the rest of the tracking issue is rewritten. */
function statusSection(body: string): string {
  const match = /<!-- plainbook:status-start -->\n([\s\S]*?)\n<!-- plainbook:status-end -->/.exec(body);
  return match?.[1]?.startsWith('_No status yet') ? '' : (match?.[1] ?? '');
}

/**
 * For `pilot start` to print: each tester without a GitHub account, by code, with the personal
 * link the staff member who invites them passes on. Nothing here is a name.
 */
export function personalLinksText(round: Round, site: SiteLinks): string {
  const coded = round.testers.filter((tester) => tester.code);
  if (coded.length === 0) return '';
  const lines = coded.map((tester) => `  ${tester.code} (${tester.group}), invited by @${taskAssignee(tester)}:\n    ${personalLink(site, round, tester)}`);
  return `\nPersonal links for testers without a GitHub account (also in each task issue). Each opens the feedback ${site.feedback?.form ? 'form' : site.feedback?.email ? 'e-mail' : 'form on GitHub'} with the round and the tester's code filled in:\n${lines.join('\n')}\n`;
}
