/**
 * Frontmatter of a policy page (`content/policies/**`). It extends Starlight's own frontmatter
 * (title, description, sidebar, ...), which Starlight validates; these are the fields Plainbook adds.
 */
import { z } from 'zod';
import type { FieldHelpTable } from './friendly-error.ts';
import { GITHUB_OWNER_HELP, githubOwner, isoDate, slugId } from './fields.ts';
import { closestMatch } from './suggest.ts';

export const POLICY_STATUSES = ['draft', 'pilot', 'published', 'retired'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const DEFAULT_REVIEW_MONTHS = 12;

/**
 * A staff role: words, digits and ordinary punctuation. Roles become search filter labels, which
 * Pagefind's search dialog shows as HTML, so `<` and `>` (markup) are refused here.
 */
const AUDIENCE_ROLE = /^[\p{L}\p{N}][\p{L}\p{N}\p{Zs}'’&.,()/+-]*$/u;

/** Plainbook's fields, without requirements: the shape every page in the handbook may carry. */
const policyFields = {
  owner: githubOwner,
  status: z.enum(POLICY_STATUSES),
  effective: isoDate,
  /** Date of the last review; a policy never reviewed counts from `effective`. */
  reviewed: isoDate.optional(),
  /** Months between reviews. */
  reviewEvery: z.number().int().min(1).max(60).default(DEFAULT_REVIEW_MONTHS),
  /** Roles the policy is written for, e.g. `front desk`. */
  audience: z.array(z.string().trim().regex(AUDIENCE_ROLE)).optional(),
  /** Ids of goals in `content/goals.yml` that this policy serves. */
  goals: z.array(slugId).default([]),
  version: z.union([z.string().min(1), z.number()]).transform(String).optional(),
  /** This page's own reading-grade target, when it must differ from the handbook's. */
  readingLevel: z.number().min(1).max(18).optional(),
};

const POLICY_FIELD_NAMES = Object.keys(policyFields);

/** Every page: policy fields may appear, but only policies must have them. */
export const pageFieldsSchema = z.object({
  owner: policyFields.owner.optional(),
  status: policyFields.status.optional(),
  effective: policyFields.effective.optional(),
  reviewed: policyFields.reviewed,
  reviewEvery: policyFields.reviewEvery,
  audience: policyFields.audience,
  goals: policyFields.goals,
  version: policyFields.version,
  readingLevel: policyFields.readingLevel,
});

/**
 * One schema per goal list, reused for every policy. Zod 4 compiles a schema the first time it
 * parses, so a schema built per file paid that again each time: 300 policies took 60 ms to
 * validate with a new schema each against 2 ms with one (and 35 ms more to build them).
 */
const schemaByGoals = new WeakMap<ReadonlySet<string>, PolicySchema>();
let schemaWithoutGoals: PolicySchema | undefined;

/** A policy page. `goalIds` (read-only once given) checks that each named goal exists. */
export function policyFrontmatterSchema(goalIds?: ReadonlySet<string>): PolicySchema {
  if (!goalIds) return (schemaWithoutGoals ??= buildPolicySchema());
  let schema = schemaByGoals.get(goalIds);
  if (!schema) {
    schema = buildPolicySchema(goalIds);
    schemaByGoals.set(goalIds, schema);
  }
  return schema;
}

type PolicySchema = ReturnType<typeof buildPolicySchema>;

function buildPolicySchema(goalIds?: ReadonlySet<string>) {
  return z
    .looseObject({
      title: z.string().trim().min(1),
      description: z.string().optional(),
      ...policyFields,
      goals: goalIds ? z.array(knownGoal(goalIds)).default([]) : policyFields.goals,
    });
  // `reviewed` may come before `effective`: a change reviewed and merged today can take effect
  // later (the handbook shows the words in force until then; see src/policies/versions.ts).
}

export type PolicyFrontmatter = z.infer<PolicySchema>;
export type PageFields = z.infer<typeof pageFieldsSchema>;

function knownGoal(goalIds: ReadonlySet<string>) {
  const known = [...goalIds].map((id) => `\`${id}\``).join(', ');
  return slugId.refine((goal) => goalIds.has(goal), {
    error: (issue) =>
      `Unexpected unknown goal \`${String(issue.input)}\`, expected one of ${known} (from goals.yml). Add the goal there or fix the id.`,
  });
}

/**
 * A misspelt field would be dropped silently; name the field that was probably meant. Runs beside
 * the policy schema (see `ValidateOptions.checks`) so it reports even when other fields fail.
 */
export const misspeltPolicyFields = z.looseObject({}).superRefine((data, ctx) => {
  for (const key of Object.keys(data)) {
    if (POLICY_FIELD_NAMES.includes(key)) continue;
    const meant = closestMatch(key, POLICY_FIELD_NAMES);
    if (!meant) continue;
    ctx.addIssue({
      code: 'custom',
      path: [key],
      message: `Unexpected field \`${key}\`, expected \`${meant}\`. Rename the field.`,
    });
  }
});

export const policyFieldHelp: FieldHelpTable = {
  title: { expected: 'the policy name as staff would say it', example: 'title: Answering the phone' },
  owner: { expected: GITHUB_OWNER_HELP, example: 'owner: "@acme/support-leads"' },
  status: {
    expected: 'one of `draft`, `pilot`, `published`, `retired`',
    example: 'status: published',
  },
  effective: { expected: 'the date the policy takes effect, as YYYY-MM-DD', example: 'effective: 2026-03-01' },
  reviewed: { expected: 'the date of the last review, as YYYY-MM-DD', example: 'reviewed: 2026-09-15' },
  reviewEvery: { expected: 'a whole number of months from 1 to 60', example: 'reviewEvery: 12' },
  audience: { expected: 'a list of staff roles in words (letters, digits, spaces and `& . , ( ) / + - \'`)', example: 'audience: [front desk, phone team]' },
  goals: { expected: 'a list of goal ids from content/goals.yml', example: 'goals: [fast-answers]' },
  version: { expected: 'a version label', example: 'version: "2.1"' },
  readingLevel: { expected: 'a reading grade from 1 to 18', example: 'readingLevel: 8' },
};
