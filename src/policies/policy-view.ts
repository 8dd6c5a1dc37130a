import type { ResolvedSettings } from '../config/settings.ts';
import type { PageFields } from '../schema/policy.ts';
import { lastReviewDate, nextReviewDate, reviewState, type ReviewState } from './review-dates.ts';
import { feedbackUrl } from './feedback-link.ts';
import { isPolicyId, POLICY_DIR } from './validate-policy.ts';

/** What a policy page shows about itself, worked out once from its frontmatter. */
export interface PolicyView {
  id: string;
  owner: string;
  ownerUrl: string;
  status: NonNullable<PageFields['status']>;
  effective: string;
  lastReviewed: string;
  nextReview: string;
  reviewState: ReviewState;
  feedbackUrl: string;
}

type Settings = Pick<ResolvedSettings, 'repoUrl'>;

/** `policies/phone/answering` -> `phone/answering`: the id people see in forms and issues. */
export function policyId(entryId: string): string {
  return entryId.slice(POLICY_DIR.length + 1);
}

export function policyView(
  entry: { id: string; data: PageFields & { title: string } },
  settings: Settings,
  today: string,
  pilotRound?: string,
): PolicyView | undefined {
  const { owner, status, effective } = entry.data;
  if (!isPolicyId(entry.id) || !owner || !status || !effective) return undefined;
  const schedule = { effective, reviewed: entry.data.reviewed, reviewEvery: entry.data.reviewEvery };
  const id = policyId(entry.id);
  return {
    id,
    owner,
    ownerUrl: ownerUrl(owner, settings.repoUrl),
    status,
    effective,
    lastReviewed: lastReviewDate(schedule),
    nextReview: nextReviewDate(schedule),
    reviewState: reviewState(schedule, today),
    feedbackUrl: feedbackUrl(settings.repoUrl, { id, title: entry.data.title }, pilotRound),
  };
}

function ownerUrl(owner: string, repoUrl: string): string {
  const server = new URL(repoUrl).origin;
  const [org, team] = owner.slice(1).split('/');
  return team ? `${server}/orgs/${org}/teams/${team}` : `${server}/${org}`;
}
