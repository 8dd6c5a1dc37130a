import type { GoalsFile } from '../schema/goals.ts';

export function goalIds(goals: Pick<GoalsFile, 'goals'>): ReadonlySet<string> {
  return new Set(goals.goals.map((goal) => goal.id));
}
