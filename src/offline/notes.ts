/** What the offline copy tells readers, in the handbook's plain words. */
import { formatDate } from '../text/format-date.ts';

const number = new Intl.NumberFormat('en-GB');

/** `1234567` → `1.2 MB`, `2345` → `2 KB`: sizes as a reader deciding to download would say them. */
export function sizeText(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  // A few bytes still cost something to fetch: say 1 KB, not 0, unless there are none.
  return `${bytes === 0 ? 0 : Math.max(1, Math.round(bytes / 1e3))} KB`;
}

export function progressText(status: { saved: number; total: number }): string {
  if (status.saved >= status.total) return `Saved for offline use: all ${number.format(status.total)} files of the handbook, with search.`;
  return `Saving the handbook for offline use: ${number.format(status.saved)} of ${number.format(status.total)} files.`;
}

export function savedAtText(iso: string): string {
  return `Saved for offline use on ${formatDate(new Date(iso))}. You are offline: this is the copy on this device.`;
}

/** Behind a sign-in whose session ended: why the copy is not updating, and what to do. */
export const SIGN_IN_TEXT = 'Sign in again to update the copy on this device.';
