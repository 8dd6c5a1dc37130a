import { describe, expect, it } from 'vitest';
import { lintSource, type LintContext } from '../../src/lint/lint-file.ts';
import { loadSpeller } from '../../src/lint/speller.ts';
import type { LintLanguage } from '../../src/schema/lint.ts';
import { onlyRules } from '../helpers/lint.ts';

function spelling(language: LintLanguage = 'en-US', suggest = false): LintContext {
  const context = onlyRules('spell');
  context.settings.language = language;
  return { ...context, suggest };
}

async function unknownWords(text: string, context = spelling()): Promise<string[]> {
  return (await lintSource('page.md', text, context)).messages.map((message) => message.actual ?? '');
}

describe('spell', () => {
  it('skips acronyms of up to five capitals, words with digits, file names, paths and addresses', async () => {
    const text = [
      'The UI shows JSON, SSR, HTTPS and KPIs, and v2 runs 24x7.',
      'Edit astro.config.mjs and src/lintz/clii.ts, then open https://examplez.com/pagez?q=frobnicate or www.zorblat.com.',
      'Mail zorblat@examplez.com today.',
    ].join('\n\n');
    expect(await unknownWords(text)).toEqual([]);
  });

  it('still flags shouting past five capitals, and misspellings around what it skips', async () => {
    expect(await unknownWords('Say PLEASEE to the UI folks. Open colr.txt, not the colr.')).toEqual(['PLEASEE', 'colr']);
  });

  it('checks a word without the full stop that parsing left on it before code', async () => {
    expect(await unknownWords('- Notes show an icon.\n- `tip` shows a rocket icn.\n')).toEqual(['icn']);
  });

  it('checks the words of a hyphenated word when the whole is unknown', async () => {
    expect(await unknownWords('A well-known, front-of-house, well-knwon rule.')).toEqual(['well-knwon']);
  });

  it('skips words in quotes, as examples', async () => {
    expect(await unknownWords('Never write "recieve" in a reply.')).toEqual([]);
  });

  it('knows the English it is told: colour in en-GB, en-AU and en-CA, color in en-US', async () => {
    const text = 'Pick a colour and a color.';
    expect(await unknownWords(text, spelling('en-US'))).toEqual(['colour']);
    expect(await unknownWords(text, spelling('en-GB'))).toEqual(['color']);
    expect(await unknownWords(text, spelling('en-AU'))).toEqual(['color']);
    expect(await unknownWords(text, spelling('en-CA'))).toEqual(['color']);
  });

  it('computes suggestions only when asked, and says where to add the word either way', async () => {
    const quiet = (await lintSource('page.md', 'Say helo.', spelling())).messages[0];
    expect(quiet?.reason).toBe('Unexpected unknown word `helo`, expected a word the dictionary or words.txt knows. Fix the spelling, or add the word to words.txt.');
    expect(quiet?.expected).toBeUndefined();
    const helpful = (await lintSource('page.md', 'Say helo.', spelling('en-US', true))).messages[0];
    expect(helpful?.reason).toMatch(/^Unexpected unknown word `helo`, expected for example `hello`(, `[a-z]+`){0,4}\. Fix the spelling, or add the word to words\.txt\.$/);
    expect(helpful?.expected?.[0]).toBe('hello');
    expect(helpful?.expected?.length).toBeLessThanOrEqual(5);
  });

  it('does not guess at capitalised words, which are names, even when suggesting', async () => {
    const messages = (await lintSource('page.md', 'Ask Zorblatt about helo.', spelling('en-US', true))).messages;
    expect(messages.map((message) => [message.actual, message.expected?.length ?? 0])).toEqual([
      ['Zorblatt', 0],
      ['helo', expect.any(Number)],
    ]);
    expect(messages[1]?.expected?.length).toBeGreaterThan(0);
    expect(messages[0]?.reason).toBe('Unexpected unknown word `Zorblatt`, expected a word the dictionary or words.txt knows. Fix the spelling, or add the word to words.txt.');
  });

  it('asks the dictionary once per word, and once per word for suggestions', async () => {
    const speller = await loadSpeller('en-US', 'Zorblat-test-cache');
    const first = speller.suggest('helo');
    expect(speller.suggest('helo')).toBe(first);
    expect(speller.correct('hello')).toBe(true);
    expect(await loadSpeller('en-US', 'Zorblat-test-cache')).toBe(speller);
  });
});
