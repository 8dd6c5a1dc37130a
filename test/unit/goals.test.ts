import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goalIds } from '../../src/policies/goals.ts';
import { loadHandbookData } from '../../src/policies/handbook-data.ts';

const loadGoals = (dir: string, root: string) => loadHandbookData(dir, root);

function contentWithGoals(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'plainbook-goals-'));
  writeFileSync(join(dir, 'goals.yml'), yaml);
  return dir;
}

const GOAL = (id: string) => `  - id: ${id}\n    title: T\n    statement: S.\n    serves: M.\n`;

describe('goals file', () => {
  it('reads the mission and goal ids', () => {
    const dir = contentWithGoals(`mission: We help.\ngoals:\n${GOAL('fast-answers')}${GOAL('warm-welcome')}`);
    const goals = loadGoals(dir, dir);
    expect(goals.mission).toBe('We help.');
    expect([...goalIds(goals)]).toEqual(['fast-answers', 'warm-welcome']);
  });

  it('rejects two goals with the same id, pointing at the second', () => {
    const dir = contentWithGoals(`mission: We help.\ngoals:\n${GOAL('fast-answers')}${GOAL('fast-answers')}`);
    expect(() => loadGoals(dir, dir)).toThrow(
      'goals.yml:7:9: Unexpected duplicate goal id `fast-answers`, expected each goal to have its own id.',
    );
  });

  it('rejects a goal id that cannot be used in a URL', () => {
    const dir = contentWithGoals(`mission: We help.\ngoals:\n${GOAL('Fast Answers')}`);
    expect(() => loadGoals(dir, dir)).toThrow(
      'goals.yml:3:9: Unexpected `Fast Answers` in `goals.0.id`, expected lower-case words joined by hyphens.\n    Fix: write it like `id: fast-answers`',
    );
  });
});
