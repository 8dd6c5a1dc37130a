/**
 * One issue per policy due for review, assigned to its owner, labelled `review-due`; found again
 * by its marker (policy and due date), so reruns add nothing; closed by itself once the policy's
 * `reviewed:` date moves on and the next review is later.
 */
import { isSelf } from '../github/identity.ts';
import type { IssueTracker } from '../github/issues.ts';
import { hasOwnMarker, marker } from '../github/markers.ts';
import type { DuePolicy } from './due.ts';

export const REVIEW_LABEL = { name: 'review-due', color: 'e99695', description: 'A policy is due for review' };

export const reviewTag = (policy: string, due: string) => marker(`review=${policy}`, { due });
const TAG = /<!-- plainbook:review=(\S+) due=(\d{4}-\d{2}-\d{2}) -->/;

export function reviewIssueBody(policy: DuePolicy, site: { siteUrl: string; repoUrl: string; branch: string }): string {
  const who = policy.owner.includes('/') ? `${policy.owner} (one of you, please)` : policy.owner;
  const page = new URL(`policies/${policy.id}/`, site.siteUrl.endsWith('/') ? site.siteUrl : `${site.siteUrl}/`).href;
  return [
    reviewTag(policy.id, policy.nextReview),
    `${who}: **${policy.title}** is due for review on ${policy.nextReview} (last reviewed ${policy.lastReviewed}).`,
    '',
    '## What to check',
    '',
    '- Is every rule still what we do? Ask the people who use it.',
    '- Are the numbers still right: times, limits, names, contacts?',
    '- Has feedback come in about this page? Look at issues labelled `feedback`.',
    '- Does it still pass `npx plainbook lint`, and read at the target grade?',
    '',
    '## How to record the review',
    '',
    `Open a pull request that sets \`reviewed:\` to the day you reviewed it in [\`${policy.file}\`](${site.repoUrl}/edit/${site.branch}/${policy.file}), with any changes. When it is merged, this issue closes by itself.`,
    '',
    `[Read the policy](${page})`,
    '',
  ].join('\n');
}

export interface RemindReport {
  opened: string[];
  kept: string[];
  closed: string[];
}

export async function remindReviews(
  tracker: IssueTracker,
  due: readonly DuePolicy[],
  nextReviewById: ReadonlyMap<string, string>,
  site: { siteUrl: string; repoUrl: string; branch: string },
  log: (line: string) => void,
): Promise<RemindReport> {
  await tracker.ensureLabels([REVIEW_LABEL]);
  let issues = await tracker.issuesWithLabel(REVIEW_LABEL.name);
  // Asked only when there are review issues to tell apart: a first run costs no extra request.
  const self = issues.length > 0 ? await tracker.self() : '';
  const relist = async () => (issues = await tracker.issuesWithLabel(REVIEW_LABEL.name));
  const report: RemindReport = { opened: [], kept: [], closed: [] };

  for (const issue of issues) {
    // Only issues we opened: anyone who can label an issue could otherwise have us close theirs.
    const match = isSelf(issue.user, self) ? TAG.exec(issue.body ?? '') : null;
    if (!match || issue.state === 'closed') continue;
    const [, policy = '', dueDate = ''] = match;
    const next = nextReviewById.get(policy);
    // Reviewed since (the next review moved past this one), or the policy is gone.
    if (next === undefined || next > dueDate) {
      const tag = marker(`review=${policy}`, { closed: dueDate });
      await tracker.commentOnce(issue.number, tag, `${tag}\nThank you: ${next ? `the policy was reviewed, and the next review is on ${next}` : 'the policy is no longer in the handbook'}. Closing.`);
      await tracker.updateIssue(issue.number, { state: 'closed', state_reason: 'completed' });
      report.closed.push(policy);
      log(`${tracker.dryRun ? 'Would close' : 'Closed'} #${issue.number} (${policy})`);
    }
  }

  for (const policy of due) {
    const tag = reviewTag(policy.id, policy.nextReview);
    if (issues.some((issue) => hasOwnMarker(issue, tag, self))) {
      report.kept.push(policy.id);
      continue;
    }
    const [login, team] = policy.owner.slice(1).split('/');
    if (!tracker.dryRun) {
      await tracker.createIssueOnce(
        tag,
        {
          title: `Review due: ${policy.title} (${policy.nextReview})`,
          body: reviewIssueBody(policy, site),
          labels: [REVIEW_LABEL.name],
          ...(team ? {} : { assignees: [login ?? ''] }),
        },
        relist,
      );
    }
    report.opened.push(policy.id);
    log(`${tracker.dryRun ? 'Would open' : 'Opened'} a review issue for ${policy.file} (${policy.owner})`);
  }
  return report;
}
