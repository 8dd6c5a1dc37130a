import type { PolicyRecord } from '../policies/catalog.ts';
import { lastReviewDate, nextReviewDate, reviewState, type ReviewState } from '../policies/review-dates.ts';

export interface DuePolicy {
  id: string;
  title: string;
  file: string;
  owner: string;
  lastReviewed: string;
  nextReview: string;
  state: Exclude<ReviewState, 'current'> | 'current';
  /** Days until the review date; negative when overdue. */
  days: number;
}

/** Policies overdue for review or due within `within` days, most overdue first. Retired ones are left out. */
export function duePolicies(policies: readonly PolicyRecord[], today: string, within: number): DuePolicy[] {
  return policies
    .filter((policy) => policy.frontmatter.status !== 'retired')
    .map((policy) => {
      const schedule = { effective: policy.frontmatter.effective, reviewed: policy.frontmatter.reviewed, reviewEvery: policy.frontmatter.reviewEvery };
      const nextReview = nextReviewDate(schedule);
      return {
        id: policy.id,
        title: policy.frontmatter.title,
        file: policy.file,
        owner: policy.frontmatter.owner,
        lastReviewed: lastReviewDate(schedule),
        nextReview,
        state: reviewState(schedule, today),
        days: Math.round((Date.parse(nextReview) - Date.parse(today)) / 86_400_000),
      };
    })
    .filter((policy) => policy.days <= within)
    .sort((a, b) => a.days - b.days || a.id.localeCompare(b.id));
}

export function dueReport(due: readonly DuePolicy[], format: 'table' | 'json' | 'markdown', today: string, within: number): string {
  if (format === 'json') return `${JSON.stringify({ today, within, policies: due }, null, 2)}\n`;
  const when = (policy: DuePolicy) => (policy.days < 0 ? `overdue by ${-policy.days} days` : policy.days === 0 ? 'due today' : `due in ${policy.days} days`);
  if (format === 'markdown') {
    if (due.length === 0) return `No policy is due for review in the next ${within} days.\n`;
    return [
      '| Policy | Owner | Last reviewed | Next review | |',
      '| --- | --- | --- | --- | --- |',
      ...due.map((policy) => `| ${policy.title} (\`${policy.file}\`) | ${policy.owner} | ${policy.lastReviewed} | ${policy.nextReview} | ${when(policy)} |`),
      '',
    ].join('\n');
  }
  if (due.length === 0) return `No policy is due for review in the next ${within} days (from ${today}).\n`;
  return `${due.map((policy) => `${policy.nextReview}  ${when(policy).padEnd(20)}  ${policy.file}  ${policy.owner}`).join('\n')}\n`;
}
