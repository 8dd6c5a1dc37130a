import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadSettings } from '../../src/config/settings.ts';
import { lintFiles } from '../../src/lint/run.ts';
import { lintContext } from '../../src/lint/context.ts';
import { countBySeverity } from '../../src/lint/result.ts';
import { loadHandbookData } from '../../src/policies/handbook-data.ts';
import { extractScenarios } from '../../src/policies/scenarios.ts';
import { validatePolicy } from '../../src/policies/validate-policy.ts';
import { roundResultsSchema } from '../../src/schema/pilot.ts';
import { builtPage } from '../helpers/html.ts';

const settings = loadSettings(process.cwd());
const data = loadHandbookData(settings.contentPath, settings.root);
const policies = readdirSync('content/policies')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => {
    const file = `content/policies/${name}`;
    const source = readFileSync(file, 'utf8');
    return { file, slug: name.replace(/\.mdx$/, ''), source, data: validatePolicy({ file, source }) };
  });

function usesOf(component: string): { slug: string; props: Record<string, string> }[] {
  return policies.flatMap(({ slug, source }) =>
    [...source.matchAll(new RegExp(`<${component}\\s([^>]*?)/?>`, 'g'))].map((match) => ({
      slug,
      props: Object.fromEntries([...(match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((prop) => [prop[1], prop[2]])),
    })),
  );
}

describe('the shipped handbook', () => {
  it('covers every topic the policy needs, each page with full frontmatter', () => {
    expect(policies.length).toBeGreaterThanOrEqual(15);
    for (const policy of policies) {
      expect(policy.data.owner, policy.file).toMatch(/^@/);
      expect(policy.data.goals.length, `${policy.file} serves no goal`).toBeGreaterThan(0);
    }
  });

  it('passes its own prose lint with no errors at the 6th-grade target', async () => {
    const files = [...policies.map((policy) => policy.file), 'content/index.mdx', 'content/goals.mdx', 'content/training-pack.mdx'];
    const { results } = await lintFiles({
      root: process.cwd(),
      files,
      ...lintContext(settings),
    });
    expect(settings.lint.targetGrade).toBe(6);
    expect(countBySeverity(results).errors).toBe(0);
    for (const result of results) expect(result.metrics?.fleschKincaidGrade, result.path).toBeLessThanOrEqual(6);
  });
});

describe('components in the built handbook', () => {
  const site = inject('siteDir');

  it('shows each finished pilot round’s results, and a "piloted" note on its policies', () => {
    const files = readdirSync('content/pilots').filter((name) => name.endsWith('.results.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const results = roundResultsSchema.parse(JSON.parse(readFileSync(join('content/pilots', name), 'utf8')));
      const page = builtPage(site, `pilots/${results.round}`);
      expect(page.text(page.one('h1'))).toBe(`Pilot results: ${results.title}`);
      for (const entry of results.policies) {
        const row = page.one(`tr[data-policy="${entry.policy}"]`);
        expect(page.all('td', row).map((cell) => page.text(cell)).slice(0, 3)).toEqual([String(entry.feedback), String(entry.testers), entry.meanClarity?.toFixed(1) ?? '–']);
        const policyPage = builtPage(site, `policies/${entry.policy}`);
        expect(page.text(policyPage.one('.piloted-note'))).toBe(
          `Piloted in ${results.title}: clarity ${entry.meanClarity?.toFixed(1)} of 5 from ${entry.testers} ${entry.testers === 1 ? 'tester' : 'testers'}.`,
        );
      }
    }
  });

  it('EscalationLadder shows each level of its ladder: who, when, within', () => {
    const uses = usesOf('EscalationLadder');
    expect(uses.length).toBeGreaterThan(0);
    for (const { slug, props } of uses) {
      const page = builtPage(site, `policies/${slug}`);
      const ladder = data.ladders.find((candidate) => candidate.id === props.ladder);
      const figure = page.all('figure.escalation-ladder').find((node) => page.text(page.one('figcaption', node)) === ladder?.title);
      expect(figure, `${slug}: ${props.ladder}`).toBeDefined();
      const rendered = page.all('.escalation-ladder__level', figure).map((level) => page.all('dd', level).map((dd) => page.text(dd)));
      expect(rendered).toEqual(ladder?.levels.map((level) => [level.who, level.when, level.within]));
    }
  });

  it('ServiceStandards renders every channel from service-standards.yml', () => {
    const page = builtPage(site, 'policies/service-standards');
    const rows = page.all('table.service-standards tbody tr').map((row) => page.all('th, td', row).map((cell) => page.text(cell)));
    expect(rows).toEqual(data.channels.map((channel) => [channel.name, channel.firstReply, channel.resolve, channel.hours]));
  });

  it('ServiceStandard quotes the same numbers in sentences', () => {
    const uses = usesOf('ServiceStandard');
    expect(uses.length).toBeGreaterThan(3);
    for (const { slug, props } of uses) {
      const channel = data.channels.find((candidate) => candidate.id === props.channel);
      const quoted = builtPage(site, `policies/${slug}`).all('.service-standard').map((node) => node.children.map((child) => ('value' in child ? child.value : '')).join(''));
      expect(quoted, `${slug}: ${props.channel}.${props.field}`).toContain(channel?.[props.field as 'firstReply']);
    }
  });

  it('KpiDefinition shows the question, formula, target and how often', () => {
    const page = builtPage(site, 'policies/goals-and-measures');
    const cards = page.all('.kpi-definition').map((card) => [page.text(page.one('.kpi-definition__name', card)), ...page.all('dd', card).map((dd) => page.text(dd))]);
    expect(cards).toEqual(
      usesOf('KpiDefinition')
        .filter((use) => use.slug === 'goals-and-measures')
        .map(({ props }) => data.kpis.find((kpi) => kpi.id === props.kpi))
        .map((kpi) => [kpi?.name, kpi?.question, kpi?.formula, kpi?.target, kpi?.frequency]),
    );
  });

  it('SayThis marks phrases to say and to avoid with a word and an icon, not colour alone', () => {
    const page = builtPage(site, 'policies/talking-with-customers');
    const labels = page.all('.say-this').map((block) => {
      const icon = page.text(page.one('.say-this__icon', block));
      return { icon, words: page.text(page.one('.say-this__label', block)).replace(icon, ''), aria: block.properties.ariaLabel };
    });
    expect(labels).toContainEqual({ icon: '✓', words: 'Say this', aria: 'Say this' });
    expect(labels).toContainEqual({ icon: '✗', words: 'Avoid saying', aria: 'Avoid saying' });
    expect(page.all('.say-this--avoid').length).toBe(usesOf('SayThis').filter((use) => use.slug === 'talking-with-customers' && use.props.kind === 'avoid').length);
  });

  it('the Goals page traces each goal to the policies that serve it, its standards and its KPI', () => {
    const page = builtPage(site, 'goals');
    for (const goal of data.goals) {
      const section = page.one(`section[data-goal="${goal.id}"]`);
      expect(section, goal.id).toBeDefined();
      const linked = page.all('.goal-trace__policies a', section).map((a) => page.text(a)).sort();
      const serving = policies.filter((policy) => policy.data.goals.includes(goal.id)).map((policy) => policy.data.title).sort();
      expect(linked, goal.id).toEqual(serving);
      expect(page.text(page.one('.kpi-definition__name', section))).toBe(data.kpis.find((kpi) => kpi.id === goal.kpi)?.name);
      const standards = page.all('.goal-trace__standards li', section).length;
      expect(standards, goal.id).toBe(data.channels.filter((channel) => channel.goal === goal.id).length);
    }
  });

  it('the training pack gathers every role-play card, grouped by policy', () => {
    const page = builtPage(site, 'training-pack');
    const inPack = page.all('.training-pack__policy').map((section) => ({
      policy: page.text(page.one('h2', section)),
      cards: page.all('.scenario__title', section).map((title) => page.text(title).replace(/^Role-play: /, '')),
    }));
    const declared = policies
      .map((policy) => ({ policy: policy.data.title, cards: extractScenarios(policy.source).map((scenario) => scenario.title) }))
      .filter((entry) => entry.cards.length > 0);
    expect([...inPack].sort((a, b) => a.policy.localeCompare(b.policy))).toEqual([...declared].sort((a, b) => a.policy.localeCompare(b.policy)));
    expect(declared.flatMap((entry) => entry.cards).length).toBeGreaterThanOrEqual(5);
  });
});
