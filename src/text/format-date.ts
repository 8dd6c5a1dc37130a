const formatter = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** `2026-03-01` -> `1 Mar 2026`: day first, month in words, so no reader mixes up 03/01. */
export function formatDate(date: string | Date): string {
  return formatter.format(typeof date === 'string' ? new Date(`${date}T00:00:00Z`) : date);
}
