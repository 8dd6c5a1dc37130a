/**
 * The editors' guide shows, for each rule of the prose lint, an example that fails and one that
 * passes (docs/editors.md, `### <rule-id>`). Lint each with only that rule on, so the guide
 * cannot drift from what the rules do.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../../src/lint/lint-file.ts';
import { RULE_IDS } from '../../src/schema/lint.ts';
import { onlyRules } from '../helpers/lint.ts';

const GUIDE = readFileSync('docs/editors.md', 'utf8');

/** The text of the `### <rule>` section, up to the next heading of level 2 or 3 outside code. */
function section(rule: string): string {
  const lines = GUIDE.split('\n');
  const start = lines.indexOf(`### ${rule}`);
  if (start < 0) return '';
  let inCode = false;
  let end = start + 1;
  for (; end < lines.length; end++) {
    const text = lines[end] ?? '';
    if (text.startsWith('```')) inCode = !inCode;
    if (!inCode && /^#{2,3} /.test(text)) break;
  }
  return lines.slice(start + 1, end).join('\n');
}

/** The ```mdx block that follows `This fails:` or `This passes:` in the rule's section. */
function example(rule: string, label: 'fails' | 'passes'): string | undefined {
  const match = new RegExp(`^This ${label}:\\n\\n\`\`\`mdx\\n([\\s\\S]*?)\\n\`\`\`$`, 'm').exec(section(rule));
  return match?.[1];
}

async function messagesOf(rule: (typeof RULE_IDS)[number], source: string) {
  return (await lintSource(`docs/example-${rule}.mdx`, `${source}\n`, onlyRules(rule))).messages;
}

async function rulesFired(rule: (typeof RULE_IDS)[number], source: string): Promise<string[]> {
  return (await messagesOf(rule, source)).map((message) => `${message.ruleId}: ${message.reason}`);
}

describe('the editors’ guide’s rule examples', () => {
  it.each(RULE_IDS)('%s has its own section with an example that fails and one that passes', (rule) => {
    expect(section(rule), `### ${rule} in docs/editors.md`).not.toBe('');
    expect(example(rule, 'fails'), 'a "This fails:" mdx block').toBeDefined();
    expect(example(rule, 'passes'), 'a "This passes:" mdx block').toBeDefined();
  });

  it.each(RULE_IDS)('%s fires on the failing example', async (rule) => {
    const failing = example(rule, 'fails');
    expect(failing).toBeDefined();
    const messages = await rulesFired(rule, failing ?? '');
    expect(messages.filter((message) => message.startsWith(`${rule}:`))).not.toEqual([]);
  });

  it.each(RULE_IDS)('%s links its messages to its own section, upstream rules included', async (rule) => {
    const messages = await messagesOf(rule, example(rule, 'fails') ?? '');
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message.url).toBe(`https://github.com/plainbook/plainbook/blob/main/docs/editors.md#${message.ruleId}`);
  });

  it.each(RULE_IDS)('%s does not fire on the passing example', async (rule) => {
    const passing = example(rule, 'passes');
    expect(passing).toBeDefined();
    const messages = await rulesFired(rule, passing ?? '');
    expect(messages.filter((message) => message.startsWith(`${rule}:`))).toEqual([]);
  });
});
