/**
 * Untrusted words (a feedback suggestion, an imported document) as Markdown that renders exactly
 * those words and parses as nothing but text: no link, image, HTML, JSX, expression, heading,
 * list, table or code. The words are written as an mdast text node by mdast-util-to-markdown with
 * the extensions of the handbook's own syntax, which escapes each character only where it could
 * start a construct; we add the few places it cannot know about.
 */
import type { Paragraph, Root } from 'mdast';
import { toMarkdown, type Handle } from 'mdast-util-to-markdown';
import { visit } from 'unist-util-visit';
import { satteriTree } from './satteri-parse.ts';
import { parseDocument, writeOptions, type Flavour } from './syntax.ts';

/**
 * Where the words will stand, which decides what their line breaks may do:
 * - `flow`: a whole paragraph, or text right in one, at the top of the page: a blank line starts a
 *   new paragraph, as the writer meant.
 * - `inline`: anywhere else (a heading, a table cell, a list item, a quote, a component, a link):
 *   every line break becomes a space. A line break inside a paragraph shows as a space anyway,
 *   and in a heading, a cell or a one-line component it would end the construct.
 */
export type Placement = 'flow' | 'inline';

export interface PlainTextOptions {
  flavour: Flavour;
  placement: Placement;
  /** The character the words will be followed by in the document (`[` after `!` makes an image). */
  after?: string;
  /**
   * mdast-util-to-markdown constructs the words stand in, each with escapes of its own: `label`
   * (link text, where `]` ends it), `headingAtx` (a closing `#`), `tableCell` (`|` ends the cell).
   */
  within?: readonly string[];
}

// Bidirectional controls can make text read differently from what it is (CVE-2021-42574).
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// Characters that show nothing, so a reviewer cannot see them: zero-width space, word joiner and
// invisible operators, byte-order mark, soft hyphen, tag characters. Zero-width (non-)joiners stay:
// emoji and some scripts need them.
const INVISIBLE = /[\u00AD\u200B\u2060-\u2064\uFEFF]|[\u{E0000}-\u{E007F}]/gu;
// Line and paragraph separators, and NEL, end lines in other systems: here they are `\n`.
const LINE_ENDINGS = /\r\n?|[\u0085\u2028\u2029]/g;
// NUL and other C0 and C1 controls except tab and newline have no place in prose.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Untrusted text without the characters that hide what it says; line endings made `\n`. */
export function stripControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(INVISIBLE, '').replace(LINE_ENDINGS, '\n').replace(CONTROL_CHARACTERS, '');
}

interface PlainTextNode {
  type: 'plainbookText';
  value: string;
  after: string;
  within: readonly string[];
}

/**
 * Every piece starts as if at the start of a line: the words may land right after a list marker
 * or at a line's start, and an escape that turns out not to be needed still renders as the
 * character itself.
 */
const plainbookText: Handle = (node: PlainTextNode, _parent, state, info) => {
  const exits = node.within.map((construct) => state.enter(construct as Parameters<typeof state.enter>[0]));
  const value = state.safe(node.value, { ...info, before: '\n', after: node.after });
  for (const exit of exits.reverse()) exit();
  return value;
};

/**
 * `text` as Markdown for `placement`; render it and you get `text` back (white space folded as
 * HTML does, and an invisible word joiner inside any web or e-mail address, see below).
 * Undefined in the pathological case where addresses nested in addresses keep turning into links.
 */
export function plainTextToMarkdown(text: string, options: PlainTextOptions): string | undefined {
  const paragraphs = splitForPlacement(stripControls(text), options.placement);
  let markdown = serialise(paragraphs, options);
  // GFM links bare addresses (`https://…`, `www.…`, `a@b.org`) by searching the text *after*
  // escapes are read, so no escape stops it. A word joiner (U+2060: invisible, no width) after the
  // address's first character does. The parsers themselves find the addresses, so we follow
  // their rules: micromark's, which the guard reads with, and Sätteri's, which renders the site
  // and links a few addresses micromark does not (`http://.example`).
  for (let round = 0; round < MAX_ADDRESS_ROUNDS; round++) {
    const addresses = linkedTexts(markdown, options.flavour);
    if (addresses.length === 0) return markdown.replaceAll(WORD_JOINER, WORD_JOINER_REFERENCE);
    let broken = false;
    for (const address of addresses) {
      const place = placeOf(paragraphs, address);
      if (!place) continue;
      paragraphs[place.index] = paragraphs[place.index]?.replace(place.text, breakAddress(place.text)) ?? '';
      broken = true;
    }
    // A link made of our escapes and the words around them, not of the words: we cannot break it.
    if (!broken) return undefined;
    markdown = serialise(paragraphs, options);
  }
  return undefined;
}

/** Where an address stands in the words. Its link text may hold an escape we wrote (`www.\<`): then as the words have it. */
function placeOf(paragraphs: readonly string[], address: string): { index: number; text: string } | undefined {
  for (const text of new Set([address, address.replaceAll('\\', '')])) {
    const index = text === '' ? -1 : paragraphs.findIndex((paragraph) => paragraph.includes(text));
    if (index !== -1) return { index, text };
  }
  return undefined;
}

/** Before the `@` of an e-mail address (after its first letter, the rest would still link); else after the first character. */
function breakAddress(address: string): string {
  const at = address.indexOf('@');
  const cut = at > 0 && !address.includes('://') ? at : 1;
  return `${address.slice(0, cut)}${WORD_JOINER}${address.slice(cut)}`;
}

const WORD_JOINER = '\u2060';
// Written as a reference so a reviewer of the pull request can see it.
const WORD_JOINER_REFERENCE = '&#x2060;';
/** Each round breaks every address found; one more round only when breaking one revealed another. */
const MAX_ADDRESS_ROUNDS = 100;

/** The text of every link either parser finds in `markdown`, the words alone on a page. */
function linkedTexts(markdown: string, flavour: Flavour): string[] {
  const texts: string[] = [];
  for (const parse of [parseDocument, (text: string, as: Flavour) => satteriTree(text, as, { position: false })]) {
    visit(parseAlone(markdown, flavour, parse), 'link', (link) => {
      texts.push(link.children.map((child) => ('value' in child ? child.value : '')).join(''));
    });
  }
  return texts;
}

/**
 * The words parsed alone, away from the page around them. Alone, an MDX tag the page would read
 * as escaped can fail to parse (`www.\<!` is an address, then `<!`); addresses are GFM's and the
 * same in Markdown, so they are looked for there instead. The guard parses the whole page after.
 */
function parseAlone(markdown: string, flavour: Flavour, parse: (text: string, flavour: Flavour) => Root): Root {
  try {
    return parse(markdown, flavour);
  } catch {
    return parse(markdown, 'md');
  }
}

function serialise(paragraphs: readonly string[], options: PlainTextOptions): string {
  const tree: Root = {
    type: 'root',
    children: paragraphs.map(
      (value, index): Paragraph => ({
        type: 'paragraph',
        children: [{ type: 'plainbookText', value, after: index === paragraphs.length - 1 ? (options.after ?? '') : '\n', within: options.within ?? [] } as unknown as Paragraph['children'][number]],
      }),
    ),
  };
  const markdown = toMarkdown(tree, { ...writeOptions(options.flavour), handlers: { plainbookText } as never });
  return markdown.replace(/\n$/, '');
}

function splitForPlacement(text: string, placement: Placement): string[] {
  const trimmed = text.trim();
  return placement === 'flow' ? trimmed.split(/\n[ \t]*\n\s*/) : [trimmed.replace(/\s*\n\s*/g, ' ')];
}
