/** How a version's days in force read, on its page and on the policy page. */
import type { IsoDate } from '../schema/fields.ts';
import { dayBefore } from '../text/days.ts';
import type { PolicyVersion } from '../policies/versions.ts';
import { formatDate } from '../text/format-date.ts';

export function inForceSentence(version: PolicyVersion, today: IsoDate): string {
  const span = version.inForce;
  if (!span) return 'This version was overtaken by a later change before it took effect.';
  if (span.from > today) return `This version takes effect on ${formatDate(span.from)}.`;
  if (span.until === undefined || span.until > today) return `This version has been in force since ${formatDate(span.from)}.`;
  return `This version was in force from ${formatDate(span.from)} to ${formatDate(dayBefore(span.until))}.`;
}
