/** Props of the MDX components policies use; checked at build by `checkProps`. */
import { z } from 'zod';
import type { FieldHelpTable } from './friendly-error.ts';

export const sayThisProps = z.strictObject({
  /** `say`: words to use; `avoid`: words not to use. */
  kind: z.enum(['say', 'avoid']).default('say'),
});

export const SERVICE_FIELDS = ['firstReply', 'resolve', 'hours'] as const;

/** One of the ids a data file defines; with none defined, nothing is valid and the error says so. */
function idFrom(ids: readonly string[], file: string) {
  const [first, ...rest] = ids;
  if (first === undefined) {
    return z.string().refine(() => false, { error: `Unexpected reference to ${file}, expected the file to exist and define at least one id.` });
  }
  return z.enum([first, ...rest]);
}

export function serviceStandardsProps(channelIds: readonly string[]) {
  return z.strictObject({ channels: z.array(idFrom(channelIds, 'service-standards.yml')).optional() });
}

export function serviceStandardProps(channelIds: readonly string[]) {
  return z.strictObject({ channel: idFrom(channelIds, 'service-standards.yml'), field: z.enum(SERVICE_FIELDS) });
}

export function escalationLadderProps(ladderIds: readonly string[]) {
  return z.strictObject({ ladder: idFrom(ladderIds, 'escalation.yml') });
}

export function kpiDefinitionProps(kpiIds: readonly string[]) {
  return z.strictObject({ kpi: idFrom(kpiIds, 'kpis.yml') });
}

export const scenarioProps = z.strictObject({
  title: z.string().trim().min(1),
  /** Pre-rendered parts, used by the training pack; on a policy page the parts are slots. */
  parts: z
    .strictObject({ situation: z.string(), goal: z.string(), good: z.string(), mistakes: z.string() })
    .optional(),
});

export const SCENARIO_SLOTS = ['situation', 'goal', 'good', 'mistakes'] as const;

export const componentHelp: FieldHelpTable = {
  kind: { example: '<SayThis kind="avoid">' },
  channels: { example: '<ServiceStandards channels={["phone", "email"]} />' },
  channel: { example: '<ServiceStandard channel="phone" field="firstReply" />' },
  field: { example: '<ServiceStandard channel="phone" field="firstReply" />' },
  ladder: { example: '<EscalationLadder ladder="complaints" />' },
  kpi: { example: '<KpiDefinition kpi="csat" />' },
  title: { expected: 'a short name for the role-play', example: '<Scenario title="The parcel that never came">' },
};
