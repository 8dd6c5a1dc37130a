/**
 * A read document (as HTML syntax) becomes a policy body: Markdown that the handbook's MDX parser
 * reads as nothing but text, headings, emphasis, links, lists, tables and images. The title comes
 * out of the text; headings shift so the page starts at `##`; text is cleaned of what Word and
 * Google Docs put in (smart quotes, non-breaking spaces, soft hyphens, invisible characters).
 */
import type { Root as HastRoot } from 'hast';
import { select as hastSelect } from 'hast-util-select';
import { toMdast } from 'hast-util-to-mdast';
import type { Heading, Nodes, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { ContentError } from '../errors/index.ts';
import { stripControls } from '../markdown/plain-text.ts';
import { shiftHeadings } from '../markdown/inert-mdx.ts';
import { parseDocument } from '../markdown/syntax.ts';
import type { SourceDocument } from './document.ts';
import { plural } from '../text/plural.ts';
import { straightenQuotes } from '../text/typography.ts';
import { collectImages, type SavedImage } from './images.ts';

export interface PolicyBody {
  title: string;
  tree: Root;
  images: SavedImage[];
  leftOut: string[];
}

/** No-break, narrow no-break, figure and other fixed-width spaces, which Word and Google Docs type for us. */
const FIXED_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;

/** The characters Word and Google Docs type for us, as a staff member would type them. */
export function normaliseText(value: string): string {
  return straightenQuotes(stripControls(value)).replace(FIXED_SPACES, ' ').replace(/ {2,}/g, ' ');
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export async function toPolicyBody(document: SourceDocument, fileNameTitle: string | undefined, file: string): Promise<PolicyBody> {
  firstRowsAsHeaders(document.tree);
  // HTML comments would become raw HTML, which MDX does not allow; they are never text anyway.
  const mdast = toMdast(document.tree, { nodeHandlers: { comment: () => undefined } }) as Root;
  const leftOut: string[] = [];
  const unsafeLinks = linksToText(mdast);
  if (unsafeLinks > 0) leftOut.push(`the address of ${plural(unsafeLinks, 'link')} that did not start with http, https or mailto (their words are kept)`);
  const { images, leftOut: imageNotes } = await collectImages(mdast, document.baseFolder);
  leftOut.push(...imageNotes);
  cleanText(mdast);
  dropEmptyBlocks(mdast);
  joinAdjacentLists(mdast);
  tidySpaces(mdast);
  const title = takeTitle(mdast) ?? document.metadataTitle ?? fileNameTitle;
  if (!title) throw new ContentError(`Cannot import ${file}: it has no title. Give it a heading at the top, then import it again.`, { file });
  shiftHeadings(mdast);
  if (!hasBodyText(mdast)) {
    throw new ContentError(`Cannot import ${file}: the document is empty${title ? ` apart from its title "${title}"` : ''}. Check that this is the right file, and that it was saved with its text.`, { file });
  }
  return { title, tree: mdast, images, leftOut };
}

/**
 * Word and Google Docs tables rarely mark a header row; Markdown tables always have one. The
 * first row is the header in nearly every policy table (days and hours, issue and who to call).
 */
function firstRowsAsHeaders(tree: HastRoot): void {
  visit(tree, 'element', (table) => {
    if (table.tagName !== 'table' || hastSelect('th, thead', table)) return;
    const firstRow = hastSelect('tr', table);
    for (const cell of firstRow?.children ?? []) if (cell.type === 'element' && cell.tagName === 'td') cell.tagName = 'th';
  });
}

/**
 * Spaces at the edges of emphasis (`<em> warmly</em>`, common in Word) move outside it, and
 * spaces at the start or end of a block go: Markdown cannot show either without character codes.
 * Each list of children is rebuilt in one pass (inserting as it went was quadratic in a paragraph
 * of many bold words), and trimmed with trimStart/trimEnd, not `/\s+$/`, which is quadratic on a
 * long run of spaces.
 */
function tidySpaces(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const tidied: RootContent[] = [];
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'emphasis' && child.type !== 'strong' && child.type !== 'delete') {
        tidied.push(child);
        continue;
      }
      const first = child.children[0];
      const last = child.children.at(-1);
      const leading = first?.type === 'text' && first.value !== first.value.trimStart();
      const trailing = last?.type === 'text' && last.value !== last.value.trimEnd();
      if (leading && first.type === 'text') first.value = first.value.trimStart();
      if (trailing && last.type === 'text') last.value = last.value.trimEnd();
      if (leading) tidied.push({ type: 'text', value: ' ' });
      tidied.push(child);
      if (trailing) tidied.push({ type: 'text', value: ' ' });
    }
    (node as Parent).children = tidied as Parent['children'];
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') trimEdges(node.children as RootContent[]);
  });
}

