/**
 * A generated handbook for benchmarks: N policies of about 600 words with real frontmatter,
 * headings, lists and components, in a throwaway project folder. Deterministic, so two runs
 * measure the same text.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = (
  'we you the a customer staff call phone email chat help ask answer say sorry listen note check log ' +
  'order refund return store team day week time name problem issue form desk visit wait reply fast clear ' +
  'kind calm plain words write read give take keep show find tell need want make good new first last'
).split(' ');

/**
 * Words no dictionary has, as real policies have them: product and company names, acronyms,
 * the odd typo. About three in a hundred words, as in a customer-service policy that names its
 * tools (checked against the five source articles: 2 to 4 per hundred).
 */
const UNKNOWN_WORDS = ['Zendesk', 'Freshdesk', 'Intercom', 'HubSpot', 'Klarna', 'Shopify', 'Twilio', 'Okta', 'Acme', 'Gorgias', 'CSAT', 'NPS', 'SLAs', 'CRM', 'recieve', 'adress', 'Kustomer', 'Talkdesk'];
const UNKNOWN_SHARE = 0.03;

/** Park-Miller: the same text on every machine. */
export function random(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

export function sentence(next: () => number): string {
  const length = 6 + Math.floor(next() * 9);
  const words = Array.from({ length }, () => (next() < UNKNOWN_SHARE ? UNKNOWN_WORDS[Math.floor(next() * UNKNOWN_WORDS.length)] : WORDS[Math.floor(next() * WORDS.length)]) ?? 'we');
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Policies per section folder: the sidebar shows sections, and the current section's pages. */
export const SECTION_SIZE = 50;

export function sectionOf(index: number): string {
  return `section-${String(Math.floor(index / SECTION_SIZE) + 1).padStart(2, '0')}`;
}

export function policyFile(index: number): string {
  return `content/policies/${sectionOf(index)}/policy-${String(index + 1).padStart(4, '0')}.mdx`;
}

/**
 * One generated policy. `components` is the absolute path of the components module (our build);
 * without it, the page is the same text with no components (bare Starlight).
 */
export function policySource(index: number, components?: string): string {
  const next = random(index + 1);
  const paragraph = (sentences: number) => Array.from({ length: sentences }, () => sentence(next)).join(' ');
  const sections = Array.from({ length: 5 }, (_, section) =>
    [
      `## Part ${section + 1}`,
      '',
      paragraph(4),
      '',
      `- ${sentence(next)}`,
      `- ${sentence(next)}`,
      '',
      section === 2 ? `${components ? `<SayThis>${sentence(next)}</SayThis>` : sentence(next)}\n\n${paragraph(3)}` : paragraph(4),
      '',
    ].join('\n'),
  );
  return [
    '---',
    `title: Policy ${index + 1}`,
    `description: ${sentence(next)}`,
    'owner: "@acme/service-leads"',
    'status: published',
    'effective: 2026-01-05',
    'reviewed: 2026-06-01',
    'goals: [warm-welcome]',
    '---',
    '',
    ...(components ? [`import { SayThis } from '${components}';`, ''] : []),
    paragraph(3),
    '',
    ...sections,
  ].join('\n');
}

/** Write `count` policies into `<root>/content/policies/<section>/` and the files a project needs. */
export function writeHandbook(root: string, count: number, settings: string, components?: string): string[] {
  mkdirSync(join(root, 'content'), { recursive: true });
  writeFileSync(join(root, 'plainbook.config.yml'), settings);
  writeFileSync(
    join(root, 'content/goals.yml'),
    'mission: We help.\ngoals:\n  - { id: warm-welcome, title: Welcome, statement: Greet people., serves: Help., kpi: csat }\n',
  );
  writeFileSync(join(root, 'content/kpis.yml'), 'kpis:\n  - { id: csat, name: CSAT, question: Happy?, formula: a / b, target: 85%, frequency: Monthly }\n');
  const files: string[] = [];
  for (let index = 0; index < count; index++) {
    const file = policyFile(index);
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), policySource(index, components));
    files.push(file);
  }
  return files;
}
