/**
 * The spell check's dictionary, one per language and word list per thread, with every answer
 * kept: a handbook repeats its words (and its unknown words) on every page, and suggestions are
 * nspell's slow part, by far.
 */
import nspell from 'nspell';
import type { LintLanguage } from '../schema/lint.ts';

/** Hunspell dictionaries from wooorm/dictionaries, loaded only for the language in use. */
const DICTIONARIES: Record<LintLanguage, () => Promise<{ default: { aff: Uint8Array; dic: Uint8Array } }>> = {
  'en-US': () => import('dictionary-en'),
  'en-GB': () => import('dictionary-en-gb'),
  'en-AU': () => import('dictionary-en-au'),
  'en-CA': () => import('dictionary-en-ca'),
};

export interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

const spellers = new Map<string, Promise<Speller>>();

export function loadSpeller(language: LintLanguage, personalWords: string): Promise<Speller> {
  const key = `${language}\n${personalWords}`;
  let speller = spellers.get(key);
  if (!speller) {
    speller = makeSpeller(language, personalWords);
    spellers.set(key, speller);
  }
  return speller;
}

async function makeSpeller(language: LintLanguage, personalWords: string): Promise<Speller> {
  const { aff, dic } = (await DICTIONARIES[language]()).default;
  const checker = nspell({ aff: Buffer.from(aff), dic: Buffer.from(dic) });
  if (personalWords) checker.personal(personalWords);
  const known = new Map<string, boolean>();
  const suggestions = new Map<string, string[]>();
  return {
    correct(word) {
      let answer = known.get(word);
      if (answer === undefined) {
        answer = checker.correct(word);
        known.set(word, answer);
      }
      return answer;
    },
    suggest(word) {
      let answer = suggestions.get(word);
      if (!answer) {
        answer = checker.suggest(word);
        suggestions.set(word, answer);
      }
      return answer;
    },
  };
}
