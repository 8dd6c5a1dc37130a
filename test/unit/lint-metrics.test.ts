import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../../src/lint/lint-file.ts';
import { fromCounts } from '../../src/lint/metrics.ts';
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
