/**
 * Finding a lint message's words on the rendered page. The page is not the source: Markdown marks
 * are gone, quotes are curled (smartypants), spaces fold, and components add text around the
 * prose. So both sides are compared as letters and digits only, lower-cased, and the match is
 * mapped back to the text nodes it came from. Pure functions, so they are tested without a browser.
 */

export interface TextPoint {
  /** Index of the text segment (one per text node, in document order). */
  segment: number;
  offset: number;
}

interface Folded {
  text: string;
  /** For each folded character, where it came from. */
  points: TextPoint[];
}

const KEPT = /[\p{L}\p{N}]/u;

function fold(segments: readonly string[]): Folded {
  let text = '';
  const points: TextPoint[] = [];
  segments.forEach((segment, index) => {
    let offset = 0;
    for (const character of segment) {
      if (KEPT.test(character)) {
        const lower = character.toLowerCase();
        text += lower;
        // One point per code unit, so an index into `text` is an index into `points`.
        for (let unit = 0; unit < lower.length; unit++) points.push({ segment: index, offset });
      }
      offset += character.length;
    }
  });
  return { text, points };
}

/** Needles shorter than this match too easily by chance; a click then goes nowhere rather than astray. */
const MIN_FOLDED_LENGTH = 2;

/**
 * Where `needle` is in the text of `segments`, as a start and an end (just past the last
 * character); the `occurrence`-th match (0 first) when the same words appear more than once.
 */
export function findText(segments: readonly string[], needle: string, occurrence = 0): { start: TextPoint; end: TextPoint } | undefined {
  const haystack = fold(segments);
  const wanted = fold([needle]).text;
  if (wanted.length < MIN_FOLDED_LENGTH) return undefined;
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    index = haystack.text.indexOf(wanted, index + 1);
    if (index === -1) return undefined;
  }
  const first = haystack.points[index];
  const last = haystack.points[index + wanted.length - 1];
  if (!first || !last) return undefined;
  const lastSegment = segments[last.segment] ?? '';
  const lastLength = (lastSegment.codePointAt(last.offset) ?? 0) > 0xffff ? 2 : 1;
  return { start: first, end: { segment: last.segment, offset: last.offset + lastLength } };
}
