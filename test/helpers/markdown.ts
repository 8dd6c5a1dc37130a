import type { Node, Root } from 'mdast';
import { markdownToHast, mdxToHast } from 'satteri';
import { visit } from 'unist-util-visit';
import { SITE_FEATURES } from '../../src/markdown/satteri-parse.ts';
import { parseDocument, type Flavour } from '../../src/markdown/syntax.ts';

/** Node types (beyond root, paragraph and text) and how many of each: a new one is a construct. */
export function constructs(tree: Root): Map<string, number> {
  const counts = new Map<string, number>();
  visit(tree, (node: Node) => {
    if (!['root', 'paragraph', 'text'].includes(node.type)) counts.set(node.type, (counts.get(node.type) ?? 0) + 1);
  });
  return counts;
}

/** Constructs `after` has more of than `before`, as `[type, count after]`: empty when only words changed. */
export function gainedConstructs(before: string, after: string, flavour: Flavour = 'mdx'): [string, number][] {
  const old = constructs(parseDocument(before, flavour));
  return [...constructs(parseDocument(after, flavour))].filter(([type, count]) => count > (old.get(type) ?? 0));
}

/** What a reader sees, minus white space (blocks join without separators) and word joiners. */
export const visible = (text: string) => text.replace(/[\s\u2060]+/g, '');

/**
 * What the site renders from a page, by Sätteri as Astro runs it (GFM, directives, smart
 * punctuation): each element by tag, each link or media address, and each piece of MDX or raw
 * HTML, counted. Paragraphs are left out: a suggestion may split a top-level paragraph in two.
 */
export function renderedParts(document: string, flavour: Flavour): Map<string, number> {
  const options = { features: { ...SITE_FEATURES, smartPunctuation: true } };
  const tree = flavour === 'mdx' ? mdxToHast(document, options) : markdownToHast(document, options);
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  visit(tree as unknown as Node, (node: Node & { tagName?: string; properties?: Record<string, unknown>; name?: string | null }) => {
    if (node.type === 'element' && node.tagName !== 'p') add(`<${node.tagName}>`);
    for (const attribute of ['href', 'src']) if (node.properties?.[attribute] !== undefined) add(`${attribute}=${String(node.properties[attribute])}`);
    if (!['root', 'element', 'text'].includes(node.type)) add(`${node.type}${node.name ? `:${node.name}` : ''}`);
  });
  return counts;
}

/** What the site would render from `after` that it does not from `before`: empty when only words changed. */
export function gainedRenderedParts(before: string, after: string, flavour: Flavour): [string, number][] {
  const old = renderedParts(before, flavour);
  return [...renderedParts(after, flavour)].filter(([part, count]) => count > (old.get(part) ?? 0));
}
