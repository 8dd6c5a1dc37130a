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

/** Remove every node `drop` picks, anywhere in the tree. */
export function removeWhere(tree: Root | Element, drop: (node: RootContent, parent: Parent) => boolean): void {
  const walk = (parent: Parent) => {
    const kept: RootContent[] = [];
    for (const child of parent.children) {
      if (drop(child, parent)) continue;
      if ('children' in child) walk(child);
      kept.push(child);
    }
    parent.children = kept as Parent['children'];
  };
  walk(tree);
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

/** A list as an export writes it flat: its nesting level and the list element to place. */
export interface LeveledList {
  level: number;
  list: Element;
}

/**
 * Nest lists that an export wrote flat, one after another with a level each (Google Docs' list
 * classes, Word's `mso-list` paragraphs). A deeper list goes into the last item of the list above
 * it; one at the same level and of the same kind continues it; anything else ends the lists.
 * White space between lists does not end them. Recurses into other elements (table cells).
 */
export function nestListsByLevel(parent: Root | Element, listAt: (node: RootContent) => LeveledList | undefined): void {
  const result: RootContent[] = [];
  let open: LeveledList[] = [];
  for (const child of parent.children as RootContent[]) {
    const entry = listAt(child);
    if (!entry) {
      if (child.type === 'text' && !child.value.trim() && open.length > 0) continue;
      open = [];
      result.push(child);
      if (isElement(child)) nestListsByLevel(child, listAt);
      continue;
    }
    while (open.length > 0 && (open.at(-1)?.level ?? 0) > entry.level) open.pop();
    let top = open.at(-1);
    if (top && top.level === entry.level) {
      if (top.list.tagName === entry.list.tagName) {
        // One at a time: spreading a long list into push() overflows the call stack.
        for (const item of entry.list.children) top.list.children.push(item);
        continue;
      }
      open.pop();
      top = open.at(-1);
    }
    const lastItem = top?.list.children.findLast((item): item is Element => isElement(item as RootContent, 'li'));
    if (lastItem) lastItem.children.push(entry.list);
    else result.push(entry.list);
    open.push(entry);
  }
  parent.children = result as typeof parent.children;
}
