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

export function readMarkdown(absolutePath: string, text: string): SourceDocument {
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

/** A short first line alone in its paragraph, without a full stop, reads as a title. */
const TITLE_MAX_CHARACTERS = 120;

export function readPlainText(text: string): SourceDocument {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/).map((block) => block.replace(/^\n+|\s+$/g, '')).filter(Boolean);
  const children: ElementContent[] = [];
  blocks.forEach((block, index) => {
    const lines = block.split('\n');
    if (index === 0 && lines.length === 1 && block.length <= TITLE_MAX_CHARACTERS && !/[.!?:;,]$/.test(block)) children.push(element('h1', [block]));
    else if (lines.every((line) => BULLET.test(line))) children.push(list('ul', lines, BULLET));
    else if (lines.every((line) => NUMBER.test(line))) children.push(list('ol', lines, NUMBER));
    else children.push(element('p', [lines.join(' ')]));
  });
  return { tree: { type: 'root', children }, metadataTitle: undefined, baseFolder: undefined, leftOut: [] };
}

function element(tagName: string, content: (string | ElementContent)[]): Element {
  return { type: 'element', tagName, properties: {}, children: content.map((item) => (typeof item === 'string' ? { type: 'text', value: item } : item)) };
}

function list(tagName: 'ul' | 'ol', lines: string[], marker: RegExp): Element {
  return element(tagName, lines.map((line) => element('li', [line.replace(marker, '')])));
}
