import { readFileSync } from 'node:fs';
import retextEnglish from 'retext-english';
import upstreamReadability from 'retext-readability';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { lintSource, type LintContext } from '../../src/lint/lint-file.ts';
import retextDocumentGrade from '../../src/lint/rules/document-grade.ts';
import retextReadability from '../../src/lint/rules/readability.ts';
import { ruleUrl } from '../../src/lint/rules/rule-docs.ts';
import type { RuleId } from '../../src/schema/lint.ts';
import { lintFixture, onlyRules } from '../helpers/lint.ts';

describe('sentence-length', () => {
  it('accepts sentences of 25 words or fewer, inside components too', async () => {
    expect(await lintFixture('sentence-length.ok.mdx', onlyRules('sentence-length'))).toEqual([]);
  });

  it('flags each longer sentence where it starts and ends, inside components too', async () => {
    expect(await lintFixture('sentence-length.not-ok.mdx', onlyRules('sentence-length'))).toEqual([
      '5:1-5:148 sentence-length: Unexpected sentence of `33` words, expected at most `25`. Split it into shorter sentences.',
      '8:3-8:135 sentence-length: Unexpected sentence of `32` words, expected at most `25`. Split it into shorter sentences.',
    ]);
  });

  it('follows the configured limit', async () => {
    const context = onlyRules('sentence-length');
    context.settings.maxSentenceWords = 40;
    expect(await lintFixture('sentence-length.not-ok.mdx', context)).toEqual([]);
  });
});

describe('paragraph-length', () => {
  it('accepts paragraphs and list items of five sentences or fewer', async () => {
    expect(await lintFixture('paragraph-length.ok.mdx', onlyRules('paragraph-length'))).toEqual([]);
  });

  it('counts a Markdown paragraph as one, even across line breaks, and skips headings', async () => {
    expect(await lintFixture('paragraph-length.not-ok.mdx', onlyRules('paragraph-length'))).toEqual([
      '7:1-8:36 paragraph-length: Unexpected paragraph of `6` sentences, expected at most `5`. Break it up, or turn it into a list.',
    ]);
  });
});

describe('document-grade', () => {
  it('accepts a page at or below the target grade', async () => {
    expect(await lintFixture('document-grade.ok.mdx', onlyRules('document-grade'))).toEqual([]);
  });

  it('flags a page above the target at its first sentence, not at a heading', async () => {
    expect(await lintFixture('document-grade.not-ok.mdx', onlyRules('document-grade'))).toEqual([
      '7:1-7:1 document-grade: Unexpected reading grade `34.5`, expected `6` or lower. Use shorter sentences (now 7.5 words on average) and shorter words.',
    ]);
  });

  it('uses the page’s own readingLevel as its target', async () => {
    expect(await lintFixture('document-grade.reading-level.mdx', onlyRules('document-grade'))).toEqual([
      '6:1-6:1 document-grade: Unexpected reading grade `36.2`, expected `18` or lower. Use shorter sentences (now 8.0 words on average) and shorter words.',
    ]);
  });
});

describe('readability', () => {
  it('accepts plain sentences, inside components too', async () => {
    expect(await lintFixture('readability.ok.mdx', onlyRules('readability'))).toEqual([]);
  });

  it('flags each hard sentence where it starts and ends, inside components too', async () => {
    expect(await lintFixture('readability.not-ok.mdx', onlyRules('readability'))).toMatchInlineSnapshot(`
      [
        "9:1-9:132 readability: Unexpected hard sentence: \`6\` of \`7\` readability formulas rate it at grade \`7.5\` or above, expected at most \`4\`. Use shorter words, or split it.",
        "11:10-11:107 readability: Unexpected hard sentence: \`5\` of \`7\` readability formulas rate it at grade \`7.5\` or above, expected at most \`4\`. Use shorter words, or split it.",
      ]
    `);
  });

  it('measures against the page’s own readingLevel', async () => {
    const source = readFileSync('test/fixtures/lint/readability.not-ok.mdx', 'utf8').replace('title: Readability, hard', 'title: Hard\nreadingLevel: 17');
    const result = await lintSource('hard.mdx', source, onlyRules('readability'));
    expect(result.messages.map((message) => `${message.line}: ${message.reason}`)).toEqual([
      '10: Unexpected hard sentence: `5` of `7` readability formulas rate it at grade `18.5` or above, expected at most `4`. Use shorter words, or split it.',
    ]);
  });
});

/** A sentence of `count` words, "Call call … call.", one syllable each. */
const sentenceOf = (count: number) => `${Array.from({ length: count }, (_, index) => (index === 0 ? 'Call' : 'call')).join(' ')}.`;

