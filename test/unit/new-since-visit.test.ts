import { describe, expect, it } from 'vitest';
import { isNewSinceVisit, readVisits } from '../../src/redline/new-since-visit.ts';
import { withQuote } from '../../src/policies/feedback-link.ts';

const NOW = new Date('2026-11-23T10:00:00Z');

describe('new since the last visit', () => {
  it('starts a record on the first visit, and keeps a stored one', () => {
    expect(readVisits(null, NOW)).toEqual({ visits: { since: '2026-11-23T10:00:00.000Z', seen: {} }, firstVisit: true });
    expect(readVisits('not json', NOW).firstVisit).toBe(true);
    expect(readVisits('{"since": 5}', NOW).firstVisit).toBe(true);
    const stored = JSON.stringify({ since: '2026-11-01T00:00:00Z', seen: { '/p/': '2026-11-10T00:00:00Z' } });
    expect(readVisits(stored, NOW)).toEqual({ visits: { since: '2026-11-01T00:00:00Z', seen: { '/p/': '2026-11-10T00:00:00Z' } }, firstVisit: false });
  });

  it('calls a page new when it changed after the reader last opened it, or after their first visit if never opened', () => {
    const visits = { since: '2026-11-01T00:00:00Z', seen: { '/read/': '2026-11-10T00:00:00Z' } };
    expect(isNewSinceVisit(visits, '/read/', '2026-11-10T00:00:01Z')).toBe(true);
    expect(isNewSinceVisit(visits, '/read/', '2026-11-10T00:00:00Z')).toBe(false);
    expect(isNewSinceVisit(visits, '/read/', '2026-11-05T00:00:00Z')).toBe(false);
    expect(isNewSinceVisit(visits, '/never/', '2026-11-05T00:00:00Z')).toBe(true);
    expect(isNewSinceVisit(visits, '/never/', '2026-10-30T00:00:00Z')).toBe(false);
  });
});

describe('the feedback form for selected words', () => {
  const base = 'https://github.com/acme/care/issues/new?template=policy-feedback.yml&policy=Saying+no+%28saying-no%29&round=spring';

  it('adds the section and the words to the form’s own parameters, keeping the policy and round', () => {
    const url = new URL(withQuote(base, 'Four steps', '**Say no plainly**, & "why".'));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      template: 'policy-feedback.yml',
      policy: 'Saying no (saying-no)',
      round: 'spring',
      section: 'Four steps',
      current: '**Say no plainly**, & "why".',
    });
    expect(new URL(withQuote(base, undefined, undefined)).searchParams.has('section')).toBe(false);
  });

  it('cuts a long quote to 1,500 characters, so GitHub accepts the address', () => {
    const url = new URL(withQuote(base, 'S', 'x'.repeat(1501)));
    expect(url.searchParams.get('current')).toHaveLength(1500);
  });

  it('cuts before a character that straddles the limit, never through it', () => {
    // The emoji is two UTF-16 units, at 1,499 and 1,500: half of it would arrive as U+FFFD.
    const url = new URL(withQuote(base, 'S', `${'x'.repeat(1499)}\u{1F600} more`));
    expect(url.searchParams.get('current')).toBe('x'.repeat(1499));
    const fits = new URL(withQuote(base, 'S', `${'x'.repeat(1498)}\u{1F600} more`));
    expect(fits.searchParams.get('current')).toBe(`${'x'.repeat(1498)}\u{1F600}`);
    expect(url.href).not.toContain('%EF%BF%BD');
  });
});
