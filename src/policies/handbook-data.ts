import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { readYamlFile } from '../config/yaml-file.ts';
import { goalsFileHelp, goalsFileSchema, type GoalsFile } from '../schema/goals.ts';
import {
  escalationFileSchema,
  escalationHelp,
  kpisFileSchema,
  kpisHelp,
  serviceStandardsFileSchema,
  serviceStandardsHelp,
  type Channel,
  type EscalationLadder,
  type Kpi,
} from '../schema/handbook-data.ts';

export const DATA_FILES = {
  goals: 'goals.yml',
  kpis: 'kpis.yml',
  standards: 'service-standards.yml',
  escalation: 'escalation.yml',
} as const;

export interface HandbookData {
  mission: string;
  goals: GoalsFile['goals'];
  kpis: Kpi[];
  channels: Channel[];
  ladders: EscalationLadder[];
}

/**
 * Every data file in the content folder, validated, with references between them checked:
 * a goal's `kpi` must be a KPI, a channel's `goal` must be a goal. Only goals.yml is required.
 */
export function loadHandbookData(contentPath: string, root: string): HandbookData {
  const { kpis } = readOptional(contentPath, root, DATA_FILES.kpis, kpisFileSchema, kpisHelp, 'KPIs file', { kpis: [] });
  const kpiIds = kpis.map((kpi) => kpi.id);
  const goalsFile = readYamlFile(join(contentPath, DATA_FILES.goals), goalsFileSchema.superRefine(referencesTo('goals', 'kpi', kpiIds, 'KPI', DATA_FILES.kpis)), {
    kind: 'content',
    what: 'goals file',
    help: goalsFileHelp,
    root,
  });
  const goalIds = goalsFile.goals.map((goal) => goal.id);
  const { channels } = readOptional(
    contentPath,
    root,
    DATA_FILES.standards,
    serviceStandardsFileSchema.superRefine(referencesTo('channels', 'goal', goalIds, 'goal', DATA_FILES.goals)),
    serviceStandardsHelp,
    'service standards',
    { channels: [] },
  );
  const { ladders } = readOptional(contentPath, root, DATA_FILES.escalation, escalationFileSchema, escalationHelp, 'escalation list', { ladders: [] });
  return { mission: goalsFile.mission, goals: goalsFile.goals, kpis, channels, ladders };
}

function readOptional<S extends z.ZodType>(
  contentPath: string,
  root: string,
  name: string,
  schema: S,
  help: Parameters<typeof readYamlFile>[2]['help'],
  what: string,
  empty: z.output<S>,
): z.output<S> {
  const path = join(contentPath, name);
  if (!existsSync(path)) return empty;
  return readYamlFile(path, schema, { kind: 'content', what, root, ...(help ? { help } : {}) });
}

/** A refinement: each item's `field`, when set, must be one of `ids` (defined in `file`). */
function referencesTo(list: string, field: string, ids: readonly string[], what: string, file: string) {
  return (data: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const items = (data[list] ?? []) as Record<string, unknown>[];
    items.forEach((item, index) => {
      const value = item[field];
      if (value === undefined || ids.includes(String(value))) return;
      ctx.addIssue({
        code: 'custom',
        path: [list, index, field],
        message: `Unexpected unknown ${what} \`${String(value)}\`, expected one of ${ids.map((id) => `\`${id}\``).join(', ') || `the ids in ${file}`}. Add it to ${file} or fix the id.`,
      });
    });
  };
}
