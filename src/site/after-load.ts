/**
 * What every page does once it has loaded, none of it needed to read the page, so its code
 * comes after (the footer starts it): badge the sidebar's pages changed since this reader last
 * opened them (kept in this browser only) and count this page as read; answer "What did this
 * policy say on …?"; offer a handbook's own feedback form and e-mail after each section
 * (src/suggest/channel-links.ts); start the offline copy (a built site only: `astro dev` serves
 * no worker).
 */
import { showNewSinceVisit } from '../redline/new-since-visit.ts';

export function afterLoad(page: Document, built: boolean): void {
  try {
    showNewSinceVisit(page, localStorage);
  } catch {
    // Storage may be off (private mode, a locked-down browser): no badges, nothing else lost.
  }
  const versionOn = page.querySelector<HTMLFormElement>('form[data-version-on]');
  if (versionOn) void import('./version-on-day.ts').then(({ startVersionOnDay }) => startVersionOnDay(versionOn));
  if (page.querySelector('[data-feedback-channels]')) void import('../suggest/channel-links.ts').then(({ offerSectionChoices }) => offerSectionChoices(page));
  const offline = page.querySelector<HTMLElement>('[data-offline-support]');
  if (offline && built) void import('../offline/client.ts').then(({ startOfflineSupport }) => startOfflineSupport(offline));
}
