/**
 * Syllable counts, remembered per word. Counting is the costly part of every readability number
 * (the `syllable` package tries dozens of patterns per word), and a handbook uses a few thousand
 * distinct words, so the page metrics and the readability rule share one count per word.
 */
import { syllable } from 'syllable';

/** Enough for any real vocabulary; a generated or hostile text cannot grow the memo past it. */
const MAX_REMEMBERED = 50_000;
const counts = new Map<string, number>();

export function syllables(word: string): number {
  let count = counts.get(word);
  if (count === undefined) {
    count = syllable(word);
    if (counts.size >= MAX_REMEMBERED) counts.clear();
    counts.set(word, count);
  }
  return count;
}
