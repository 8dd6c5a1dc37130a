import type { StarlightRouteData } from '@astrojs/starlight/route-data';

type SidebarEntry = StarlightRouteData['sidebar'][number];
type Group = Extract<SidebarEntry, { type: 'group' }>;
type Link = Extract<SidebarEntry, { type: 'link' }>;

function hasCurrent(entry: SidebarEntry): boolean {
  return entry.type === 'link' ? entry.isCurrent : entry.entries.some(hasCurrent);
}

function firstLink(entry: SidebarEntry): Link | undefined {
  if (entry.type === 'link') return entry;
  for (const child of entry.entries) {
    const link = firstLink(child);
    if (link) return link;
  }
  return undefined;
}

/**
 * The label of the innermost sidebar group that holds the current page ("Policies", or a folder
 * of policies such as "Phone"): the page's section, for search filters.
 */
export function currentSection(entries: readonly SidebarEntry[]): string | undefined {
  for (const entry of entries) {
    if (entry.type !== 'group' || !hasCurrent(entry)) continue;
    return currentSection(entry.entries) ?? entry.label;
  }
  return undefined;
}

/**
 * A sidebar that scales: every section stays listed, but only the section holding the current
 * page lists its pages; the others become one link to their first page. With 1,000 policies in
 * 20 sections, a page carries about 70 links instead of 1,000.
 */
export function trimSidebar(entries: readonly SidebarEntry[], depth = 0): SidebarEntry[] {
  return entries.map((entry) => {
    if (entry.type === 'link') return entry;
    if (depth > 0 && !hasCurrent(entry)) {
      const link = firstLink(entry);
      return link ? { ...link, label: entry.label, isCurrent: false, badge: entry.badge } : entry;
    }
    return { ...entry, entries: trimSidebar(entry.entries, depth + 1) } as Group;
  });
}

/** Each link to a page with a known last change carries it as `data-changed` (an ISO date). */
export function markChangedLinks(entries: readonly SidebarEntry[], changed: ReadonlyMap<string, string>): SidebarEntry[] {
  return entries.map((entry) => {
    if (entry.type === 'group') return { ...entry, entries: markChangedLinks(entry.entries, changed) } as Group;
    const date = changed.get(entry.href);
    return date ? { ...entry, attrs: { ...entry.attrs, 'data-changed': date } } : entry;
  });
}
