import { stringify } from 'yaml';
import type { GeneratedFile } from '../files/generated-file.ts';
import type { PolicyRecord } from '../policies/catalog.ts';
import { FEEDBACK_FIELDS, FEEDBACK_FORM, policyOptionLabel } from '../policies/feedback-link.ts';
import { FEEDBACK_LABELS } from '../policies/feedback-channels.ts';

export const FEEDBACK_FORM_PATH = `.github/ISSUE_TEMPLATE/${FEEDBACK_FORM}`;

export const PROBLEM_TYPES = ['Unclear', 'Incorrect', 'Missing', 'Tone', 'Other'] as const;
export const FROM_OPTIONS = { staff: 'Me (staff)', customer: 'A customer (I am filing it for them)' } as const;

/**
 * The GitHub issue form for policy feedback. Generated from the policies, so its dropdown always
 * lists exactly the policies that exist; `npx plainbook forms --check` fails in CI when it is stale.
 */
export function renderFeedbackForm(policies: readonly { id: string; title: string }[]): string {
  const form = {
    name: 'Policy feedback',
    description: 'Tell us what is unclear, wrong or missing in a policy.',
    title: 'Feedback: ',
    labels: ['feedback'],
    body: [
      {
        type: 'markdown',
        attributes: { value: 'Thank you for helping. Quote the words you mean, and say what you would write instead.' },
      },
      dropdown(FEEDBACK_FIELDS.policy, FEEDBACK_LABELS.policy, policies.map(policyOptionLabel), true),
      input(FEEDBACK_FIELDS.round, FEEDBACK_LABELS.round, 'If you are testing in a pilot round, its id, such as spring-2026.'),
      input(FEEDBACK_FIELDS.section, FEEDBACK_LABELS.section, 'The heading above the words you mean.'),
      textarea(FEEDBACK_FIELDS.current, FEEDBACK_LABELS.current, 'Copy the words exactly as they are now.', true),
      textarea('suggested', FEEDBACK_LABELS.suggested, 'What you would write instead. Leave it empty if you are not sure.'),
      dropdown('problem', FEEDBACK_LABELS.problem, [...PROBLEM_TYPES], true),
      dropdown('clarity', FEEDBACK_LABELS.clarity, ['1', '2', '3', '4', '5'], true),
      dropdown('from', 'Who is this feedback from?', Object.values(FROM_OPTIONS), true),
      // A code, never a name: this issue may be public (see docs/pilot-leads.md, "Feedback from people without GitHub").
      input(FEEDBACK_FIELDS.code, FEEDBACK_LABELS.code, 'For a tester without a GitHub account: the code on their invitation, such as K7Q2-M9P4. Never their name.'),
    ],
  };
  const header = '# Made by `npx plainbook forms` from content/policies. Do not edit by hand:\n# change a policy, then run `npx plainbook forms`.\n';
  return header + stringify(form, { lineWidth: 0 });
}

function dropdown(id: string, label: string, options: string[], required: boolean) {
  return { type: 'dropdown', id, attributes: { label, options }, validations: { required } };
}

function input(id: string, label: string, description: string) {
  return { type: 'input', id, attributes: { label, description }, validations: { required: false } };
}

function textarea(id: string, label: string, description: string, required = false) {
  return { type: 'textarea', id, attributes: { label, description }, validations: { required } };
}

export function feedbackFormFile(policies: readonly PolicyRecord[]): GeneratedFile {
  return { path: FEEDBACK_FORM_PATH, body: renderFeedbackForm(policies.map((policy) => ({ id: policy.id, title: policy.frontmatter.title }))) };
}