async function messagesOf(source: string, context: LintContext) {
  return (await lintSource('page.md', source, context)).messages;
}

function withSettings(rule: RuleId, settings: Partial<LintContext['settings']>): LintContext {
  const context = onlyRules(rule);
  Object.assign(context.settings, settings);
  return context;
}

const EDITORS_GUIDE = readFileSync('docs/editors.md', 'utf8');

describe('sentence-length at its limit', () => {
  it('accepts a sentence of exactly the maximum and flags one word more, with the counts and where the rule is explained', async () => {
    expect(await messagesOf(`${sentenceOf(25)}\n`, onlyRules('sentence-length'))).toEqual([]);
    const long = sentenceOf(26);
    expect(await messagesOf(`${long}\n`, onlyRules('sentence-length'))).toEqual([
      {
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: long.length + 1,
        ruleId: 'sentence-length',
        source: 'plainbook',
        severity: 'error',
        reason: 'Unexpected sentence of `26` words, expected at most `25`. Split it into shorter sentences.',
        actual: '26',
        expected: ['25'],
        url: 'https://github.com/plainbook/plainbook/blob/main/docs/editors.md#sentence-length',
      },
    ]);
  });

  it('moves the limit with maxSentenceWords and flags only the sentences past it', async () => {
    const context = withSettings('sentence-length', { maxSentenceWords: 8 });
    const messages = await messagesOf(`${sentenceOf(8)} ${sentenceOf(9)} ${sentenceOf(3)}\n`, context);
    const start = sentenceOf(8).length + 2;
    expect(messages.map((m) => [m.column, m.endColumn, m.actual, m.expected])).toEqual([[start, start + sentenceOf(9).length, '9', ['8']]]);
  });
});

describe('paragraph-length at its limit', () => {
  it('flags the paragraph past maxParagraphSentences from its first sentence to its last, with the counts', async () => {
    const context = withSettings('paragraph-length', { maxParagraphSentences: 2 });
    const source = 'Say hi. Smile.\n\nSay hi. Smile. Help.\nThank them.\n';
    expect(await messagesOf(source, context)).toEqual([
      {
        line: 3,
        column: 1,
        endLine: 4,
        endColumn: 12,
        ruleId: 'paragraph-length',
        source: 'plainbook',
        severity: 'error',
        reason: 'Unexpected paragraph of `4` sentences, expected at most `2`. Break it up, or turn it into a list.',
        actual: '4',
        expected: ['2'],
        url: 'https://github.com/plainbook/plainbook/blob/main/docs/editors.md#paragraph-length',
      },
    ]);
  });
});

describe('document-grade at its limit', () => {
  /** The rule on its own, given the page's metrics. */
  function gradeMessages(fleschKincaidGrade: number, target: number): string[] {
    const file = new VFile('Say hello.');
    file.data.metrics = { words: 2, sentences: 1, syllables: 3, wordsPerSentence: 2, longestSentence: 2, fleschKincaidGrade, fleschReadingEase: 80 };
    const tree = unified().use(retextEnglish).parse(file);
    (retextDocumentGrade as unknown as (options: { target: number }) => (tree: unknown, file: VFile) => void)({ target })(tree, file);
    return file.messages.map((message) => message.reason);
  }

  it('compares the grade it prints: 6.01 and 6.04 pass a target of 6, 6.05 prints 6.1 and fails', () => {
    expect(gradeMessages(6.01, 6)).toEqual([]);
    expect(gradeMessages(6.04, 6)).toEqual([]);
    expect(gradeMessages(6.05, 6)).toEqual(['Unexpected reading grade `6.1`, expected `6` or lower. Use shorter sentences (now 2.0 words on average) and shorter words.']);
  });

  const page = 'Comprehensive documentation facilitates accountability. Representatives demonstrate professionalism.\n';

  it('accepts a page whose grade, as printed, equals the target and flags it once the target is a tenth lower', async () => {
    const measured = await lintSource('page.md', page, onlyRules('document-grade'));
    const grade = Math.round((measured.metrics?.fleschKincaidGrade ?? Number.NaN) * 10) / 10;
    expect(grade).toBeGreaterThan(6);
    expect(await messagesOf(page, withSettings('document-grade', { targetGrade: grade }))).toEqual([]);
    const lower = Math.round((grade - 0.1) * 10) / 10;
    expect(await messagesOf(page, withSettings('document-grade', { targetGrade: lower }))).toEqual([
      {
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        ruleId: 'document-grade',
        source: 'plainbook',
        severity: 'error',
        reason: `Unexpected reading grade \`${grade.toFixed(1)}\`, expected \`${lower}\` or lower. Use shorter sentences (now 3.5 words on average) and shorter words.`,
        actual: grade.toFixed(1),
        expected: [String(lower)],
        url: 'https://github.com/plainbook/plainbook/blob/main/docs/editors.md#document-grade',
      },
    ]);
  });

  it('measures the page itself when no metrics plugin ran before it', async () => {
    const file = new VFile(page);
    const processor = unified().use(retextEnglish).use(retextDocumentGrade, { target: 6 });
    await processor.run(processor.parse(file), file);
    expect(file.messages.map((message) => [message.ruleId, message.actual])).toEqual([['document-grade', expect.stringMatching(/^\d+\.\d$/)]]);
    expect(Number(file.messages[0]?.actual)).toBeGreaterThan(6);
  });
});

