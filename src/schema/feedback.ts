/**
 * `feedback:` in `plainbook.config.yml`: the ways in for people without a GitHub account. A
 * team's own form (Google Forms, Microsoft Forms) and an e-mail address sit beside GitHub's
 * issue form; with neither set, the handbook offers only GitHub, as before.
 */
import { z } from 'zod';
import type { FieldHelpTable } from './friendly-error.ts';
import { closestMatch } from './suggest.ts';

/**
 * The places a prefilled form address can carry the page's context. Google Forms' "Get
 * pre-filled link" and Microsoft Forms' prefill put each answer in the query; the team writes
 * these names where the answers go.
 */
export const FORM_PLACEHOLDERS = ['policy', 'section', 'current', 'round', 'code'] as const;

/**
 * A form address this long still leaves room for the page's context under the 2,000 characters
 * a link may take (MAX_LINK_LENGTH in src/policies/feedback-channels.ts). Prefilled links from
 * Google Forms and Microsoft Forms are 100 to 400 characters.
 */
const MAX_FORM_ADDRESS = 1000;

/**
 * `{policy}` as typed, or `%7Bpolicy%7D` as a form tool's editor encodes it: a word in braces.
 * Braces around anything else (a SharePoint address carries `%7B<GUID>%7D`) are the address's own.
 */
const PLACEHOLDER = /\{([a-z]+)\}|%7B([a-z]+)%7D/gi;

const formAddress = z
  .url({ protocol: /^https$/ })
  .max(MAX_FORM_ADDRESS)
  .superRefine((address, ctx) => {
    for (const match of address.matchAll(PLACEHOLDER)) {
      const name = match[1] ?? match[2] ?? '';
      if ((FORM_PLACEHOLDERS as readonly string[]).includes(name.toLowerCase())) continue;
      const near = closestMatch(name, FORM_PLACEHOLDERS);
      ctx.addIssue({
        code: 'custom',
        message: `Unexpected placeholder \`${match[0]}\` in \`feedback.form\`, expected one of ${FORM_PLACEHOLDERS.map((known) => `\`{${known}}\``).join(', ')}${near ? ` (did you mean \`{${near}}\`?)` : ''}.`,
      });
    }
  });

/**
 * What `plainbook feedback import` can match a column to: the issue form's fields (by their ids),
 * `consent` (the answer says the person agreed to be named) and `name`/`email` (personal data:
 * read only to be left out, or, with consent, to credit the name).
 */
export const ANSWER_COLUMN_KEYS = ['policy', 'round', 'section', 'current', 'suggested', 'problem', 'clarity', 'from', 'code', 'consent', 'name', 'email'] as const;
export type AnswerColumnKey = (typeof ANSWER_COLUMN_KEYS)[number];

/** A form's question title, or several (a team that renamed a question across exports). */
const columnTitles = z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)]);

export const feedbackSettingsSchema = z.strictObject({
  /** A form address with `{policy}`, `{section}`, `{current}`, `{round}` and `{code}` where its prefilled answers go. */
  form: formAddress.optional(),
  /** An address that takes feedback by e-mail; links open a message with the same fields in its subject and body. */
  email: z.email().optional(),
  /** The team's own question titles, per field, for `plainbook feedback import`; the issue form's labels always match too. */
  columns: z.strictObject(Object.fromEntries(ANSWER_COLUMN_KEYS.map((key) => [key, columnTitles.optional()])) as Record<AnswerColumnKey, z.ZodOptional<typeof columnTitles>>).optional(),
});

export type FeedbackSettings = z.infer<typeof feedbackSettingsSchema>;

export const feedbackSettingsHelp: FieldHelpTable = {
  'feedback.form': {
    expected: `an \`https:\` address of your feedback form (at most ${MAX_FORM_ADDRESS.toLocaleString('en')} characters), with \`{policy}\`, \`{section}\`, \`{current}\`, \`{round}\` or \`{code}\` where its prefilled answers go`,
    example: 'form: "https://docs.google.com/forms/d/e/FORM_ID/viewform?usp=pp_url&entry.1=%7Bpolicy%7D"',
  },
  'feedback.email': { expected: 'an e-mail address that takes feedback', example: 'email: handbook-feedback@acme.com' },
  'feedback.columns': {
    expected: `the titles of your form's questions, each under one of ${ANSWER_COLUMN_KEYS.map((key) => `\`${key}\``).join(', ')}`,
    example: 'columns: { policy: "Which policy is it about?", current: "Which words?", consent: "May we name you?" }',
  },
  ...Object.fromEntries(
    ANSWER_COLUMN_KEYS.map((key) => [`feedback.columns.${key}`, { expected: "a question's title as your form shows it, or a list of titles", example: `${key}: ["Your question's title", "Its old title"]` }]),
  ),
  feedback: { expected: 'a group with `form`, `email` or `columns`', example: 'feedback: { email: handbook-feedback@acme.com }' },
};
