import { parseTemplate } from '@github/issue-parser';
import { describe, expect, it } from 'vitest';
import { renderFeedbackForm } from '../../src/pilot/feedback-form.ts';
import { parseFeedback } from '../../src/pilot/feedback-parse.ts';
import { feedbackUrl, policyIdFromOption } from '../../src/policies/feedback-link.ts';
import { feedbackBody } from '../helpers/pilot-project.ts';

const policies = [
  { id: 'policy-01', title: 'Policy 1' },
  { id: 'policy-02', title: 'Policy 2' },
];
const form = renderFeedbackForm(policies);

describe('the feedback issue form', () => {
  it('lists every policy in the dropdown, and every field the workflow reads', () => {
    const fields = parseTemplate(form);
    expect(Object.keys(fields)).toEqual(['policy', 'round', 'section', 'current', 'suggested', 'problem', 'clarity', 'from', 'code']);
    // A customer's name must not reach a GitHub issue: the form asks for a tester code instead.
    expect(form).not.toMatch(/customer's name|id: customer/i);
    expect(fields.code).toMatchObject({ type: 'input', label: 'Tester code', required: false });
    expect(form).toContain('- Policy 1 (policy-01)\n        - Policy 2 (policy-02)');
    expect(form.startsWith('# Made by `npx plainbook forms`')).toBe(true);
  });

  it('is pre-filled by the link on each policy page', () => {
    const url = new URL(feedbackUrl('https://github.com/acme/handbook', policies[1] as { id: string; title: string }, 'spring'));
    expect(url.searchParams.get('template')).toBe('policy-feedback.yml');
    expect(policyIdFromOption(url.searchParams.get('policy') ?? '')).toBe('policy-02');
    expect(url.searchParams.get('round')).toBe('spring');
  });
});

describe('reading a feedback issue', () => {
  it('reads every field of a body the form wrote', () => {
    const body = feedbackBody({ policy: 2, round: 'spring', section: 'On the phone', current: 'Answer fast.', suggested: 'Answer within 3 rings.', problem: 'Incorrect', clarity: '2', from: 'customer', code: 'K7Q2-M9P4' });
    expect(parseFeedback(body, form)).toEqual({
      feedback: {
        policy: 'policy-02',
        round: 'spring',
        section: 'On the phone',
        current: 'Answer fast.',
        suggested: 'Answer within 3 rings.',
        problem: 'incorrect',
        clarity: 2,
        from: 'customer',
        code: 'K7Q2-M9P4',
      },
      unreadable: [],
    });
  });

  it('still reads an issue filed with the form from before tester codes, its customer kept apart from the answer above', () => {
    const body = feedbackBody({ policy: 1, round: 'spring', clarity: '4', from: 'customer', customer: 'Mrs. Jones' });
    expect(body).toContain("### Customer's name\n\nMrs. Jones");
    const { feedback, unreadable } = parseFeedback(body, form);
    expect(feedback).toMatchObject({ from: 'customer', customer: 'Mrs. Jones', clarity: 4 });
    expect(feedback.code).toBeUndefined();
    expect(unreadable).toEqual([]);
  });

  it('keeps what it can read from a body edited by hand, and lists what it cannot', () => {
    const body = `${feedbackBody({ policy: 1, clarity: 'very' })}\n\nP.S. I also rewrote the heading below.`.replace('### Current wording', '### What it says now');
    const { feedback, unreadable } = parseFeedback(body, form);
    expect(feedback.policy).toBe('policy-01');
    expect(feedback.problem).toBe('unclear');
    expect(unreadable).toEqual(['clarity: `very` is not a number from 1 to 5', 'current: missing']);
  });

  it('gives an empty result, not an error, for a body with no form in it', () => {
    expect(parseFeedback('Please fix the phone page.', form).unreadable).toEqual(['policy: missing', 'current: missing', 'problem: missing', 'clarity: missing', 'from: missing']);
  });
});
