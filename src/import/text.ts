/**
 * Markdown and plain text in. Markdown is parsed by the handbook's own parser, raw HTML in it
 * included, and turned into HTML syntax so every format takes the same road from here. Plain
 * text has paragraphs (blank lines) and, often, lists typed as `-`, `*`, `•` or `1.`.
 */
import { dirname } from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { toHast } from 'mdast-util-to-hast';
import { parse as parseYaml } from 'yaml';
import { parseDocument } from '../markdown/syntax.ts';
import type { SourceDocument } from './document.ts';
import { checkLimit, checkText, IMPORT_LIMITS, type ImportLimits } from './limits.ts';
import { measureHtml } from './measure-html.ts';
import { markdownDepth, measureText } from './measure-text.ts';

/** The file as messages name it, and the limits it is checked against (the import's own by default). */
interface Checked {
  shownPath?: string;
  limits?: ImportLimits;
}

export function readMarkdown(absolutePath: string, text: string, { shownPath = absolutePath, limits = IMPORT_LIMITS }: Checked = {}): SourceDocument {
  checkText(shownPath, limits, measureText(text));
  checkLimit(shownPath, limits, 'depth', markdownDepth(text), 'lists and quotes inside each other');
  // Raw HTML in the Markdown is parsed by parse5 too.
  const html = measureHtml(text, { commonMark: true });
  checkLimit(shownPath, limits, 'elements', html.elements, 'HTML elements');
  checkLimit(shownPath, limits, 'depth', html.depth, 'HTML elements inside each other');
  const mdast = parseDocument(text, 'md');
  const frontmatter = mdast.children.find((node) => node.type === 'yaml');
  const hast = raw(toHast(mdast, { allowDangerousHtml: true }) as Root) as Root;
  return { tree: hast, metadataTitle: frontmatterTitle(frontmatter?.value), baseFolder: dirname(absolutePath), leftOut: [] };
}

function frontmatterTitle(yaml: string | undefined): string | undefined {
  if (!yaml) return undefined;
  try {
    const title = (parseYaml(yaml) as { title?: unknown } | null)?.title;
    return typeof title === 'string' && title.trim() ? title.trim() : undefined;
  } catch {
    return undefined;
  }
}

const BULLET = /^\s*[-*•‣◦▪]\s+/;
const NUMBER = /^\s*\d{1,3}[.)]\s+/;

/**
 * Text copied out of a word processor loses its heading styles, but keeps their shape: a short
 * line alone in its paragraph, with no full stop. The first is the title, the rest headings.
 */
const HEADING_MAX_CHARACTERS = 120;

function looksLikeHeading(lines: readonly string[]): boolean {
  const [line = ''] = lines;
  return lines.length === 1 && line.length <= HEADING_MAX_CHARACTERS && !/[.!?:;,]$/.test(line) && !BULLET.test(line) && !NUMBER.test(line);
}

export function readPlainText(text: string, { shownPath = 'the text', limits = IMPORT_LIMITS }: Checked = {}): SourceDocument {
  checkText(shownPath, limits, measureText(text));
  // trimEnd, not `/\s+$/`: a regex tries that from every space of a long run, which is quadratic.
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/).map((block) => block.replace(/^\n+/, '').trimEnd()).filter(Boolean);
  const children: Element[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    const previous = children.at(-1);
    if (looksLikeHeading(lines)) children.push(element(children.length === 0 ? 'h1' : 'h2', lines));
    else if (lines.every((line) => BULLET.test(line))) children.push(...continueList(previous, list('ul', lines, BULLET)));
    else if (lines.every((line) => NUMBER.test(line))) children.push(...continueList(previous, list('ol', lines, NUMBER)));
    else children.push(element('p', [lines.join(' ')]));
  }
  return { tree: { type: 'root', children }, metadataTitle: undefined, baseFolder: undefined, leftOut: [] };
}

/** Items typed with blank lines between them are one list, not a list per item. */
function continueList(previous: Element | undefined, next: Element): Element[] {
  if (previous?.tagName !== next.tagName) return [next];
  // One at a time: spreading 200,000 items into push() overflows the call stack.
  for (const item of next.children) previous.children.push(item);
  return [];
}

function element(tagName: string, content: (string | ElementContent)[]): Element {
  return { type: 'element', tagName, properties: {}, children: content.map((item) => (typeof item === 'string' ? { type: 'text', value: item } : item)) };
}

function list(tagName: 'ul' | 'ol', lines: string[], marker: RegExp): Element {
  return element(tagName, lines.map((line) => element('li', [line.replace(marker, '')])));
}
