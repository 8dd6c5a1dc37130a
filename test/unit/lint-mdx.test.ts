import { describe, expect, it } from 'vitest';
import { lintSource, parseErrorMessage } from '../../src/lint/lint-file.ts';
import { lintSettingsSchema } from '../../src/schema/lint.ts';
import { lintFixture, onlyRules } from '../helpers/lint.ts';

describe('MDX awareness', () => {
  it('lints text inside components at its own line and column, never code, attributes, imports or comments', async () => {
    expect(await lintFixture('mdx-awareness.mdx', onlyRules('simplify'))).toEqual([
      '11:17-11:24 simplify: Unexpected `utilize`, use `use` instead',
      '22:12-22:19 simplify: Unexpected `utilize`, use `use` instead',
    ]);
  });

  it('reports a file that does not parse once, where the problem is', async () => {
    expect(await lintFixture('parse-error.mdx', lintSettingsContext())).toEqual([
      '7:1-7:10 parse-error: Cannot parse this file: Expected a closing tag for `<SayThis>`. Fix the syntax here; nothing else in the file was checked.',
    ]);
  });

  it('reads the place from a Sätteri error that micromark would accept, and drops its rule id', () => {
    const message = parseErrorMessage(new Error('12:4: Unexpected character `!` in name (mdx-jsx:unexpected-character)'));
    expect(`${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.reason}`).toBe(
      '12:4-12:4 Cannot parse this file: Unexpected character `!` in name. Fix the syntax here; nothing else in the file was checked.',
    );
  });

  it('checks heading structure in Markdown files', async () => {
    expect(await lintFixture('structure.md', onlyRules('heading-increment', 'no-duplicate-headings'))).toEqual([
      '7:1-7:20 heading-increment: Unexpected heading rank `3`, exected rank `2`',
      '11:1-11:8 no-duplicate-headings: Unexpected heading with equivalent text, expected unique headings',
    ]);
  });
});

describe('inline switches', () => {
  it('turn a rule off between disable and enable, and for the next block with ignore', async () => {
    expect(await lintFixture('inline-switches.mdx', onlyRules('simplify'))).toEqual([
      '5:12-5:19 simplify: Unexpected `utilize`, use `use` instead',
      '13:5-13:12 simplify: Unexpected `utilize`, use `use` instead',
      '19:21-19:28 simplify: Unexpected `utilize`, use `use` instead',
    ]);
  });

  it('work with HTML comments in Markdown files', async () => {
    const source = '# Title\n\nYou should utilize this.\n\n<!-- plainbook-disable simplify -->\n\nYou may utilize that.\n';
    const result = await lintSource('page.md', source, onlyRules('simplify'));
    expect(result.messages.map((m) => m.line)).toEqual([3]);
  });
});

describe('configuration', () => {
  it('reports a rule at the configured severity and drops rules that are off', async () => {
    const settings = lintSettingsSchema.parse({ rules: { simplify: 'warn', passive: 'off' } });
    const result = await lintSource('page.md', 'The form was sent. You should utilize it.\n', { settings, personalWords: '' });
    const byRule = result.messages.map((m) => `${m.ruleId}:${m.severity}`);
    expect(byRule).toContain('simplify:warning');
    expect(byRule.some((entry) => entry.startsWith('passive'))).toBe(false);
  });

  it('lets ignoreWords and the word list through the spell check', async () => {
    const source = 'Ask about Quenzel and Zorblat every week.\n';
    const strict = await lintSource('page.md', source, onlyRules('spell'));
    expect(strict.messages.map((m) => m.actual)).toEqual(['Quenzel', 'Zorblat']);
    const context = onlyRules('spell');
    context.settings.ignoreWords = ['Zorblat'];
    const relaxed = await lintSource('page.md', source, { ...context, personalWords: 'Quenzel' });
    expect(relaxed.messages).toEqual([]);
  });
});

function lintSettingsContext() {
  return { settings: lintSettingsSchema.parse({}), personalWords: '' };
}

