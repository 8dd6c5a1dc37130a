/** Small edits on HTML syntax trees that the export normalisers share. */
import type { Element, ElementContent, Parent, Root, RootContent } from 'hast';

export function isElement(node: RootContent | Root | undefined, tagName?: string): node is Element {
  return node?.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

export function classesOf(node: Element): string[] {
  const value: unknown = node.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

export function styleOf(node: Element): string {
  return typeof node.properties.style === 'string' ? node.properties.style : '';
}

/** Remove every node `drop` picks, anywhere in the tree; returns how many were removed. */
export function removeWhere(tree: Root | Element, drop: (node: RootContent, parent: Parent) => boolean): number {
  let removed = 0;
  const walk = (parent: Parent) => {
    const kept: RootContent[] = [];
    for (const child of parent.children) {
      if (drop(child, parent)) {
        removed++;
        continue;
      }
      if ('children' in child) walk(child);
      kept.push(child);
    }
    parent.children = kept as Parent['children'];
  };
  walk(tree);
  return removed;
}

/** Every element in the tree, parents before children. */
export function* elements(tree: Root | Element): Generator<Element> {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    yield child;
    yield* elements(child);
  }
}

export function element(tagName: string, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties: {}, children };
}