describe('readability at its limits', () => {
  const hard = 'Organisational accountability necessitates comprehensive documentation.';

  async function flagged(text: string, options: { targetGrade?: number; minWords?: number; agreeing?: number }) {
    const file = new VFile(text);
    const processor = unified().use(retextEnglish).use(retextReadability, { targetGrade: 6, minWords: 5, agreeing: 5, ...options });
    await processor.run(processor.parse(file), file);
    return file.messages;
  }

  it('checks a sentence of exactly minWords words and skips a shorter one', async () => {
    expect(await flagged(hard, { minWords: 5 })).toHaveLength(1);
    expect(await flagged(hard, { minWords: 6 })).toEqual([]);
  });

  it('flags a sentence when exactly the required number of formulas agree, and not one fewer', async () => {
    const [all] = await flagged(hard, { agreeing: 0 });
    const agreeing = Number(/`(\d+)` of `7`/.exec(all?.reason ?? '')?.[1]);
    expect(agreeing).toBeGreaterThan(0);
    expect(await flagged(hard, { agreeing })).toHaveLength(1);
    expect(await flagged(hard, { agreeing: agreeing + 1 })).toEqual([]);
  });

  it('counts the SMOG vote, which only a sentence dense with long words at a low grade gets, as retext-readability does', async () => {
    // Eleven words of three syllables or more: SMOG's reader age is 8, above grade 1 (age 7), not above grade 2.
    const dense =
      'Organisational representatives systematically document conversations, demonstrating considerable professionalism, accountability and reliability continuously.';
    const upstream = async (age: number) => {
      const file = new VFile(dense);
      const processor = unified().use(retextEnglish).use(upstreamReadability, { age, minWords: 5, threshold: 1 / 7 });
      await processor.run(processor.parse(file), file);
      return file.messages.map((message) => message.reason);
    };
    const [atGrade1] = await flagged(dense, { targetGrade: 1, agreeing: 1 });
    const [atGrade2] = await flagged(dense, { targetGrade: 2, agreeing: 1 });
    expect(atGrade1?.reason).toContain('`7` of `7`');
    expect(await upstream(7)).toEqual([expect.stringContaining('according to all 7 algorithms')]);
    expect(atGrade2?.reason).toContain('`6` of `7`');
    expect(await upstream(8)).toEqual([expect.stringContaining('according to 6 out of 7 algorithms')]);
  });

  it('reports the sentence itself, no expected value, and where the rule is explained', async () => {
    // The lint checks sentences of eight words or more.
    const long = 'Comprehensive documentation of organisational interactions facilitates accountability and demonstrates professionalism.';
    const messages = await messagesOf(`Say hi. ${long}\n`, onlyRules('readability'));
    expect(messages).toEqual([
      {
        line: 1,
        column: 9,
        endLine: 1,
        endColumn: 9 + long.length,
        ruleId: 'readability',
        source: 'plainbook',
        severity: 'error',
        reason: expect.stringMatching(/^Unexpected hard sentence: `[5-7]` of `7` readability formulas rate it at grade `7\.5` or above, expected at most `4`\. Use shorter words, or split it\.$/),
        actual: long,
        url: 'https://github.com/plainbook/plainbook/blob/main/docs/editors.md#readability',
      },
    ]);
  });
});

describe('rule documentation links', () => {
  it.each(['document-grade', 'sentence-length', 'paragraph-length', 'readability'])('%s points to its own section of the editors’ guide', (rule) => {
    expect(ruleUrl(rule)).toBe(`https://github.com/plainbook/plainbook/blob/main/docs/editors.md#${rule}`);
    expect(EDITORS_GUIDE).toMatch(new RegExp(`^### ${rule}$`, 'm'));
  });
});