function trimEdges(children: RootContent[]): void {
  const first = children[0];
  const last = children.at(-1);
  if (first?.type === 'text') first.value = first.value.trimStart();
  if (last?.type === 'text') last.value = last.value.trimEnd();
}

/** Links keep their words; an address that is not a web or e-mail address is dropped. */
function linksToText(tree: Root): number {
  let dropped = 0;
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const kept: RootContent[] = [];
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'link' || isSafeAddress(child.url)) {
        kept.push(child);
        continue;
      }
      // `#footnote-1` and other places in the same document mean nothing on the policy page.
      if (!child.url.startsWith('#')) dropped++;
      for (const inner of child.children) kept.push(inner);
    }
    (node as Parent).children = kept as Parent['children'];
  });
  return dropped;
}

function isSafeAddress(url: string): boolean {
  return URL.canParse(url) && LINK_PROTOCOLS.has(new URL(url).protocol);
}

function cleanText(tree: Root): void {
  visit(tree, (node) => {
    if (node.type === 'text') node.value = normaliseText(node.value);
    if (node.type === 'image') node.alt = normaliseText(node.alt ?? '').trim();
    if ((node.type === 'image' || node.type === 'link') && node.title) node.title = normaliseText(node.title);
  });
}

/** Word marks footnotes' way back with `↑`; empty paragraphs are spacing; both go. */
function dropEmptyBlocks(tree: Root): void {
  const prune = (parent: Parent) => {
    parent.children = parent.children.filter((child) => {
      if (child.type === 'text' && child.value.trim() === '↑') return false;
      if ('children' in child) prune(child);
      return !(child.type === 'paragraph' || child.type === 'heading') || child.children.length > 0 && (toString(child).trim() !== '' || hasImage(child));
    }) as Parent['children'];
  };
  prune(tree);
}

function hasImage(node: Nodes): boolean {
  let found = false;
  visit(node, 'image', () => {
    found = true;
  });
  return found;
}

/**
 * Two lists of the same kind side by side can only be written apart in Markdown by switching
 * marker (`1.` then `1)`), which the style lint rejects; in a policy they are one list anyway.
 */
function joinAdjacentLists(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const joined: RootContent[] = [];
    for (const child of node.children as RootContent[]) {
      const previous = joined.at(-1);
      if (child.type === 'list' && previous?.type === 'list' && Boolean(child.ordered) === Boolean(previous.ordered)) {
        for (const item of child.children) previous.children.push(item);
        continue;
      }
      joined.push(child);
    }
    (node as Parent).children = joined as Parent['children'];
  });
}

/** The first heading is the document's title: it leaves the text and goes in the frontmatter. */
function takeTitle(tree: Root): string | undefined {
  const index = tree.children.findIndex((node) => node.type === 'heading');
  if (index === -1) return undefined;
  const heading = tree.children[index] as Heading;
  tree.children.splice(index, 1);
  return toString(heading).replace(/\s+/g, ' ').trim() || undefined;
}

function hasBodyText(tree: Root): boolean {
  return toString(tree).trim() !== '' || hasImage(tree);
}
