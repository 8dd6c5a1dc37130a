import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { MAX_DRAFT_LENGTH, MAX_URL_LENGTH, proposePolicy, type ProposalDefaults } from '../../src/check/proposal.ts';
import { ConfigError, UsageError } from '../../src/errors/index.ts';
import { parseDocument } from '../../src/markdown/syntax.ts';
import { validatePolicy } from '../../src/policies/validate-policy.ts';

const DEFAULTS: ProposalDefaults = { repoUrl: 'https://github.com/acme/handbook', branch: 'main', contentDir: 'content', owner: '@acme/support-leads', today: '2026-12-04' };

/** The body after the frontmatter block. */
function bodyOf(source: string): string {
  return source.slice(source.indexOf('\n---\n', 4) + '\n---\n\n'.length);
}

function frontmatterOf(source: string): unknown {
  return parseYaml(source.slice(4, source.indexOf('\n---\n', 4)));
}

/** Node types of the file as the site reads it (MDX), other than the frontmatter. */
function mdxNodeTypes(source: string): Set<string> {
  const types = new Set<string>();
  visit(parseDocument(source, 'mdx') as Root, (node) => {
    types.add(node.type);
  });
  types.delete('yaml');
  return types;
}

const CODE_OR_MARKUP = ['html', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'containerDirective', 'leafDirective', 'textDirective', 'toml'];

