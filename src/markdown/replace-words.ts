/**
 * Put untrusted words in place of a stretch of a policy's prose, as plain text. The stretch must
 * be prose: inside one paragraph, heading, list item or table cell, not cutting through a link,
 * emphasis or component, and holding no code, component or expression. The result is parsed
 * again and refused unless the new words added nothing but text.
 */
import type { Node, Parent, Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import { plainTextToMarkdown, type Placement } from './plain-text.ts';
import { satteriTree } from './satteri-parse.ts';
import { parseDocument, type Flavour } from './syntax.ts';

export type ReplaceRefusal =
  /** The stretch cuts through formatting, or spans more than one block. */
  | 'crosses-markup'
  /** The stretch is (or holds) code, a component, an expression or frontmatter. */
  | 'not-prose'
  /** The document does not parse as it is, so where the words stand cannot be known. */
  | 'unparsable'
  /** The written result would add something other than text (a guard; escaping should prevent it). */
  | 'unsafe';

export type ReplaceResult = { ok: true; text: string; start: number; end: number } | { ok: false; reason: ReplaceRefusal };

/** Where nothing is prose: replacing inside these would change code, not words. */
const NOT_PROSE = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'definition', 'footnoteDefinition', 'image', 'imageReference']);
/** Components hold prose in their children, but never in their tags or attributes. */
const HOLDS_PROSE_IN_CHILDREN = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);

interface Located {
  node: Node;
  ancestors: Parent[];
}

