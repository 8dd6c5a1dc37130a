/**
 * Reading metrics, computed once here and used everywhere a grade is shown: the lint, the
 * policy page header and the feedback pull request body.
 */
import type { Root as NlcstRoot, Sentence } from 'nlcst';
import { toString } from 'nlcst-to-string';
import type { Plugin } from 'unified';
import { syllables as syllablesIn } from './syllables.ts';
import type { VFile } from 'vfile';
import { proseSentences } from './prose.ts';

export interface ReadingMetrics {
  words: number;
  sentences: number;
  syllables: number;
  wordsPerSentence: number;
  /** Words in the longest sentence. */
  longestSentence: number;
  /** Flesch-Kincaid grade: 0.39 × words/sentence + 11.8 × syllables/word − 15.59. */
  fleschKincaidGrade: number;
  /** Flesch reading ease: 206.835 − 1.015 × words/sentence − 84.6 × syllables/word. */
  fleschReadingEase: number;
}

declare module 'vfile' {
  interface DataMap {
    metrics: ReadingMetrics;
  }
}

/** Retext plugin: store the page's metrics on the file for rules and reports. */
export const retextMetrics: Plugin<[], NlcstRoot> = () => (tree, file) => {
  file.data.metrics = readingMetrics(tree, file);
};

const wordsBySentence = new WeakMap<Sentence, string[]>();

/**
 * The words of a sentence (words are the sentence's own children in nlcst). The metrics, the
 * readability rule and the sentence-length rule all ask; the words are read once per sentence.
 */
export function sentenceWords(sentence: Sentence): string[] {
  const cached = wordsBySentence.get(sentence);
  if (cached) return cached;
  const words: string[] = [];
  for (const child of sentence.children) if (child.type === 'WordNode') words.push(toString(child));
  wordsBySentence.set(sentence, words);
  return words;
}

export function readingMetrics(tree: NlcstRoot, file: VFile): ReadingMetrics {
  let words = 0;
  let syllables = 0;
  let longestSentence = 0;
  const sentences = proseSentences(tree, file);
  for (const sentence of sentences) {
    const sentenceWordList = sentenceWords(sentence);
    words += sentenceWordList.length;
    syllables += sentenceWordList.reduce((sum, word) => sum + Math.max(1, syllablesIn(word)), 0);
    longestSentence = Math.max(longestSentence, sentenceWordList.length);
  }
  return fromCounts({ words, sentences: sentences.length, syllables, longestSentence });
}

export function fromCounts(counts: { words: number; sentences: number; syllables: number; longestSentence: number }): ReadingMetrics {
  const { words, sentences, syllables } = counts;
  if (words === 0 || sentences === 0) {
    return { ...counts, wordsPerSentence: 0, fleschKincaidGrade: 0, fleschReadingEase: 100 };
  }
  const wordsPerSentence = words / sentences;
  const syllablesPerWord = syllables / words;
  return {
    ...counts,
    wordsPerSentence: round(wordsPerSentence),
    fleschKincaidGrade: round(0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59),
    fleschReadingEase: round(206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export interface HardSentence {
  line: number;
  column: number;
  /** Flesch-Kincaid grade of this sentence alone. */
  grade: number;
  words: number;
  text: string;
}

declare module 'vfile' {
  interface DataMap {
    hardestSentences: HardSentence[];
  }
}

/**
 * Below this many words a sentence's grade says little (one long word moves it by grades); the
 * readability rule skips such sentences for the same reason.
 */
export const MIN_WORDS_FOR_SENTENCE_GRADE = 8;

/** Sentences ranked hardest first by their own Flesch-Kincaid grade, for "where to start rewriting". */
export function hardestSentences(tree: NlcstRoot, file: VFile, count: number): HardSentence[] {
  const graded: HardSentence[] = [];
  for (const sentence of proseSentences(tree, file)) {
    const words = sentenceWords(sentence);
    if (words.length < MIN_WORDS_FOR_SENTENCE_GRADE) continue;
    const syllables = words.reduce((sum, word) => sum + Math.max(1, syllablesIn(word)), 0);
    const { fleschKincaidGrade } = fromCounts({ words: words.length, sentences: 1, syllables, longestSentence: words.length });
    const start = sentence.position?.start;
    graded.push({ line: start?.line ?? 1, column: start?.column ?? 1, grade: fleschKincaidGrade, words: words.length, text: toString(sentence).replace(/\s+/g, ' ').trim() });
  }
  return graded.sort((a, b) => b.grade - a.grade || b.words - a.words || a.line - b.line).slice(0, count);
}

/** Retext plugin: keep the hardest sentences on the file, for reports that show them. */
export const retextHardestSentences: Plugin<[{ count: number }], NlcstRoot> = ({ count }) => (tree, file) => {
  file.data.hardestSentences = hardestSentences(tree, file, count);
};

// In a module of their own: the check page shows grades without loading the lint.
export { formatGrade, shownGrade } from './shown-grade.ts';
