import { describe, expect, it } from 'vitest';
import {
  addMonths,
  lastReviewDate,
  nextReviewDate,
  reviewState,
  reviewStateFromNext,
} from '../../src/policies/review-dates.ts';

describe('review dates', () => {
  it('counts the next review from the last review', () => {
    expect(nextReviewDate({ effective: '2026-01-05', reviewed: '2026-06-01', reviewEvery: 12 })).toBe('2027-06-01');
  });

  it('counts from the effective date when the policy was never reviewed', () => {
    const policy = { effective: '2026-01-05', reviewEvery: 6 };
    expect(lastReviewDate(policy)).toBe('2026-01-05');
    expect(nextReviewDate(policy)).toBe('2026-07-05');
  });

  it('keeps a month-end review inside the target month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('crosses years in both directions of the calendar', () => {
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-12-01', 24)).toBe('2028-12-01');
  });

  it('marks a policy overdue the day after its review date, not on it', () => {
    const policy = { effective: '2025-01-10', reviewEvery: 12 };
    expect(reviewState(policy, '2026-01-10')).toBe('due-soon');
    expect(reviewState(policy, '2026-01-11')).toBe('overdue');
  });

  it('marks a policy due soon within 30 days of its review date', () => {
    expect(reviewStateFromNext('2026-12-22', '2026-11-22')).toBe('due-soon');
    expect(reviewStateFromNext('2026-12-23', '2026-11-22')).toBe('current');
  });
});
