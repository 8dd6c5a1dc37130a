/**
 * A pilot round, `content/pilots/<round-id>.yml`: a test-drive of draft policies with a select
 * group of staff and customers before rollout.
 */
import { z } from 'zod';
import type { FieldHelpTable } from './friendly-error.ts';
import { isoDate } from './fields.ts';

const login = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/);

export const testerSchema = z
  .strictObject({
    /** GitHub login. Customers without an account leave it out and give `via`. */
    login: login.optional(),
    name: z.string().trim().min(1).optional(),
    group: z.enum(['staff', 'customer']),
    /** The staff member who files feedback for a customer without a GitHub account. */
    via: login.optional(),
  })
  .superRefine((tester, ctx) => {
    if (!tester.login && !tester.via) {
      ctx.addIssue({ code: 'custom', path: ['login'], message: 'Unexpected tester without `login`, expected a GitHub login, or `via:` the staff member who files for them.' });
    }
    if (!tester.login && !tester.name) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Unexpected tester without `login` or `name`, expected a name so the feedback can say who it came from.' });
    }
    if (tester.via && tester.group !== 'customer') {
      ctx.addIssue({ code: 'custom', path: ['via'], message: 'Unexpected `via` on a staff tester, expected `via` only for customers whose feedback a staff member files.' });
    }
  });

export function roundSchema(policyIds: readonly string[]) {
  const known = new Set(policyIds);
  return z
    .strictObject({
      title: z.string().trim().min(1),
      policies: z
        .array(
          z.string().refine((id) => known.has(id), {
            error: (issue) => `Unexpected unknown policy \`${String(issue.input)}\`, expected one of ${[...known].map((id) => `\`${id}\``).join(', ')}.`,
          }),
        )
        .min(1),
      testers: z.array(testerSchema).min(1),
      opens: isoDate,
      closes: isoDate,
      instructions: z.string().trim().min(1),
      questions: z.array(z.string().trim().min(1)).default([]),
    })
    .superRefine((round, ctx) => {
      if (round.closes < round.opens) {
        ctx.addIssue({ code: 'custom', path: ['closes'], message: `Unexpected \`closes\` \`${round.closes}\` before \`opens\` \`${round.opens}\`, expected the round to close after it opens.` });
      }
      const seen = new Set<string>();
      round.testers.forEach((tester, index) => {
        const key = testerKey(tester);
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['testers', index], message: `Unexpected tester \`${key}\` listed twice, expected each tester once.` });
        seen.add(key);
      });
    });
}

export type Tester = z.infer<typeof testerSchema>;
export type Round = z.infer<ReturnType<typeof roundSchema>> & { id: string };

/** How a tester is told apart: the login, or the customer's name and who files for them. */
export function testerKey(tester: Pick<Tester, 'login' | 'name' | 'via'>): string {
  return tester.login ?? `${tester.name} via ${tester.via}`;
}

/** Whose task issue it is: the tester, or the staff member filing for a customer. */
export function taskAssignee(tester: Pick<Tester, 'login' | 'via'>): string {
  return (tester.login ?? tester.via) as string;
}

export const roundHelp: FieldHelpTable = {
  title: { expected: 'a name for the round', example: 'title: Spring 2026 pilot' },
  policies: { expected: 'a list of policy ids (file names under content/policies)', example: 'policies: [greeting-customers]' },
  testers: { expected: 'a list of testers with `login` (or `name` and `via`) and `group`', example: 'testers: [{ login: ana-lee, group: staff }]' },
  'testers.*.group': { example: 'group: staff' },
  opens: { expected: 'the first day of the round, as YYYY-MM-DD', example: 'opens: 2026-03-02' },
  closes: { expected: 'the last day of the round, as YYYY-MM-DD', example: 'closes: 2026-03-27' },
  instructions: { expected: 'what testers should do, in Markdown', example: 'instructions: Read each page and tell us what is unclear.' },
};

const stateCounts = z.strictObject({ open: z.int(), 'has-pr': z.int(), merged: z.int(), declined: z.int(), 'needs-edit': z.int() });

/** `content/pilots/<round-id>.results.json`, written by `npx plainbook pilot close`. */
export const roundResultsSchema = z.strictObject({
  round: z.string(),
  title: z.string(),
  opens: z.string(),
  closes: z.string(),
  closedOn: z.string(),
  testers: z.int(),
  testersWithFeedback: z.int(),
  feedback: z.int(),
  policies: z.array(
    z.strictObject({
      policy: z.string(),
      feedback: z.int(),
      meanClarity: z.number().nullable(),
      testers: z.int(),
      byProblem: z.record(z.string(), z.int()),
      byState: stateCounts,
    }),
  ),
});

export type RoundResults = z.infer<typeof roundResultsSchema>;
