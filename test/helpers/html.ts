import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

/** A built page, parsed, with small helpers to read it like a person would. */
export function builtPage(siteDir: string, path: string) {
  const tree: Root = fromHtml(readFileSync(join(siteDir, path, 'index.html'), 'utf8'));
  const text = (node: Element | Root | undefined) => (node ? toString(node).replace(/\s+/g, ' ').trim() : '');
  return {
    tree,
    text,
    one: (selector: string, scope: Element | Root = tree) => select(selector, scope) ?? undefined,
    all: (selector: string, scope: Element | Root = tree) => selectAll(selector, scope),
  };
}
