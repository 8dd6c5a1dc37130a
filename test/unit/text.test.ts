import { describe, expect, it } from 'vitest';
import { foldText, type FoldStep } from '../../src/text/fold.ts';
import { plural } from '../../src/text/plural.ts';
import { DOUBLE_QUOTES, SINGLE_QUOTES, straightenQuotes, straightQuote } from '../../src/text/typography.ts';

describe('folding text', () => {
  const upper: FoldStep = (character) => (character === ' ' ? '' : character.toUpperCase());

  it('maps each code unit of the result back to its segment and the span of its character', () => {
    expect(foldText(['a b', 'c'], upper)).toEqual({
      text: 'ABC',
      origins: [
        { segment: 0, start: 0, end: 1 },
        { segment: 0, start: 2, end: 3 },
        { segment: 1, start: 0, end: 1 },
      ],
    });
  });

  it('never cuts a character outside the Basic Multilingual Plane in half', () => {
    const folded = foldText(['x👋y'], (character) => character);
    expect(folded.text).toBe('x👋y');
    expect(folded.origins.map(({ start, end }) => [start, end])).toEqual([[0, 1], [1, 3], [1, 3], [3, 4]]);
  });

  it('lets a step see what it folded so far, and give several units for one character', () => {
    const spaces: FoldStep = (character, soFar) => (character !== ' ' ? character : soFar.endsWith(' ') ? '' : ' ');
    expect(foldText(['a   b'], spaces).text).toBe('a b');
    const folded = foldText(['ß'], (character) => character.toUpperCase());
    expect(folded).toEqual({ text: 'SS', origins: [{ segment: 0, start: 0, end: 1 }, { segment: 0, start: 0, end: 1 }] });
  });
});

describe('quote marks', () => {
  it('straightens every typeset single and double quote, and nothing else', () => {
    expect(SINGLE_QUOTES.map(straightQuote)).toEqual(["'", "'", "'", "'", "'"]);
    expect(DOUBLE_QUOTES.map(straightQuote)).toEqual(['"', '"', '"', '"', '"']);
    expect(straightQuote('–')).toBe('–');
    expect(straightenQuotes('‘Don’t’ „go“ 5′ 6″ – ok')).toBe(`'Don't' "go" 5' 6" – ok`);
  });
});

describe('plural', () => {
  it('counts as a reader writes numbers, with the noun to match', () => {
    expect([0, 1, 2, 1200].map((count) => plural(count, 'word'))).toEqual(['0 words', '1 word', '2 words', '1,200 words']);
  });
});
