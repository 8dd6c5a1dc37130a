/**
 * A pilot round, `content/pilots/<round-id>.yml`: a test-drive of draft policies with a select
 * group of staff and customers before rollout.
 */
import { z } from 'zod';
import type { FieldHelpTable } from './friendly-error.ts';
import { isoDate } from './fields.ts';

const login = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/);

/**
 * A tester without a GitHub account is listed by a code, never by name: round files live in git
 * and task issues on GitHub, often in public. Two groups of four from 32 letters and digits with
 * no look-alikes (no 0, O, 1, I): easy to read aloud and to type into a form, 40 bits, so codes
 * made at random never meet in a round.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;
export const CODE_EXAMPLE = 'K7Q2-M9P4';

/** A fresh tester code, from the platform's random numbers (Node and browsers alike). */
export function newTesterCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const letters = Array.from(bytes, (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
}

/**
 * A code as a tester typed it into a form, in the round file's shape: `k7q2 m9p4` and `K7Q2M9P4`
 * are `K7Q2-M9P4`. Anything else comes back trimmed and upper-cased, and matches no tester.
 */
export function normalTesterCode(typed: string): string {
  const letters = typed.toUpperCase().replace(/[\s-]/g, '');
  return /^[2-9A-HJ-NP-Z]{8}$/.test(letters) ? `${letters.slice(0, 4)}-${letters.slice(4)}` : typed.trim().toUpperCase();
}

const testerCode = z.string().regex(CODE);

export const testerSchema = z
  .strictObject({
    /** GitHub login. Testers without an account leave it out and give `code` and `via`. */
    login: login.optional(),
    /** A tester without a GitHub account: the code on their invitation, never their name. */
    code: testerCode.optional(),
    /** Rounds from before codes: a customer's name (it reaches git and GitHub; move to `code`). */
    name: z.string().trim().min(1).optional(),
    group: z.enum(['staff', 'customer']),
    /** The staff member who invites a tester without a GitHub account, and gets their task issue. */
    via: login.optional(),
  })
  .superRefine((tester, ctx) => {
    if (!tester.login && !tester.code && !tester.name) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: `Unexpected tester without \`login\` or \`code\`, expected a GitHub login, or for someone without an account a tester code and \`via:\` the staff member who invites them, such as \`{ code: ${newTesterCode()}, group: customer, via: ana-lee }\`.`,
      });
    }
    if (!tester.login && !tester.via) {
      ctx.addIssue({ code: 'custom', path: ['via'], message: 'Unexpected tester without `login` or `via`, expected a GitHub login, or `via:` the staff member who invites them and files for them.' });
    }
    if (tester.login && (tester.code || tester.via)) {
      ctx.addIssue({ code: 'custom', path: [tester.code ? 'code' : 'via'], message: `Unexpected \`${tester.code ? 'code' : 'via'}\` beside \`login\`, expected a \`login\` for a tester with a GitHub account, or \`code\` and \`via\` for one without.` });
    }
    if (tester.code && tester.name) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Unexpected `name` beside `code`, expected the code alone: names stay out of git and GitHub.' });
    }
  });

/** A tester listed by name without a login: rounds from before codes, still read, with a warning. */
export function isNamedTester(tester: Pick<Tester, 'login' | 'code' | 'name'>): boolean {
  return !tester.login && !tester.code && Boolean(tester.name);
}

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

/** How a tester is told apart: the login, the code, or (rounds from before codes) the name and who files for them. */
export function testerKey(tester: Pick<Tester, 'login' | 'code' | 'name' | 'via'>): string {
  return tester.login ?? tester.code ?? `${tester.name} via ${tester.via}`;
}

/**
 * How a log line names a tester: the login or the code; a tester listed by name (rounds from
 * before codes) by their place in the list, as CI logs can be public.
 */
export function testerLogName(round: Pick<Round, 'testers'>, tester: Tester): string {
  return isNamedTester(tester) ? `tester ${round.testers.indexOf(tester) + 1}` : testerKey(tester);
}

/** Whose task issue it is: the tester, or the staff member filing for a customer. */
export function taskAssignee(tester: Pick<Tester, 'login' | 'via'>): string {
  return (tester.login ?? tester.via) as string;
}

export const roundHelp: FieldHelpTable = {
  title: { expected: 'a name for the round', example: 'title: Spring 2026 pilot' },
  policies: { expected: 'a list of policy ids (file names under content/policies)', example: 'policies: [greeting-customers]' },
  testers: { expected: 'a list of testers with `login` (or `code` and `via`) and `group`', example: 'testers: [{ login: ana-lee, group: staff }]' },
  'testers.*.group': { example: 'group: staff' },
  // The example is a fresh code, so a copied fix does not give two testers the same one.
  'testers.*.code': { expected: `a tester code: two groups of four letters or digits without 0, O, 1 or I, such as \`${CODE_EXAMPLE}\``, example: `code: ${newTesterCode()}` },
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