function errorOf(work: () => unknown): Error {
  try {
    work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('proposing a draft as a new policy', () => {
  it('names the file after the title under the content directory and writes frontmatter the policy schema accepts', () => {
    const proposal = proposePolicy('  Refund  rules ', 'We refund within 30 days.', DEFAULTS);
    expect(proposal.path).toBe('content/policies/refund-rules.mdx');
    expect(proposal.source).toBe('---\ntitle: "Refund rules"\nowner: "@acme/support-leads"\nstatus: draft\neffective: 2026-12-04\n---\n\nWe refund within 30 days.\n');
    expect(validatePolicy({ file: proposal.path, source: proposal.source })).toMatchObject({ title: 'Refund rules', owner: '@acme/support-leads', status: 'draft', effective: '2026-12-04' });
  });

  it('adds the @ an owner was given without, and refuses an owner that is not a GitHub user or team', () => {
    expect(frontmatterOf(proposePolicy('Refunds', 'Text.', { ...DEFAULTS, owner: 'jane-doe' }).source)).toMatchObject({ owner: '@jane-doe' });
    const error = errorOf(() => proposePolicy('Refunds', 'Text.', { ...DEFAULTS, owner: 'Jane Doe' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatchInlineSnapshot(`"Unexpected owner \`Jane Doe\` for a new policy, expected a GitHub user or team such as \`@jane-doe\` or \`@acme/support-leads\`. Set \`defaultOwner\` in plainbook.config.yml."`);
  });

  it.each([
    'Refunds: the new rules',
    '# not a comment',
    'She said "no" and \'yes\'',
    'Back\\slash \\n and \\u0041',
    'Refunds 💸 für Café',
    '- starts like a list',
    '@starts like a mention',
    '[starts] like {a flow} & *alias | >folded',
    'true',
    '2026-12-04',
  ])('writes the title %j so YAML reads it back exactly and the schema accepts it', (title) => {
    const proposal = proposePolicy(title, 'Text.', DEFAULTS);
    expect(frontmatterOf(proposal.source)).toEqual({ title, owner: '@acme/support-leads', status: 'draft', effective: '2026-12-04' });
    expect(validatePolicy({ file: proposal.path, source: proposal.source }).title).toBe(title);
  });

  it('folds a title onto one line and drops control characters and broken surrogates', () => {
    const proposal = proposePolicy('Refunds\nand\u2028returns\u0007 \ud800x', 'Text.', DEFAULTS);
    expect(frontmatterOf(proposal.source)).toMatchObject({ title: 'Refunds and returns \ufffdx' });
  });

  it('keeps ordinary prose: paragraphs, headings from ##, lists, bold, italics, links and tables', () => {
    const draft = '# Refunds\n\nWe refund **within 30 days** and _only_ with a receipt.\nSee [the terms](https://example.com/terms).\n\n## Steps\n\n1. Check the receipt.\n2. Refund the card.\n\n- Cash: never\n- Card: always\n\n| Item | Days |\n| - | - |\n| Shoes | 30 |\n';
    const body = bodyOf(proposePolicy('Refund policy', draft, DEFAULTS).source);
    expect(body).toBe('## Refunds\n\nWe refund **within 30 days** and _only_ with a receipt.\nSee [the terms](https://example.com/terms).\n\n### Steps\n\n1. Check the receipt.\n2. Refund the card.\n\n- Cash: never\n- Card: always\n\n| Item  | Days |\n| ----- | ---- |\n| Shoes | 30   |\n');
  });

  it('drops a first heading that repeats the title, which the page already shows', () => {
    expect(bodyOf(proposePolicy('Refund rules', '# Refund  RULES\n\nText.\n\n# Refund rules\n', DEFAULTS).source)).toBe('Text.\n\n## Refund rules\n');
    expect(bodyOf(proposePolicy('Refund rules', '# Refunds\n\nText.', DEFAULTS).source)).toBe('## Refunds\n\nText.\n');
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['an expression', 'Pay {alert(1)} now.', 'Pay {alert(1)} now.'],
    ['an import', "import fs from 'fs'", "import fs from 'fs'"],
    ['an export', 'export const rules = 1', 'export const rules = 1'],
    ['a component', 'Say <Component /> to them.', 'Say <Component /> to them.'],
    ['a block component', '<Aside type="danger">\nRun\n</Aside>', '<Aside type="danger">\nRun\n</Aside>'],
    ['an inline tag', 'Be <b onclick="x()">kind</b>.', 'Be <b onclick="x()">kind</b>.'],
    ['an aside', ':::note\nHello\n:::', ':::note\nHello\n:::'],
    ['a leaf directive', '::youtube[video]{v=1}', '::youtube[video]{v=1}'],
    ['a text directive and times', 'Open 9:30 to 17:00, see:this and :abbr[x]{title=y}.', 'Open 9:30 to 17:00, see:this and :abbr[x]{title=y}.'],
    ['a comment', 'Text <!-- hidden --> here.', 'Text <!-- hidden --> here.'],
  ])('writes %s as the words it was typed with, never code or markup', (_name, draft, words) => {
    const { source, path } = proposePolicy('Hostile', draft, DEFAULTS);
    const types = mdxNodeTypes(source);
    expect(CODE_OR_MARKUP.filter((type) => types.has(type))).toEqual([]);
    const tree = parseDocument(bodyOf(source), 'mdx');
    expect(tree.children.map((node) => (node.type === 'paragraph' ? node.children.map((child) => ('value' in child ? child.value : '')).join('') : ''))).toEqual([words]);
    validatePolicy({ file: path, source });
  });

  it('replaces a pasted policy file\'s frontmatter with the new one, and keeps `---` lines in the text as rules', () => {
    const draft = '---\ntitle: Old title\nowner: "@someone"\nstatus: published\n---\n\nFirst.\n\n---\n\nSecond.\n\n---\n';
    const { source } = proposePolicy('New title', draft, DEFAULTS);
    expect(frontmatterOf(source)).toEqual({ title: 'New title', owner: '@acme/support-leads', status: 'draft', effective: '2026-12-04' });
    expect(bodyOf(source)).toBe('First.\n\n---\n\nSecond.\n\n---\n');
    expect(source.match(/^---$/gm)).toHaveLength(4);
  });

  it('keeps the words of a draft that only starts with a `---` line, as rules around them', () => {
    const { source } = proposePolicy('Rules', '---\nNo refunds after a month.\n---\n\nAsk a lead.', DEFAULTS);
    expect(bodyOf(source)).toBe('No refunds after a month.\n\n---\n\nAsk a lead.\n');
    expect(frontmatterOf(source)).toMatchObject({ title: 'Rules' });
  });

  it('drops rules at the very top, which MDX would otherwise read with a later `---` line as frontmatter', () => {
    const { source, path } = proposePolicy('Rules', '***\n\nFirst.\n\n---\n\nSecond: yes.\n', DEFAULTS);
    expect(bodyOf(source)).toBe('First.\n\n---\n\nSecond: yes.\n');
    validatePolicy({ file: path, source });
  });

  it('gives the address of GitHub\'s new-file page with the file name and the whole file, each encoded', () => {
    const proposal = proposePolicy('Refunds & returns?', 'Use + and & and = and # and % and 100% "quotes" 💸\n\nLine two.', { ...DEFAULTS, branch: 'release/2026 v2', contentDir: 'site content/', repoUrl: 'https://github.com/acme/handbook.git' });
    expect(proposal.path).toBe('site content/policies/refunds-returns.mdx');
    expect(proposal.blankUrl).toBe('https://github.com/acme/handbook/new/release/2026%20v2/site%20content/policies?filename=refunds-returns.mdx');
    const url = new URL(proposal.url!);
    expect(url.pathname).toBe('/acme/handbook/new/release/2026%20v2/site%20content/policies');
    expect([...url.searchParams.keys()]).toEqual(['filename', 'value']);
    expect(url.searchParams.get('filename')).toBe('refunds-returns.mdx');
    expect(url.searchParams.get('value')).toBe(proposal.source);
    expect(proposal.tooLong).toBeUndefined();
  });

  it('gives the address while it is at most the limit, and says the text is too long one character past it', () => {
    const lengthOf = (characters: number) => proposePolicy('Refunds', 'a'.repeat(characters), DEFAULTS).url!.length;
    // Each letter of a plain word adds one character to the address.
    const fixed = lengthOf(1) - 1;
    expect(lengthOf(2)).toBe(fixed + 2);
    const atLimit = proposePolicy('Refunds', 'a'.repeat(MAX_URL_LENGTH - fixed), DEFAULTS);
    expect(atLimit.url).toHaveLength(MAX_URL_LENGTH);
    expect(atLimit.tooLong).toBeUndefined();
    const over = proposePolicy('Refunds', 'a'.repeat(MAX_URL_LENGTH - fixed + 1), DEFAULTS);
    expect(over.url).toBeUndefined();
    expect(over.tooLong).toEqual({ length: MAX_URL_LENGTH + 1, limit: MAX_URL_LENGTH });
    expect(over.blankUrl).toBe('https://github.com/acme/handbook/new/main/content/policies?filename=refunds.mdx');
    expect(over.source.endsWith(`${'a'.repeat(MAX_URL_LENGTH - fixed + 1)}\n`)).toBe(true);
  });

  it('measures the address once encoded: 2,000 emoji are too long though 2,000 letters fit', () => {
    expect(proposePolicy('Refunds', 'a'.repeat(2_000), DEFAULTS).url).toBeDefined();
    expect(proposePolicy('Refunds', '💸'.repeat(2_000), DEFAULTS).tooLong?.length).toBeGreaterThan(2_000 * 12);
  });

  it('takes a draft of the longest size and refuses one character more', () => {
    expect(proposePolicy('Refunds', 'a'.repeat(MAX_DRAFT_LENGTH), DEFAULTS).tooLong).toBeDefined();
    const error = errorOf(() => proposePolicy('Refunds', 'a'.repeat(MAX_DRAFT_LENGTH + 1), DEFAULTS));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatchInlineSnapshot(`"Unexpected draft of 100,001 characters, expected at most 100,000: split it into one policy per page."`);
  });

  it('refuses an empty title, a title with no letters or digits, and an empty draft', () => {
    const empty = errorOf(() => proposePolicy(' \n ', 'Text.', DEFAULTS));
    expect(empty).toBeInstanceOf(UsageError);
    expect(empty.message).toMatchInlineSnapshot(`"Unexpected empty title for a new policy, expected a few words that name it, such as \`Refund rules\`."`);
    const punctuation = errorOf(() => proposePolicy('?!… —', 'Text.', DEFAULTS));
    expect(punctuation).toBeInstanceOf(UsageError);
    expect(punctuation.message).toMatchInlineSnapshot(`"Unexpected title \`?!… —\` for a new policy, expected a title with Latin letters or digits (the file name is made of them), such as \`Refund rules\`."`);
    expect(errorOf(() => proposePolicy('日本語', 'Text.', DEFAULTS)).message).toContain('expected a title with Latin letters or digits');
    const long = errorOf(() => proposePolicy('a'.repeat(201), 'Text.', DEFAULTS));
    expect(long.message).toMatchInlineSnapshot(`"Unexpected title of 201 characters, expected at most 200: a title names the policy in a few words."`);
    for (const draft of ['', ' \n\t ', '---\ntitle: Only frontmatter\n---\n']) {
      const error = errorOf(() => proposePolicy('Refunds', draft, DEFAULTS));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toMatchInlineSnapshot(`"Unexpected empty draft, expected the text of the policy: paste or type it above."`);
    }
  });

  it('refuses settings that would point the page elsewhere: a non-https repository, a branch or folder climbing out', () => {
    expect(errorOf(() => proposePolicy('Refunds', 'Text.', { ...DEFAULTS, repoUrl: 'javascript:alert(1)//github.com/a/b' })).message).toMatchInlineSnapshot(`"Unexpected repository address \`javascript:alert(1)//github.com/a/b\`, expected \`https://<host>/<owner>/<repository>\`, such as \`https://github.com/acme/handbook\`."`);
    expect(errorOf(() => proposePolicy('Refunds', 'Text.', { ...DEFAULTS, repoUrl: 'https://github.com/acme' }))).toBeInstanceOf(ConfigError);
    expect(errorOf(() => proposePolicy('Refunds', 'Text.', { ...DEFAULTS, branch: '../main' })).message).toMatchInlineSnapshot(`"Unexpected branch \`../main\`, expected a branch name such as \`main\`."`);
    expect(errorOf(() => proposePolicy('Refunds', 'Text.', { ...DEFAULTS, contentDir: 'content/../..' })).message).toMatchInlineSnapshot(`"Unexpected content directory \`content/../..\`, expected a folder inside the repository, such as \`content\`."`);
    expect(errorOf(() => proposePolicy('Refunds', 'Text.', { ...DEFAULTS, contentDir: '/etc' }))).toBeInstanceOf(ConfigError);
    expect(errorOf(() => proposePolicy('Refunds', 'Text.', { ...DEFAULTS, today: '4 Dec 2026' })).message).toMatchInlineSnapshot(`"Unexpected date \`4 Dec 2026\` for today, expected \`YYYY-MM-DD\`."`);
  });

});

describe('proposing: the edges of what a draft, title and settings may be', () => {
  const body = (title: string, draft: string) => bodyOf(proposePolicy(title, draft, DEFAULTS).source);

  it('takes a title of exactly the longest length and refuses one character more', () => {
    expect(proposePolicy('a'.repeat(200), 'Text.', DEFAULTS).source).toContain(`title: "${'a'.repeat(200)}"`);
    expect(errorOf(() => proposePolicy('a'.repeat(201), 'Text.', DEFAULTS))).toBeInstanceOf(UsageError);
  });

  it('turns a control character in a title into a space, and removes one from a draft', () => {
    expect(frontmatterOf(proposePolicy('Refund\u0007rules', 'Text.', DEFAULTS).source)).toMatchObject({ title: 'Refund rules' });
    expect(body('Refunds', 'We\u0007 help.')).toBe('We help.\n');
  });

  it('reads old Mac line ends (a lone carriage return) as line ends', () => {
    expect(body('Refunds', 'First line.\r\rSecond line.')).toBe('First line.\n\nSecond line.\n');
  });

  it('refuses a draft whose only text is a space written as a character reference', () => {
    expect(errorOf(() => proposePolicy('Refunds', '&#32;', DEFAULTS)).message).toBe('Unexpected empty draft, expected the text of the policy: paste or type it above.');
  });

  it('drops a pasted TOML header, a YAML header opening with a blank line, and one with a space before its colon', () => {
    expect(body('Refunds', '+++\ntitle = "Old"\n+++\n\nWe help.')).toBe('We help.\n');
    expect(body('Refunds', '---\n\ntitle: Old\n---\n\nWe help.')).toBe('We help.\n');
    expect(body('Refunds', '---\ntitle : Old\n---\n\nWe help.')).toBe('We help.\n');
  });

  it('keeps a draft that opens with a rule and a prose line with a colon in it', () => {
    const kept = body('Refunds', '---\nPlease note: we help\n---\n\nMore.');
    expect(kept).toContain('Please note');
    expect(kept).toContain('we help');
  });

  it('drops only a first heading that repeats the title, not a paragraph, not other words', () => {
    expect(body('Refund rules', 'Refund rules\n\nWe help.')).toBe('Refund rules\n\nWe help.\n');
    expect(body('Refund rules', '# Refundrules\n\nWe help.')).toBe('## Refundrules\n\nWe help.\n');
    expect(body('Refund rules', '# refund   RULES\n\nWe help.')).toBe('We help.\n');
  });

  it('keeps HTML in a quote or a list as the characters typed', () => {
    const written = proposePolicy('Refunds', '> <b>bold</b>\n\n- <i>x</i>', DEFAULTS).source;
    expect([...mdxNodeTypes(written)].filter((type) => CODE_OR_MARKUP.includes(type))).toEqual([]);
    expect(bodyOf(written)).toContain('\\<b>bold\\</b>');
    expect(bodyOf(written)).toContain('\\<i>x\\</i>');
  });

  it.each([
    ['http://github.com/acme/handbook', 'not https'],
    ['https://github.com/acme/handbook?tab=x', 'a query'],
    ['https://github.com/acme/handbook#top', 'a fragment'],
    ['https://github.com/acme', 'no repository'],
  ])('refuses the repository address %s (%s)', (repoUrl) => {
    expect(errorOf(() => proposePolicy('Refunds', 'Text.', { ...DEFAULTS, repoUrl }))).toBeInstanceOf(ConfigError);
  });

  it('takes `.git` off a repository address only at its end', () => {
    expect(proposePolicy('Refunds', 'Text.', { ...DEFAULTS, repoUrl: 'https://github.com/acme/handbook.git' }).blankUrl).toMatch(/^https:\/\/github\.com\/acme\/handbook\/new\//);
    expect(proposePolicy('Refunds', 'Text.', { ...DEFAULTS, repoUrl: 'https://github.com/acme/docs.github.io' }).blankUrl).toMatch(/^https:\/\/github\.com\/acme\/docs\.github\.io\/new\//);
  });

  it('trims a branch, and refuses one with an empty, `.` or `..` part', () => {
    expect(proposePolicy('Refunds', 'Text.', { ...DEFAULTS, branch: ' main ' }).blankUrl).toContain('/new/main/content/policies?');
    expect(proposePolicy('Refunds', 'Text.', { ...DEFAULTS, branch: 'release/2026' }).blankUrl).toContain('/new/release/2026/content/policies?');
    for (const branch of ['', 'a//b', 'a/./b', 'a/../b', '.']) expect(errorOf(() => proposePolicy('Refunds', 'Text.', { ...DEFAULTS, branch })), branch).toBeInstanceOf(ConfigError);
  });

  it('reads a content folder written with backslashes or `./`, and refuses an empty one', () => {
    expect(proposePolicy('Refunds', 'Text.', { ...DEFAULTS, contentDir: 'docs\\handbook' }).path).toBe('docs/handbook/policies/refunds.mdx');
    expect(proposePolicy('Refunds', 'Text.', { ...DEFAULTS, contentDir: './content/.' }).path).toBe('content/policies/refunds.mdx');
    for (const contentDir of ['', '.', '/abs', 'a/../b']) expect(errorOf(() => proposePolicy('Refunds', 'Text.', { ...DEFAULTS, contentDir })), contentDir).toBeInstanceOf(ConfigError);
  });

  it('refuses a date with anything before or after the day', () => {
    for (const today of ['x2026-12-04', '2026-12-04x', '2026-12-4']) expect(errorOf(() => proposePolicy('Refunds', 'Text.', { ...DEFAULTS, today })), today).toBeInstanceOf(UsageError);
  });
});
