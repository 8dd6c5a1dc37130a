import { describe, expect, it } from 'vitest';
import { isPhoneNumber, saysYes, scrubPersonalData } from '../../src/feedback/personal-data.ts';

describe('e-mail addresses and phone numbers typed into answers', () => {
  it.each([
    ['Write to ana.lee@example.com today', 'Write to [removed] today'],
    ['mailto:bo+feedback@mail.example.co.uk.', 'mailto:[removed].'],
    ['<ana@example.com>', '<[removed]>'],
    ['Ünïcode: jürgen@bäckerei.de', 'Ünïcode: [removed]'],
    ['Call +44 20 7946 0958 please', 'Call [removed] please'],
    ['Call (555) 123-4567.', 'Call [removed].'],
    ['Call 555.123.4567, ask for me', 'Call [removed], ask for me'],
    ['Call 555-123-4567', 'Call [removed]'],
    ['Call +1 (555) 123-4567', 'Call [removed]'],
    ['Mobile +33 6 12 34 56 78', 'Mobile [removed]'],
    ['Ring +4915123456789', 'Ring [removed]'],
    ['Handy 0151 2345 6789', 'Handy [removed]'],
    ['two: 555 123 4567 and ana@example.com', 'two: [removed] and [removed]'],
  ])('removes them from %j', (text, scrubbed) => {
    expect(scrubPersonalData(text)).toBe(scrubbed);
  });

  it.each([
    'On 2026-03-04 at 10:15 the policy said',
    'From 04.03.2026 10:15:22 on',
    'It costs $1,234.56 or 1.234,56 €, or 1 000 000 in total',
    'Within 24 hours, 3 rings, 10% off, version 2.3.1',
    'Policy 2026-03-04 replaces 2025-11-30',
    'Order 123456789 and ticket #4567',
    'Room 101, 5-7 people, 9:30-17:00',
    'An @mention is not an address, nor is a@b',
    'Call 123-4567',
  ])('keeps %j', (text) => {
    expect(scrubPersonalData(text)).toBe(text);
  });

  it('keeps an address or number the policy itself publishes', () => {
    const policy = 'Our help line is 0800 123 4567; write to help@acme.example.';
    expect(scrubPersonalData('Say "call 0800 123 4567 or help@acme.example", not mine: 0800 765 4321', policy)).toBe('Say "call 0800 123 4567 or help@acme.example", not mine: [removed]');
  });

  it('decides numbers by their digits, not their shape', () => {
    expect(isPhoneNumber('+1234567')).toBe(true);
    expect(isPhoneNumber('+123456')).toBe(false);
    expect(isPhoneNumber('123 456 789')).toBe(true);
    expect(isPhoneNumber('12 345 678')).toBe(false);
    expect(isPhoneNumber('+1 234 567 890 123 456')).toBe(false);
    expect(isPhoneNumber('2026-03-04')).toBe(false);
  });

  // Long runs that almost match: each costs the square of its length without the anchors (minutes
  // at this size, so the test's own time limit fails it); with them, milliseconds. Not a speed goal.
  it('finishes on long runs that almost match, whatever they hold', { timeout: 20_000 }, () => {
    const hostile = ['a'.repeat(200_000), '1 '.repeat(100_000), `${'a.'.repeat(100_000)}@`, '+1'.repeat(100_000), '(1)'.repeat(60_000)];
    for (const text of hostile) expect(scrubPersonalData(text)).toHaveLength(text.length);
  });
});

describe('consent to be named', () => {
  it.each(['Yes', 'yes', ' Y ', 'TRUE', 'true', '1', 'Agree', 'agreed', 'I agree', 'I agree to be named', 'Yes, you may name me', 'yes - ok'])('%j is yes', (answer) => {
    expect(saysYes(answer)).toBe(true);
  });

  it.each(['', 'No', 'n', 'false', '0', 'Yesterday', 'Not sure', 'yes, no', 'Yes-no', 'I disagree', 'maybe yes'])('%j is no', (answer) => {
    expect(saysYes(answer)).toBe(false);
  });

  it('an answer left empty is no', () => {
    expect(saysYes(undefined)).toBe(false);
  });
});
