import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../../src/lint/lint-file.ts';
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
        "9:1-9:132 readability: Unexpected hard sentence: \`6\` of \`7\` readability formulas rate it above grade \`6\`. Use shorter words, or split it.",
        "11:10-11:107 readability: Unexpected hard sentence: \`5\` of \`7\` readability formulas rate it above grade \`6\`. Use shorter words, or split it.",
      ]
    `);
  });

  it('measures against the page’s own readingLevel', async () => {
    const source = readFileSync('test/fixtures/lint/readability.not-ok.mdx', 'utf8').replace('title: Readability, hard', 'title: Hard\nreadingLevel: 17');
    const result = await lintSource('hard.mdx', source, onlyRules('readability'));
    expect(result.messages.map((message) => `${message.line}: ${message.reason}`)).toEqual([
      '10: Unexpected hard sentence: `5` of `7` readability formulas rate it above grade `17`. Use shorter words, or split it.',
    ]);
  });
});
