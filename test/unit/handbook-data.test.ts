import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHandbookData } from '../../src/policies/handbook-data.ts';
import { extractScenarios } from '../../src/policies/scenarios.ts';
import { traceabilityGaps } from '../../src/site/handbook-loader.ts';

function contentWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plainbook-data-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const GOALS = 'mission: We help.\ngoals:\n  - { id: fast, title: Fast, statement: Be fast., serves: Help., kpi: csat }\n  - { id: kind, title: Kind, statement: Be kind., serves: Help. }\n';
const KPIS = 'kpis:\n  - { id: csat, name: CSAT, question: Happy?, formula: a / b, target: 85%, frequency: Monthly }\n';

describe('handbook data files', () => {
  it('load with references between them checked', () => {
    const dir = contentWith({ 'goals.yml': GOALS, 'kpis.yml': KPIS });
    const data = loadHandbookData(dir, dir);
    expect(data.kpis.map((kpi) => kpi.id)).toEqual(['csat']);
    expect(data.channels).toEqual([]);
  });

  it('reject a goal whose KPI is not in kpis.yml, at its line', () => {
    const dir = contentWith({ 'goals.yml': GOALS.replace('kpi: csat', 'kpi: nps'), 'kpis.yml': KPIS });
    expect(() => loadHandbookData(dir, dir)).toThrow(
      'goals.yml:3:71: Unexpected unknown KPI `nps`, expected one of `csat`. Add it to kpis.yml or fix the id.\n    Fix: write it like `kpi: csat`',
    );
  });

  it('reject a service standard for a goal that does not exist', () => {
    const standards = 'channels:\n  - { id: phone, name: Phone, firstReply: 3 rings, resolve: Same day, hours: 9 to 5, goal: quick }\n';
    const dir = contentWith({ 'goals.yml': GOALS, 'kpis.yml': KPIS, 'service-standards.yml': standards });
    expect(() => loadHandbookData(dir, dir)).toThrow('Unexpected unknown goal `quick`, expected one of `fast`, `kind`. Add it to goals.yml or fix the id.');
  });

  it('warn about goals no policy serves and goals nothing measures', () => {
    const dir = contentWith({ 'goals.yml': GOALS, 'kpis.yml': KPIS });
    const store = { values: () => [{ id: 'policies/a', data: { goals: ['fast'] } }] };
    expect(traceabilityGaps(loadHandbookData(dir, dir), { store } as never)).toEqual([
      'Goal `kind` has no policy: add `goals: [kind]` to the policies that serve it.',
      'Goal `kind` has no KPI: add `kpi:` to it in goals.yml so we can tell if we meet it.',
    ]);
  });
});

describe('role-play cards', () => {
  it('are read from a policy with each part as HTML, in page order', () => {
    const source = `---
title: T
---

<Scenario title="First">
  <Fragment slot="situation">
    A **late** parcel.
  </Fragment>
  <Fragment slot="goal">
    Calm them.
  </Fragment>
  <Fragment slot="good">
    - Say sorry.
  </Fragment>
  <Fragment slot="mistakes">
    - Blame the courier.
  </Fragment>
</Scenario>

<Scenario title="Second">
  <Fragment slot="situation">
    <script>alert(1)</script> Raw HTML is dropped.
  </Fragment>
</Scenario>
`;
    const scenarios = extractScenarios(source);
    expect(scenarios.map((scenario) => scenario.title)).toEqual(['First', 'Second']);
    expect(scenarios[0]?.parts).toEqual({
      situation: '<p>A <strong>late</strong> parcel.</p>',
      goal: '<p>Calm them.</p>',
      good: '<ul>\n<li>Say sorry.</li>\n</ul>',
      mistakes: '<ul>\n<li>Blame the courier.</li>\n</ul>',
    });
    expect(scenarios[1]?.parts.situation).not.toContain('<script');
    expect(scenarios[1]?.parts.goal).toBe('');
  });
});
