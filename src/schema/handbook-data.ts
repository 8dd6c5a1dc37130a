/**
 * The handbook's data files, each the single source of the numbers policies quote:
 * `kpis.yml` (how we measure), `service-standards.yml` (how fast, on which channel) and
 * `escalation.yml` (who to hand over to, when, within what time).
 */
import { z } from 'zod';
import type { FieldHelpTable } from './friendly-error.ts';
import { slugId } from './fields.ts';

function uniqueIds<T extends { id: string }>(path: string, items: readonly T[], ctx: z.RefinementCtx, what: string): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({ code: 'custom', path: [path, index, 'id'], message: `Unexpected duplicate ${what} id \`${item.id}\`, expected each ${what} to have its own id.` });
    }
    seen.add(item.id);
  });
}

export const kpiSchema = z.strictObject({
  id: slugId,
  name: z.string().min(1),
  /** What we ask or count, in the words a customer or a report would use. */
  question: z.string().min(1),
  formula: z.string().min(1),
  target: z.string().min(1),
  frequency: z.string().min(1),
});

export const kpisFileSchema = z
  .strictObject({ kpis: z.array(kpiSchema).min(1) })
  .superRefine((file, ctx) => uniqueIds('kpis', file.kpis, ctx, 'KPI'));

export const channelSchema = z.strictObject({
  id: slugId,
  name: z.string().min(1),
  /** First reply, e.g. "2 minutes". */
  firstReply: z.string().min(1),
  /** When we aim to have it resolved, e.g. "same day". */
  resolve: z.string().min(1),
  hours: z.string().min(1),
  /** The goal this standard serves. */
  goal: slugId,
});

export const serviceStandardsFileSchema = z
  .strictObject({ channels: z.array(channelSchema).min(1) })
  .superRefine((file, ctx) => uniqueIds('channels', file.channels, ctx, 'channel'));

export const escalationLevelSchema = z.strictObject({
  who: z.string().min(1),
  when: z.string().min(1),
  within: z.string().min(1),
});

export const escalationLadderSchema = z.strictObject({
  id: slugId,
  title: z.string().min(1),
  levels: z.array(escalationLevelSchema).min(1),
});

export const escalationFileSchema = z
  .strictObject({ ladders: z.array(escalationLadderSchema).min(1) })
  .superRefine((file, ctx) => uniqueIds('ladders', file.ladders, ctx, 'ladder'));

export type Kpi = z.infer<typeof kpiSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type EscalationLadder = z.infer<typeof escalationLadderSchema>;

export const kpisHelp: FieldHelpTable = {
  kpis: { expected: 'a list of KPIs with `id`, `name`, `question`, `formula`, `target` and `frequency`', example: 'kpis: [{ id: csat, name: CSAT, ... }]' },
};
export const serviceStandardsHelp: FieldHelpTable = {
  channels: {
    expected: 'a list of channels with `id`, `name`, `firstReply`, `resolve`, `hours` and `goal`',
    example: 'channels: [{ id: phone, name: Phone, firstReply: 3 rings, resolve: same day, hours: 9 to 5, goal: fast-answers }]',
  },
};
export const escalationHelp: FieldHelpTable = {
  ladders: { expected: 'a list of ladders with `id`, `title` and `levels` (`who`, `when`, `within`)', example: 'ladders: [{ id: complaints, title: Complaints, levels: [...] }]' },
};
