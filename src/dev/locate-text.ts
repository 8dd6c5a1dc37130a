/**
 * Finding a lint message's words on the rendered page. The page is not the source: Markdown marks
 * are gone, quotes are curled (smartypants), spaces fold, and components add text around the
 * prose. So both sides are compared as letters and digits only, lower-cased, and the match is
 * mapped back to the text nodes it came from. Pure functions, so they are tested without a browser.
 */
import { foldText, type FoldStep } from '../text/fold.ts';

export interface TextPoint {
  /** Index of the text segment (one per text node, in document order). */
  segment: number;
  offset: number;
}

const KEPT = /[\p{L}\p{N}]/u;

/** Letters and digits only, lower-cased. */
const lettersAndDigits: FoldStep = (character) => (KEPT.test(character) ? character.toLowerCase() : '');

/** Needles shorter than this match too easily by chance; a click then goes nowhere rather than astray. */
const MIN_FOLDED_LENGTH = 2;

/**
 * Where `needle` is in the text of `segments`, as a start and an end (just past the last
 * character); the `occurrence`-th match (0 first) when the same words appear more than once.
 */
export function findText(segments: readonly string[], needle: string, occurrence = 0): { start: TextPoint; end: TextPoint } | undefined {
  const haystack = foldText(segments, lettersAndDigits);
  const wanted = foldText([needle], lettersAndDigits).text;
  if (wanted.length < MIN_FOLDED_LENGTH) return undefined;
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    index = haystack.text.indexOf(wanted, index + 1);
    if (index === -1) return undefined;
  }
  const first = haystack.origins[index];
  const last = haystack.origins[index + wanted.length - 1];
  if (!first || !last) return undefined;
  return { start: { segment: first.segment, offset: first.start }, end: { segment: last.segment, offset: last.end } };
}
