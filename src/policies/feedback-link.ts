/**
 * How a policy appears in the feedback form's dropdown, and the link that opens the form with it
 * chosen. One module, so the form generator, the site and the parser agree on the label.
 */
export const FEEDBACK_FORM = 'policy-feedback.yml';

export function policyOptionLabel(policy: { id: string; title: string }): string {
  return `${policy.title} (${policy.id})`;
}

/** The id inside a dropdown label: `Greeting customers (greeting-customers)` -> `greeting-customers`. */
export function policyIdFromOption(label: string): string | undefined {
  return /\(([a-z0-9][a-z0-9/-]*)\)\s*$/.exec(label.trim())?.[1];
}

/** GitHub's new-issue page with the feedback form, the policy (and pilot round) already chosen. */
export function feedbackUrl(repoUrl: string, policy: { id: string; title: string }, round?: string): string {
  const params = new URLSearchParams({ template: FEEDBACK_FORM, title: `Feedback: ${policy.title}`, policy: policyOptionLabel(policy) });
  if (round) params.set('round', round);
  return `${repoUrl}/issues/new?${params}`;
}
