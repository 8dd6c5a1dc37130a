/**
 * "New since your last visit": which pages changed after this reader last opened them. Kept in
 * the browser only (localStorage); nothing is sent anywhere. A reader's very first visit marks
 * nothing: everything is new to them, so a badge on every page would say nothing.
 */
export const VISITS_KEY = 'plainbook:visits';

export interface Visits {
  /** When this browser first opened the handbook (ISO). */
  since: string;
  /** Page path → when the reader last opened it (ISO). */
  seen: Record<string, string>;
}

/** The stored visits, or a fresh record from now when there is none or it is unreadable. */
export function readVisits(stored: string | null, now: Date): { visits: Visits; firstVisit: boolean } {
  try {
    const value = JSON.parse(stored ?? '') as Partial<Visits>;
    if (typeof value.since === 'string' && value.seen && typeof value.seen === 'object') return { visits: { since: value.since, seen: { ...value.seen } }, firstVisit: false };
  } catch {
    // Not there yet, or written by something else: start again.
  }
  return { visits: { since: now.toISOString(), seen: {} }, firstVisit: true };
}

/** Did the page change after the reader last opened it (or, never opened, after their first visit)? */
export function isNewSinceVisit(visits: Visits, path: string, changed: string): boolean {
  const lastSeen = visits.seen[path] ?? visits.since;
  return Date.parse(changed) > Date.parse(lastSeen);
}

/** Mark the sidebar's changed links and this page; then count this page as read. */
export function showNewSinceVisit(document: Document, storage: Storage, now = new Date()): void {
  const { visits, firstVisit } = readVisits(storage.getItem(VISITS_KEY), now);
  const here = document.location.pathname;
  if (!firstVisit) {
    for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[data-changed]')) {
      const path = new URL(link.href).pathname;
      if (path === here || !isNewSinceVisit(visits, path, link.dataset.changed ?? '')) continue;
      const badge = document.createElement('span');
      badge.className = 'new-since-visit';
      badge.dataset.newSinceVisit = '';
      badge.textContent = 'New';
      const why = document.createElement('span');
      why.className = 'sr-only';
      why.textContent = ': changed since your last visit';
      badge.append(why);
      link.append(' ', badge);
    }
    const page = document.querySelector<HTMLElement>('[data-page-changed]');
    const note = document.querySelector<HTMLElement>('[data-changed-since-visit]');
    if (page && note && isNewSinceVisit(visits, here, page.dataset.pageChanged ?? '')) note.hidden = false;
  }
  visits.seen[here] = now.toISOString();
  storage.setItem(VISITS_KEY, JSON.stringify(visits));
}
