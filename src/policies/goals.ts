import { join } from 'node:path';
import { readYamlFile } from '../config/yaml-file.ts';
import { goalsFileHelp, goalsFileSchema, type GoalsFile } from '../schema/goals.ts';

export const GOALS_FILE = 'goals.yml';

export function loadGoals(contentPath: string, root: string): GoalsFile {
  return readYamlFile(join(contentPath, GOALS_FILE), goalsFileSchema, {
    what: 'goals file',
    help: goalsFileHelp,
    root,
  });
}

export function goalIds(goals: GoalsFile): ReadonlySet<string> {
  return new Set(goals.goals.map((goal) => goal.id));
}
