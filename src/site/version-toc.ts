import type { VersionHeading } from './version-html.ts';

/** Starlight's "On this page": the page title's entry first, then the headings nested by depth. */
export interface TocItem {
  depth: number;
  slug: string;
  text: string;
  children: TocItem[];
}

export interface Toc {
  minHeadingLevel: number;
  maxHeadingLevel: number;
  items: TocItem[];
}

/**
 * "On this page" for the words a page shows in place of its file's (the version in force while
 * a change waits): Starlight's list keeps its first entry, the page's title, and takes these
 * headings in the levels the team chose, nested as Starlight nests them.
 */
export function tocWithHeadings(toc: Toc, headings: readonly VersionHeading[]): Toc {
  const items: TocItem[] = toc.items.slice(0, 1).map((item) => ({ ...item, children: [] }));
  for (const heading of headings) {
    if (heading.depth < toc.minHeadingLevel || heading.depth > toc.maxHeadingLevel) continue;
    nest(items, { ...heading, children: [] });
  }
  return { ...toc, items };
}

function nest(items: TocItem[], item: TocItem): void {
  const last = items.at(-1);
  if (!last || last.depth >= item.depth) items.push(item);
  else nest(last.children, item);
}
