/**
 * `spell`: a word the dictionary (en-US, en-GB, en-AU or en-CA) and the team's word list do not
 * know. Skipped, because they are not words a dictionary can judge: acronyms of up to five
 * capitals (`UI`, `JSON`, `KPIs`), words with digits (`v2`, `24/7`), file names and paths
 * (`astro.config.mjs`, `src/lint`), web and e-mail addresses, and words in quotes or backticks.
 * Suggestions are computed only when a report will show them (`suggest`), once per word, and
 * never for capitalised words, which are names.
 */
import { isLiteral } from 'nlcst-is-literal';
import type { Root, Sentence, Word } from 'nlcst';
import { toString } from 'nlcst-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Speller } from '../speller.ts';
import { ruleUrl } from './rule-docs.ts';

export interface SpellOptions {
  speller: Speller;
  /** Words no rule flags (`ignoreWords` in the settings). */
  ignore: readonly string[];
  /** Work out "expected for example …" (slow: only when a report shows it). */
  suggest: boolean;
  /** Where a reader adds words, for the message. */
  wordList: string;
}

/** How many suggestions a message lists: the first are nspell's best. */
const MAX_SUGGESTIONS = 5;

/**
 * Acronyms are all capitals, with an optional plural `s`. Past five letters a capitalised word is
 * more likely shouting (`IMPORTANT`) than an acronym, and shouting is worth a look.
 */
const ACRONYM = /^[A-Z]{2,5}s?$/;
const HAS_DIGIT = /\d/;
/**
 * An unknown capitalised word is nearly always a name (a product, a place, a person): guessing a
 * spelling for it is noise, and slow (about 90 ms a word in nspell, most of a one-page lint).
 */
const CAPITALISED = /^\p{Lu}/u;
/**
 * Stretches of a sentence that are not words: web addresses, e-mail addresses, and file names or
 * paths (a slash between names, or a dot before a short lower-case extension). Each runs only on
 * a sentence with the character it needs: the path pattern backtracks over every run of letters,
 * and most sentences have no slash, `@` or inner dot at all.
 */
const NOT_WORDS: { needs: RegExp; pattern: RegExp }[] = [
  { needs: /:\/\/|www\./, pattern: /\b(?:https?:\/\/|www\.)[^\s<>]+/g },
  { needs: /@/, pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g },
  { needs: /\//, pattern: /[\w.-]*[A-Za-z][\w.-]*\/[\w./-]+/g },
  { needs: /\.[a-z]/, pattern: /\b[\w-]+(?:\.[\w-]+)*\.[a-z][a-z0-9]{0,4}\b/g },
];

const retextSpell: Plugin<[SpellOptions], Root> = ({ speller, ignore, suggest, wordList }) => {
  const ignored = new Set(ignore);
  const known = (word: string) => ignored.has(word) || ACRONYM.test(word) || HAS_DIGIT.test(word) || speller.correct(word);
  const isUnknown = (word: string) => {
    if (known(word)) return false;
    // `alpha-bravo` is right when `alpha` and `bravo` are.
    const parts = word.split('-').filter(Boolean);
    return parts.length < 2 || !parts.every(known);
  };
  return (tree, file) => {
    visit(tree, 'SentenceNode', (sentence: Sentence) => {
      const skipped = notWordRanges(sentence);
      let offset = 0;
      sentence.children.forEach((child, index) => {
        const text = toString(child);
        const start = offset;
        offset += text.length;
        if (child.type !== 'WordNode' || skipped.some(([from, to]) => start < to && offset > from)) return;
        if (isLiteral(sentence, index)) return;
        // A word can keep a sentence's full stop when the next thing is code or a component (`an icon.` before `` `tip` ``).
        const word = text.replace(/’/g, "'").replace(/(?<=[a-z])\.$/i, '');
        if (!isUnknown(word)) return;
        report(file, child, word, suggest && !CAPITALISED.test(word) ? speller.suggest(word).slice(0, MAX_SUGGESTIONS) : [], wordList);
      });
    });
  };
};

function notWordRanges(sentence: Sentence): [number, number][] {
  const text = toString(sentence);
  const ranges: [number, number][] = [];
  for (const { needs, pattern } of NOT_WORDS) {
    if (!needs.test(text)) continue;
    for (const match of text.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

function report(file: VFile, word: Word, actual: string, suggestions: string[], wordList: string): void {
  const expected = suggestions.length > 0 ? `expected for example ${suggestions.map((item) => `\`${item}\``).join(', ')}` : `expected a word the dictionary or ${wordList} knows`;
  const message = file.message(`Unexpected unknown word \`${actual}\`, ${expected}. Fix the spelling, or add the word to ${wordList}.`, {
    place: word.position,
    ruleId: 'spell',
    source: 'plainbook',
  });
  message.actual = actual;
  message.expected = suggestions;
  message.url = ruleUrl('spell');
}

export default retextSpell;
