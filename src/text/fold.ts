/**
 * Text made comparable (spaces folded, quotes straightened, case dropped), keeping where each
 * character of the result came from, so a match in the folded text maps back to the original.
 * Walks code points, so a character outside the Basic Multilingual Plane is never cut in half.
 */

/** Where one code unit of the folded text came from: a segment, and the span of the character there. */
export interface FoldOrigin {
  segment: number;
  start: number;
  end: number;
}

export interface Folded {
  text: string;
  /** One per code unit of `text`, so an index into `text` is an index here. */
  origins: FoldOrigin[];
}

/** What a character becomes in the folded text ('' drops it), given the folded text so far. */
export type FoldStep = (character: string, foldedSoFar: string) => string;

export function foldText(segments: readonly string[], step: FoldStep): Folded {
  let text = '';
  const origins: FoldOrigin[] = [];
  segments.forEach((segment, index) => {
    let start = 0;
    for (const character of segment) {
      const end = start + character.length;
      const replacement = step(character, text);
      text += replacement;
      for (let unit = 0; unit < replacement.length; unit++) origins.push({ segment: index, start, end });
      start = end;
    }
  });
  return { text, origins };
}
