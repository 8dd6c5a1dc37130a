import type { IsoDate } from '../schema/fields.ts';

export { todayIso } from '../text/days.ts';

export type ReviewState = 'current' | 'due-soon' | 'overdue';

/** Days before the next review date when a policy counts as due soon. */
export const DUE_SOON_DAYS = 30;

export interface ReviewSchedule {
  effective: IsoDate;
  reviewed?: IsoDate | undefined;
  reviewEvery: number;
}

/** The last review, or the day the policy took effect if it was never reviewed. */
export function lastReviewDate(policy: ReviewSchedule): IsoDate {
  return policy.reviewed ?? policy.effective;
}

/**
 * `reviewEvery` months after the last review. A day that the target month lacks (31 August + 6
 * months) falls back to that month's last day, so a review is never pushed into the month after.
 */
export function nextReviewDate(policy: ReviewSchedule): IsoDate {
  return addMonths(lastReviewDate(policy), policy.reviewEvery);
}

export function reviewState(policy: ReviewSchedule, today: IsoDate): ReviewState {
  return reviewStateFromNext(nextReviewDate(policy), today);
}

export function reviewStateFromNext(next: IsoDate, today: IsoDate): ReviewState {
  if (today > next) return 'overdue';
  return daysBetween(today, next) <= DUE_SOON_DAYS ? 'due-soon' : 'current';
}


export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const targetMonth = month - 1 + months;
  const lastDay = new Date(Date.UTC(year, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
