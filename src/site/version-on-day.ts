/**
 * "What did this policy say on …?": the page holds each version's days in force, so the answer
 * needs no server. A day with a version opens its page; a day before the first says so.
 */
import { formatDate } from '../text/format-date.ts';

export interface VersionRange {
  from: string;
  /** The day the next version took over; absent for the one in force now. */
  until?: string;
  href: string;
}

/** The page for `day`, or the sentence that answers when there is none. */
export function versionForDay(ranges: readonly VersionRange[], day: string): { href: string } | { answer: string } {
  const range = ranges.find((candidate) => candidate.from <= day && (candidate.until === undefined || day < candidate.until));
  if (range) return { href: range.href };
  const first = ranges.map((candidate) => candidate.from).sort()[0];
  if (first !== undefined && day < first) return { answer: `This policy did not exist yet on ${formatDate(day)}. It started on ${formatDate(first)}.` };
  return { answer: `No version of this policy was in force on ${formatDate(day)}.` };
}

export function startVersionOnDay(form: HTMLFormElement): void {
  const ranges = JSON.parse(form.dataset.ranges ?? '[]') as VersionRange[];
  const input = form.querySelector<HTMLInputElement>('input[type="date"]');
  const answer = form.querySelector<HTMLElement>('[data-version-answer]');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input?.value || !answer) return;
    const found = versionForDay(ranges, input.value);
    if ('href' in found) location.assign(found.href);
    else answer.textContent = found.answer;
  });
}
