import { marker } from '../github/markers.ts';
import { testerKey, testerLogName, type Round } from '../schema/pilot.ts';
import { roundLabel, taskTag } from './bodies.ts';
import type { IssueTracker } from '../github/issues.ts';
import type { RoundStatus } from './status.ts';

/**
 * One reminder comment on the task issue of each tester who has given no feedback yet; never
 * two on the same day (the comment's marker carries the date).
 */
export async function remindTesters(github: IssueTracker, round: Round, status: RoundStatus, today: string, log: (line: string) => void): Promise<string[]> {
  const quiet = new Set(status.testers.filter((tester) => tester.feedback === 0).map((tester) => tester.tester));
  if (quiet.size === 0) return [];
  const issues = await github.issuesWithLabel(roundLabel(round));
  const reminded: string[] = [];
  for (const tester of round.testers) {
    const key = testerKey(tester);
    if (!quiet.has(key)) continue;
    const task = await github.findOwn(issues, taskTag(round, tester));
    if (!task || task.state === 'closed') continue;
    const tag = marker(`pilot=${round.id}`, { reminder: `${key}:${today}` });
    const body = `${tag}\nA friendly reminder: the pilot round **${round.title}** closes on ${round.closes}. Your feedback, even one line, helps us get the words right. The links to each policy and its feedback form are in the first message of this issue.`;
    const outcome = await github.commentOnce(task.number, tag, body);
    if (outcome === 'created') {
      reminded.push(key);
      log(`${github.dryRun ? 'Would remind' : 'Reminded'} ${testerLogName(round, tester)} on #${task.number}`);
    }
  }
  return reminded;
}
