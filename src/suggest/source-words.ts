/**
 * From words a reader selected on the page back to the same words in the Markdown source, so
 * the feedback form gets them as written ("**must** always", not "must always") and the feedback
 * step finds them exactly. The page's text is the source without its marks, with a few
 * characters typeset (curly quotes, dashes, ellipses); this walks both in step.
 */
import { DOUBLE_QUOTES, SINGLE_QUOTES, straightQuote } from '../text/typography.ts';

/**
 * Typeset characters and what the source wrote for them (smartypants, which Astro runs): the
 * straight mark, or the typeset one itself when the editor typed it so.
 */
const TYPESET: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries([...SINGLE_QUOTES, ...DOUBLE_QUOTES].map((mark) => [mark, [straightQuote(mark), mark]])),
  '–': ['--', '–'],
  '—': ['---', '—'],
  '…': ['...', '…'],
};

const isSpace = (character: string | undefined) => character !== undefined && /\s/.test(character);

/** How many source characters from `at` stand for the rendered character; 0 when they do not. */
function matchAt(source: string, at: number, character: string): number {
  if (isSpace(character)) {
    let end = at;
    while (isSpace(source[end])) end++;
    return end - at;
  }
  for (const written of TYPESET[character] ?? [character]) if (source.startsWith(written, at)) return written.length;
  return 0;
}

/**
 * For each rendered character, where it starts in the source and how long it is there. Marks,
 * link targets and escapes in the source are skipped; a character the source does not have
 * (text a component added) maps to where the walk stands.
 */
export function alignToSource(rendered: string, source: string): { start: number; length: number }[] {
  const map: { start: number; length: number }[] = [];
  let at = 0;
  for (const character of rendered) {
    let found = -1;
    let length = 0;
    for (let probe = at; probe < source.length; probe++) {
      length = matchAt(source, probe, character);
      if (length > 0) {
        found = probe;
        break;
      }
    }
    if (found === -1) {
      map.push({ start: at, length: 0 });
      continue;
    }
    map.push({ start: found, length });
    at = found + length;
  }
  return map;
}

/** Emphasis and code marks that open or close right at the edge of a selection. */
const MARK = /[*_~`]/;

/**
 * The source for rendered characters `from`–`to` (end exclusive) of a block, widened over marks
 * at its edges so emphasis stays whole (`**must**`), trimmed of spaces.
 */
export function sourceWords(rendered: string, source: string, from: number, to: number): string {
  const characters = [...rendered];
  const map = alignToSource(rendered, source);
  // Offsets from the DOM count UTF-16 units; the map counts characters.
  const index = (offset: number) => [...rendered.slice(0, offset)].length;
  const first = map[index(from)];
  const last = map[Math.min(index(to), characters.length) - 1];
  if (!first || !last) return '';
  let start = first.start;
  let end = last.start + last.length;
  while (start > 0 && MARK.test(source[start - 1] ?? '')) start--;
  while (end < source.length && MARK.test(source[end] ?? '')) end++;
  return source.slice(start, end).trim();
}
