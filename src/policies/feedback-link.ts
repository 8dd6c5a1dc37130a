/**
 * How a policy appears in the feedback form's dropdown, and the link that opens the form with it
 * chosen. One module, so the form generator, the site and the parser agree on the label.
 */
export const FEEDBACK_FORM = 'policy-feedback.yml';

/** The form's field ids that links fill in (GitHub reads them as URL parameters). */
export const FEEDBACK_FIELDS = { policy: 'policy', round: 'round', section: 'section', current: 'current', code: 'code' } as const;

/** GitHub answers 414 for addresses much past 8 KB; a quote this long is a paragraph or more. */
const MAX_QUOTE = 1500;

export function policyOptionLabel(policy: { id: string; title: string }): string {
  return `${policy.title} (${policy.id})`;
}

/** The id inside a dropdown label: `Greeting customers (greeting-customers)` -> `greeting-customers`. */
export function policyIdFromOption(label: string): string | undefined {
  return /\(([a-z0-9][a-z0-9/-]*)\)\s*$/.exec(label.trim())?.[1];
}

/** GitHub's new-issue page with the feedback form, the policy (and pilot round, and tester code) already chosen. */
export function feedbackUrl(repoUrl: string, policy: { id: string; title: string } | undefined, round?: string, code?: string): string {
  const params = new URLSearchParams({ template: FEEDBACK_FORM, title: `Feedback: ${policy?.title ?? ''}` });
  if (policy) params.set(FEEDBACK_FIELDS.policy, policyOptionLabel(policy));
  if (round) params.set(FEEDBACK_FIELDS.round, round);
  if (code) params.set(FEEDBACK_FIELDS.code, code);
  return `${repoUrl}/issues/new?${params}`;
}

/** A feedback link (from `feedbackUrl`) with the section and the words the reader means filled in too. */
export function withQuote(feedbackLink: string, section: string | undefined, current: string | undefined): string {
  const url = new URL(feedbackLink);
  if (section) url.searchParams.set(FEEDBACK_FIELDS.section, section);
  if (current) url.searchParams.set(FEEDBACK_FIELDS.current, clipped(current, MAX_QUOTE));
  return url.href;
}

/**
 * At most `limit` UTF-16 units, cut between two characters: half of an emoji (a lone surrogate)
 * would reach the form as U+FFFD, and the quote would no longer match the page.
 */
function clipped(text: string, limit: number): string {
  const lastKept = text.charCodeAt(limit - 1);
  const splitsPair = text.length > limit && lastKept >= 0xd800 && lastKept <= 0xdbff;
  return text.slice(0, splitsPair ? limit - 1 : limit);
}
