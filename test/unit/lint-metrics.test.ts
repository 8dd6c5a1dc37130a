import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../../src/lint/lint-file.ts';
import type { Paragraph, Root, Sentence } from 'nlcst';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { fromCounts, sentenceWords } from '../../src/lint/metrics.ts';
import { metricsFromSource } from '../../src/lint/source-metrics.ts';
import { lintSettingsSchema } from '../../src/schema/lint.ts';

const STYLE = '/usr/bin/style';
const TEXTS = ['front-desk', 'refunds', 'survey'].map((name) => `test/fixtures/prose/${name}.txt`);

/** GNU style (Debian package `diction`) is required in CI; a laptop without it skips with a note. */
function styleAvailable(): boolean {
  if (existsSync(STYLE)) return true;
  if (process.env.CI) throw new Error('GNU style is missing: run `apt-get install -y diction`.');
  console.warn('Skipping the GNU style comparison: apt-get install -y diction');
  return false;
}

function styleKincaid(path: string): number {
  const output = execFileSync(STYLE, [path], { encoding: 'utf8' });
  const match = /Kincaid:\s*(-?[\d.]+)/.exec(output);
  if (!match?.[1]) throw new Error(`style printed no Kincaid grade for ${path}`);
  return Number(match[1]);
}

describe('reading metrics', () => {
  it('apply the Flesch-Kincaid and Flesch formulas to the counts', () => {
    expect(fromCounts({ words: 100, sentences: 5, syllables: 150, longestSentence: 30 })).toEqual({
      words: 100,
      sentences: 5,
      syllables: 150,
      longestSentence: 30,
      wordsPerSentence: 20,
      fleschKincaidGrade: 9.91,
      fleschReadingEase: 59.64,
    });
  });

  it('count words, sentences and the longest sentence of a page, leaving headings and code out', async () => {
    const source = '# A heading that is not a sentence\n\nOne two three. Four five.\n\n```\nnot prose at all\n```\n';
    expect(await metricsFromSource(source, { mdx: false })).toMatchObject({ words: 5, sentences: 2, longestSentence: 3 });
  });

  describe.skipIf(!styleAvailable())('agree with GNU style', () => {
    it.each(TEXTS)('within one grade on %s', async (path) => {
      const ours = await metricsFromSource(readFileSync(path, 'utf8'), { mdx: false });
      const theirs = styleKincaid(path);
      expect(Math.abs((ours?.fleschKincaidGrade ?? Number.NaN) - theirs)).toBeLessThanOrEqual(1);
    });
  });

  it('give the site header the same grade as the lint', async () => {
    const path = 'content/policies/greeting-customers.mdx';
    const source = readFileSync(path, 'utf8');
    const lint = await lintSource(path, source, { settings: lintSettingsSchema.parse({}), personalWords: '' });
    const body = source.replace(/^---[\s\S]*?\n---\n/, '');
    expect((await metricsFromSource(body, { mdx: true }))?.fleschKincaidGrade).toBe(lint.metrics?.fleschKincaidGrade);
  });
});

describe('reading metrics at the edges', () => {
  it('give a page without prose grade 0 and reading ease 100, not a division by zero', async () => {
    const empty = { words: 0, sentences: 0, syllables: 0, longestSentence: 0, wordsPerSentence: 0, fleschKincaidGrade: 0, fleschReadingEase: 100 };
    expect(fromCounts({ words: 0, sentences: 0, syllables: 0, longestSentence: 0 })).toEqual(empty);
    expect(await metricsFromSource('# Only a heading\n\n```\ncode is not prose\n```\n', { mdx: false })).toEqual(empty);
  });

  it('count a word with no syllables of its own, such as a number, as one, and add up every sentence', async () => {
    // call, 42, now: one each (42 has none of its own); beautiful: three; area: two.
    expect(await metricsFromSource('Call 42 now. Beautiful area.\n', { mdx: false })).toMatchObject({
      words: 5,
      sentences: 2,
      syllables: 8,
      longestSentence: 3,
      wordsPerSentence: 2.5,
    });
  });

  it('round each average and grade to hundredths', () => {
    // 10 / 3 words per sentence, 14 / 10 syllables per word.
    expect(fromCounts({ words: 10, sentences: 3, syllables: 14, longestSentence: 4 })).toMatchObject({
      wordsPerSentence: 3.33,
      fleschKincaidGrade: 2.23, // 0.39 × 3.333… + 11.8 × 1.4 − 15.59 = 2.2300
      fleschReadingEase: 85.01, // 206.835 − 1.015 × 3.333… − 84.6 × 1.4 = 85.0117
    });
  });
});

describe('sentence words', () => {
  /** A freshly parsed sentence, so no earlier test has read its words. */
  const parsedSentence = () => ((unified().use(retextEnglish).parse('Call us at 42, now.') as Root).children[0] as Paragraph).children[0] as Sentence;

  it('are the sentence’s words as written, without punctuation or spaces', () => {
    expect(sentenceWords(parsedSentence())).toEqual(['Call', 'us', 'at', '42', 'now']);
  });

  it('are read once per sentence: every rule that asks gets the same list', () => {
    const sentence = parsedSentence();
    expect(sentenceWords(sentence)).toBe(sentenceWords(sentence));
  });
});
