import type { Node, Root } from 'mdast';
import { visit } from 'unist-util-visit';
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
