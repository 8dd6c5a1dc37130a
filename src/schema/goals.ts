/**
 * `content/goals.yml`: the company mission and the customer-service goals that serve it.
 * Policies name the goals they serve, so every rule can be traced back to the mission.
 */
import { z } from 'zod';
import type { FieldHelpTable } from './friendly-error.ts';
import { slugId } from './fields.ts';

export const goalSchema = z.strictObject({
  id: slugId,
  title: z.string().min(1),
  statement: z.string().min(1),
  /** The line of the mission this goal serves. */
  serves: z.string().min(1),
  /** How we know we are meeting it, e.g. `csat`. Optional so a new goal can be drafted first. */
  kpi: z.string().min(1).optional(),
});

export const goalsFileSchema = z
  .strictObject({
    mission: z.string().min(1),
    goals: z.array(goalSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.goals.forEach((goal, index) => {
      if (seen.has(goal.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['goals', index, 'id'],
          message: `Unexpected duplicate goal id \`${goal.id}\`, expected each goal to have its own id.`,
        });
      }
      seen.add(goal.id);
    });
  });

export type Goal = z.infer<typeof goalSchema>;
export type GoalsFile = z.infer<typeof goalsFileSchema>;

export const goalsFileHelp: FieldHelpTable = {
  'goals.*.id': { expected: 'lower-case words joined by hyphens', example: 'id: fast-answers' },
  'goals.*.kpi': { example: 'kpi: csat' },
  'goals.*.serves': { expected: 'the line of the mission this goal serves', example: 'serves: Help every customer feel welcome.' },
  mission: { expected: 'one sentence that says why the company exists', example: 'mission: We help every customer leave happy.' },
  goals: {
    expected: 'a list of goals, each with `id`, `title`, `statement` and `serves`',
    example: 'goals: [{ id: fast-answers, title: Fast answers, statement: ..., serves: ... }]',
  },
};
