/**
 * Calendar days as YYYY-MM-DD strings, compared as text. No zod here: pages load this in the
 * browser (the review flag), and the schema module would bring all of zod with it.
 */
import type { IsoDate } from '../schema/fields.ts';

/** Today's date in UTC, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

/** The day before `day`: the last day of a span that ends when the next begins. */
export function dayBefore(day: IsoDate): IsoDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
