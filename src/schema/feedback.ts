/**
 * `feedback:` in `plainbook.config.yml`: the ways in for people without a GitHub account. A
 * team's own form (Google Forms, Microsoft Forms) and an e-mail address sit beside GitHub's
 * issue form; with neither set, the handbook offers only GitHub, as before.
 */
import { z } from 'zod';
import type { FieldHelpTable } from './friendly-error.ts';

/**
 * The places a prefilled form address can carry the page's context. Google Forms' "Get
 * pre-filled link" and Microsoft Forms' prefill put each answer in the query; the team writes
 * these names where the answers go.
 */
export const FORM_PLACEHOLDERS = ['policy', 'section', 'current', 'round', 'code'] as const;

const formAddress = z.url({ protocol: /^https$/ });

export const feedbackSettingsSchema = z.strictObject({
  /** A form address with `{policy}`, `{section}`, `{current}`, `{round}` and `{code}` where its prefilled answers go. */
  form: formAddress.optional(),
  /** An address that takes feedback by e-mail; links open a message with the same fields in its subject and body. */
  email: z.email().optional(),
});

export type FeedbackSettings = z.infer<typeof feedbackSettingsSchema>;

export const feedbackSettingsHelp: FieldHelpTable = {
  'feedback.form': {
    expected: 'an `https:` address of your feedback form, with `{policy}`, `{section}`, `{current}`, `{round}` or `{code}` where its prefilled answers go',
    example: 'form: "https://docs.google.com/forms/d/e/FORM_ID/viewform?usp=pp_url&entry.1=%7Bpolicy%7D"',
  },
  'feedback.email': { expected: 'an e-mail address that takes feedback', example: 'email: handbook-feedback@acme.com' },
  feedback: { expected: 'a group with `form` or `email`', example: 'feedback: { email: handbook-feedback@acme.com }' },
};