export function replaceWithPlainText(source: string, range: { start: number; end: number }, words: string, flavour: Flavour): ReplaceResult {
  let tree: Root;
  try {
    tree = parseDocument(source, flavour);
  } catch {
    return { ok: false, reason: 'unparsable' };
  }
  // A backslash escapes the character after it: it goes with that character, in or out.
  let start = escapesNext(source, range.start) ? range.start - 1 : range.start;
  const end = escapesNext(source, range.end) ? range.end - 1 : range.end;
  const located = deepestContaining(tree, start, end);
  const problem = checkProse(source, tree, located, start, end);
  if (problem) return { ok: false, reason: problem };

  const placement = placementOf(located);
  let replacement = plainTextToMarkdown(words, { flavour, placement, after: source.charAt(end), within: escapingConstructs(source, located) });
  if (replacement === undefined) return { ok: false, reason: 'unsafe' };
  // A backslash left just before the new words would escape their first character.
  if (oddBackslashesBefore(source, start) && /^[!-/:-@[-`{-~]/.test(replacement)) {
    start -= 1;
    replacement = `\\\\${replacement}`;
  }
  // `&` just before the new words could join them into a character reference (`&` + `lt;`).
  if (source.charAt(start - 1) === '&' && /^[#A-Za-z0-9]/.test(replacement)) replacement = `${characterReference(replacement)}${replacement.slice(1)}`;
  const text = `${source.slice(0, start)}${replacement}${source.slice(end)}`;
  const newEnd = start + replacement.length;
  const verified = addsOnlyText(tree, text, flavour, start, newEnd, chainOf(located), placement) && rendersOnlyText(source, text, flavour, { start, end }, newEnd, placement);
  return verified ? { ok: true, text, start, end: newEnd } : { ok: false, reason: 'unsafe' };
}

const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;

function oddBackslashesBefore(source: string, offset: number): boolean {
  let run = 0;
  while (source.charAt(offset - run - 1) === '\\') run++;
  return run % 2 === 1;
}

/** CommonMark: a backslash escapes the next character only when it is ASCII punctuation. */
function escapesNext(source: string, offset: number): boolean {
  return oddBackslashesBefore(source, offset) && ASCII_PUNCTUATION.test(source.charAt(offset));
}

function characterReference(text: string): string {
  return `&#x${(text.codePointAt(0) ?? 0).toString(16).toUpperCase()};`;
}

function offsets(node: Node): [number, number] | undefined {
  const { start, end } = node.position ?? {};
  return start?.offset === undefined || end?.offset === undefined ? undefined : [start.offset, end.offset];
}

function deepestContaining(tree: Root, start: number, end: number): Located {
  let found: Located = { node: tree, ancestors: [] };
  visitParents(tree, (node, ancestors) => {
    const span = offsets(node);
    if (!span || span[0] > start || span[1] < end) return 'skip';
    found = { node, ancestors: ancestors as Parent[] };
    return undefined;
  });
  return found;
}

function checkProse(source: string, tree: Root, located: Located, start: number, end: number): ReplaceRefusal | undefined {
  const holders = [...located.ancestors, located.node];
  if (holders.some((node) => NOT_PROSE.has(node.type) && !HOLDS_PROSE_IN_CHILDREN.has(node.type))) return 'not-prose';
  // A bare address (`https://…`, `a@b.org`, `<https://…>`) is its own link text: words there change where it goes.
  if (holders.some((node) => node.type === 'link' && source.charAt(offsets(node)?.[0] ?? 0) !== '[')) return 'not-prose';
  let refusal: ReplaceRefusal | undefined;
  visitParents(tree, (node) => {
    const span = offsets(node);
    if (!span || span[1] <= start || span[0] >= end || node === located.node || located.ancestors.includes(node as Parent)) return undefined;
    const inside = span[0] >= start && span[1] <= end;
    if (!inside && node.type !== 'text') refusal ??= 'crosses-markup';
    else if (inside && NOT_PROSE.has(node.type)) refusal ??= 'not-prose';
    return refusal ? false : undefined;
  });
  if (refusal) return refusal;
  // Inside a parent (a link, a component, a paragraph holding emphasis) the stretch may cover only
  // its children and the white space between them: the rest is the parent's own markup.
  if ('children' in located.node) {
    const children = (located.node as Parent).children.map(offsets).filter((span): span is [number, number] => span !== undefined);
    let cursor = start;
    for (const [from, to] of children) {
      if (to <= cursor || from >= end) continue;
      if (source.slice(cursor, Math.min(from, end)).trim() !== '') return 'crosses-markup';
      cursor = Math.max(cursor, to);
    }
    if (cursor < end && source.slice(cursor, end).trim() !== '') return 'crosses-markup';
  }
  return undefined;
}

/** The constructs around the words whose own characters must be escaped (see PlainTextOptions). */
function escapingConstructs(source: string, { node, ancestors }: Located): string[] {
  return [...ancestors, node].flatMap((item) => {
    if (item.type === 'link' || item.type === 'linkReference') return ['label'];
    if (item.type === 'tableCell') return ['tableCell'];
    if (item.type === 'heading') return [source.charAt(offsets(item)?.[0] ?? 0) === '#' ? 'headingAtx' : 'headingSetext'];
    return [];
  });
}

/** How many of each construct, link target and component a page has: what untrusted words must not add. */
function inventory(tree: Root): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  visitParents(tree, (node) => {
    if (node.type === 'text' || node.type === 'root') return;
    add(`type:${node.type}`);
    if ('url' in node) add(`url:${String(node.url)}`);
    if ('identifier' in node) add(`id:${String(node.identifier)}`);
    if ('name' in node && node.name) add(`name:${String(node.name)}`);
  });
  return counts;
}

/** Paragraph breaks only where a new paragraph is what a reader sees: at the top of the page. */
function placementOf(located: Located): Placement {
  const chain = chainOf(located);
  const atTop = chain.length === 1 || (chain.length === 2 && chain[1] === 'paragraph');
  return atTop ? 'flow' : 'inline';
}

/** Types of the nodes that hold the whole stretch, outermost first; text itself is not a holder. */
function chainOf({ node, ancestors }: Located): string[] {
  return [...ancestors, node].filter((item) => item.type !== 'text').map((item) => item.type);
}

/**
 * The guard: parse the new document; the new words must sit in the same holders as the old ones
 * (or only the page, when they span whole paragraphs), make nothing but text (and paragraphs, at
 * the top level), and the page may gain no construct, link target or component anywhere: the
 * words must not join with what is around them either.
 */
export function addsOnlyText(before: Root, text: string, flavour: Flavour, start: number, end: number, oldChain: readonly string[], placement: Placement): boolean {
  let tree: Root;
  try {
    tree = parseDocument(text, flavour);
  } catch {
    return false;
  }
  return onlyText(before, tree, start, end, oldChain, placement);
}

/**
 * The same guard, with the parser the site renders with (Sätteri, see satteri-parse.ts): its GFM
 * and MDX differ from micromark's at the edges, and what counts is what readers get. `old` is
 * the stretch the words replaced in `source`; they now end at `end` in `text`.
 */
export function rendersOnlyText(source: string, text: string, flavour: Flavour, old: { start: number; end: number }, end: number, placement: Placement): boolean {
  let before: Root;
  let after: Root;
  try {
    before = satteriTree(source, flavour, { position: true });
    after = satteriTree(text, flavour, { position: true });
  } catch {
    return false;
  }
  return onlyText(before, after, old.start, end, chainOf(deepestContaining(before, old.start, old.end)), placement);
}

function onlyText(before: Root, tree: Root, start: number, end: number, oldChain: readonly string[], placement: Placement): boolean {
  const old = inventory(before);
  const now = inventory(tree);
  for (const [key, count] of now) {
    if (key !== 'type:paragraph' && count > (old.get(key) ?? 0)) return false;
  }
  const newChain = chainOf(deepestContaining(tree, start, end));
  // The same holders; only new paragraphs at the top of the page may leave the root as the one.
  const sameHolders = newChain.length === oldChain.length && newChain.every((type, index) => oldChain[index] === type);
  if (!sameHolders && !(placement === 'flow' && newChain.length === 1)) return false;
  const allowed = new Set(placement === 'flow' ? ['text', 'paragraph'] : ['text']);
  let clean = true;
  visitParents(tree, (node) => {
    const span = offsets(node);
    if (!span || span[1] <= start || span[0] >= end) return undefined;
    const holdsAll = span[0] <= start && span[1] >= end;
    if (!holdsAll && !allowed.has(node.type)) clean = false;
    return clean ? undefined : false;
  });
  return clean;
}
