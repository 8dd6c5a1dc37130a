import { reviewStateFromNext } from '../policies/review-dates.ts';

export const REVIEW_LABELS = { current: 'On time', 'due-soon': 'Due soon', overdue: 'Overdue' } as const;

export function refreshReviewFlags(root: ParentNode, today: string = new Date().toISOString().slice(0, 10)): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-next-review]')) {
    const state = reviewStateFromNext(element.dataset.nextReview ?? '', today);
    element.dataset.reviewState = state;
    const text = element.querySelector('.review-flag-text');
    if (text) text.textContent = REVIEW_LABELS[state];
    if (element.hasAttribute('data-review-banner')) element.hidden = state !== 'overdue';
  }
}
