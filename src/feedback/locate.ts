/**
 * Find the words a reporter quoted in a policy. Exact first; then ignoring differences in spaces,
 * line breaks and quote marks (copying from a web page turns "straight" quotes curly). When the
 * words appear more than once, the section heading the reporter named picks one.
 */
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parseDocument, type Flavour } from '../markdown/syntax.ts';
import { foldText, type FoldStep } from '../text/fold.ts';
import { straightQuote } from '../text/typography.ts';

/** A heading of the page: where it starts in the file, and its words as the page shows them. */
export interface SectionHeading {
  start: number;
  text: string;
}

export interface Match {
  start: number;
  end: number;
  /** The heading above the match, if any. */
  section?: string | undefined;
}

export type LocateResult =
  | { found: true; match: Match; how: 'exact' | 'loose' }
  | { found: false; reason: 'not-found' | 'ambiguous'; candidates: number; sections: string[] };

/** The text with runs of white space folded to one space and quotes made straight. */
const looseStep: FoldStep = (character, foldedSoFar) => {
  if (!/\s/.test(character)) return straightQuote(character);
  return foldedSoFar.endsWith(' ') || foldedSoFar.length === 0 ? '' : ' ';
};

function allIndexes(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let index = haystack.indexOf(needle); index !== -1; index = haystack.indexOf(needle, index + 1)) found.push(index);
  return found;
}

/**
 * The page's headings, each as plain text: the page and the form name a section by what it reads
 * (`When to say no`), not by its Markdown (`When to say **no**`). Undefined when the page does
 * not parse, so no section can be told.
 */
export function sectionHeadings(text: string, flavour: Flavour): SectionHeading[] | undefined {
  let tree;
  try {
    tree = parseDocument(text, flavour);
  } catch {
    return undefined;
  }
  const headings: SectionHeading[] = [];
  visit(tree, 'heading', (heading: Heading) => {
    headings.push({ start: heading.position?.start.offset ?? 0, text: toString(heading, { includeHtml: false }).trim() });
  });
  return headings;
}

function headingAbove(headings: readonly SectionHeading[], offset: number): string | undefined {
  return headings.findLast((heading) => heading.start < offset)?.text;
}

function sameSection(a: string | undefined, b: string): boolean {
  const simplify = (value: string) => foldText([value.replace(/^#+\s*/, '')], looseStep).text.toLowerCase();
  return a !== undefined && simplify(a) === simplify(b);
}

/**
 * Look for `quote` in `text` from offset `from` (the body, after the frontmatter), under
 * `headings` (see sectionHeadings; by default the page's, read as Markdown).
 */
export function locate(text: string, quote: string, section: string | undefined, options: { from?: number; headings?: readonly SectionHeading[] } = {}): LocateResult {
  const { from = 0, headings = sectionHeadings(text, 'md') ?? [] } = options;
  const body = text.slice(from);
  const trimmed = quote.trim();
  // An empty needle is found at every offset.
  if (trimmed === '') return { found: false, reason: 'not-found', candidates: 0, sections: [] };
  let matches: Match[] = allIndexes(body, trimmed).map((start) => ({ start: from + start, end: from + start + trimmed.length }));
  let how: 'exact' | 'loose' = 'exact';
  if (matches.length === 0) {
    how = 'loose';
    const source = foldText([body], looseStep);
    const wanted = foldText([trimmed], looseStep).text;
    matches = wanted
      ? allIndexes(source.text, wanted).map((start) => ({
          start: from + (source.origins[start]?.start ?? 0),
          end: from + (source.origins[start + wanted.length - 1]?.end ?? 0),
        }))
      : [];
  }
  matches = matches.map((match) => ({ ...match, section: headingAbove(headings, match.start) }));
  if (matches.length > 1 && section) {
    const inSection = matches.filter((match) => sameSection(match.section, section));
    if (inSection.length > 0) matches = inSection;
  }
  const [only] = matches;
  if (matches.length === 1 && only) return { found: true, match: only, how };
  return {
    found: false,
    reason: matches.length === 0 ? 'not-found' : 'ambiguous',
    candidates: matches.length,
    sections: [...new Set(matches.map((match) => match.section ?? '(top of the page)'))],
  };
}

/** The paragraph (text between blank lines) around an offset: what the reading grade is measured on. */
export function paragraphAround(text: string, start: number, end = start): string {
  const before = text.lastIndexOf('\n\n', start);
  const after = text.indexOf('\n\n', end);
  return text.slice(before === -1 ? 0 : before + 2, after === -1 ? text.length : after).trim();
}
