import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { marker } from '../github/markers.ts';
import { testerKey, testerLogName, type Round, type RoundResults } from '../schema/pilot.ts';
import { milestoneTitle, roundLabel, STATUS_END, STATUS_START, taskTag, trackingTag } from './bodies.ts';
import type { IssueTracker } from '../github/issues.ts';
import type { RoundStatus } from './status.ts';
import { statusMarkdown } from './status-report.ts';

export function roundResults(round: Round, status: RoundStatus, closedOn: string): RoundResults {
  return {
    round: round.id,
    title: round.title,
    opens: round.opens,
    closes: round.closes,
    closedOn,
    testers: round.testers.length,
    testersWithFeedback: status.testers.filter((tester) => tester.feedback > 0).length,
    feedback: status.feedback,
    policies: status.policies.map(({ policy, feedback, meanClarity, testers, byProblem, byState }) => ({
      policy,
      feedback,
      meanClarity,
      testers,
      byProblem: { ...byProblem },
      byState,
    })),
  };
}

/**
 * End a round: thank each tester and close their task, close the tracking issue and the
 * milestone, and write the results file the handbook shows. Safe to run again.
 */
export async function closeRound(
  github: IssueTracker,
  round: Round,
  status: RoundStatus,
  resultsPath: string,
  today: string,
  log: (line: string) => void,
): Promise<RoundResults> {
  const issues = await github.issuesWithLabel(roundLabel(round));
  for (const tester of round.testers) {
    const task = await github.findOwn(issues, taskTag(round, tester));
    if (!task) continue;
    if (task.state !== 'closed') {
      const tag = marker(`pilot=${round.id}`, { thanks: testerKey(tester) });
      await github.commentOnce(task.number, tag, `${tag}\nThe pilot round **${round.title}** has closed. Thank you for your time and your feedback: it shapes the handbook everyone uses.`);
      await github.updateIssue(task.number, { state: 'closed', state_reason: 'completed' });
      log(`${github.dryRun ? 'Would close' : 'Closed'} #${task.number} (${testerLogName(round, tester)}) with thanks`);
    }
  }
  const tracking = await github.findOwn(issues, trackingTag(round));
  if (tracking && tracking.state !== 'closed') {
    const body = replaceStatus(tracking.body ?? '', statusMarkdown(status));
    await github.updateIssue(tracking.number, { body, state: 'closed', state_reason: 'completed' });
    log(`${github.dryRun ? 'Would close' : 'Closed'} tracking issue #${tracking.number}`);
  }
  const milestone = await github.findMilestone(milestoneTitle(round));
  if (milestone && milestone.state !== 'closed') {
    await github.closeMilestone(milestone.number);
    log(`${github.dryRun ? 'Would close' : 'Closed'} milestone "${milestoneTitle(round)}"`);
  }
  const results = roundResults(round, status, today);
  if (!github.dryRun) writeAtomically(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  log(`${github.dryRun ? 'Would write' : 'Wrote'} ${relative(process.cwd(), resultsPath)}`);
  return results;
}

export function replaceStatus(body: string, status: string): string {
  const section = `${STATUS_START}\n${status.trimEnd()}\n${STATUS_END}`;
  const pattern = /<!-- plainbook:status-start -->[\s\S]*?<!-- plainbook:status-end -->/;
  return pattern.test(body) ? body.replace(pattern, () => section) : `${body.trimEnd()}\n\n${section}\n`;
}

/** Write a whole file or nothing: a crash mid-write must not leave half a results file. */
function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
