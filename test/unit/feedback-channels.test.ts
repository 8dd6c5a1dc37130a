import { describe, expect, it } from 'vitest';
import { CHANNEL_LABELS, channelLinks, emailLink, formLink, hasOtherChannels, MAX_LINK_LENGTH } from '../../src/policies/feedback-channels.ts';
import { feedbackUrl, withQuote } from '../../src/policies/feedback-link.ts';
import { FORM_PLACEHOLDERS } from '../../src/schema/feedback.ts';

const GOOGLE = 'https://docs.google.com/forms/d/e/1FAIpQLSf/viewform?usp=pp_url&entry.11=%7Bpolicy%7D&entry.12={section}&entry.13=%7bcurrent%7d&entry.14={round}&entry.15={CODE}';
const context = { policy: 'Saying no (saying-no)', section: 'Four steps', current: 'Say no plainly & give the reason.', round: 'spring', code: 'K7Q2-M9P4' };
const github = feedbackUrl('https://github.com/acme/care', { id: 'saying-no', title: 'Saying no' }, 'spring');

/** The answers a prefilled form address carries, decoded as the form reads them. */
const answers = (href: string) => Object.fromEntries([...new URL(href).searchParams].filter(([key]) => key.startsWith('entry.')));

/** The subject and body of a `mailto:`, decoded as a mail program reads them (RFC 6068). */
function mail(href: string) {
  const [address, query = ''] = href.slice('mailto:'.length).split('?');
  const fields = Object.fromEntries(query.split('&').map((pair) => pair.split('=') as [string, string]));
  return { address, subject: decodeURIComponent(fields.subject ?? ''), body: decodeURIComponent(fields.body ?? ''), raw: fields };
}

describe('the team’s own form', () => {
  it('fills each placeholder, typed or encoded in either case, with its value encoded for the address', () => {
    expect(answers(formLink(GOOGLE, context))).toEqual({
      'entry.11': 'Saying no (saying-no)',
      'entry.12': 'Four steps',
      'entry.13': 'Say no plainly & give the reason.',
      'entry.14': 'spring',
      'entry.15': 'K7Q2-M9P4',
    });
    expect(formLink(GOOGLE, context)).toContain('entry.11=Saying%20no%20%28saying-no%29&entry.12=Four%20steps&entry.13=Say%20no%20plainly%20%26%20give%20the%20reason.&');
  });

  it('leaves an answer empty when the page does not know it, and keeps the rest of the address as written', () => {
    const href = formLink(GOOGLE, { policy: 'Saying no (saying-no)' });
    expect(href).toBe('https://docs.google.com/forms/d/e/1FAIpQLSf/viewform?usp=pp_url&entry.11=Saying%20no%20%28saying-no%29&entry.12=&entry.13=&entry.14=&entry.15=');
    expect(formLink('https://forms.office.com/r/AbC123', context)).toBe('https://forms.office.com/r/AbC123');
    const sharePoint = 'https://forms.office.com/Pages/ResponsePage.aspx?id=AbC&sourcedoc=%7B3F2504E0-4F89-11D3-9A0C-0305E82C3301%7D&r1={policy}';
    expect(formLink(sharePoint, context)).toBe(sharePoint.replace('{policy}', 'Saying%20no%20%28saying-no%29'));
  });

  it('keeps characters an address would break on as words: #, =, line breaks, quotes, emoji', () => {
    const current = 'Line one #2\n"Refund" = 100% 😊 (always)';
    expect(answers(formLink(GOOGLE, { current }))['entry.13']).toBe('Line one #2\r\n"Refund" = 100% 😊 (always)');
    // Half of an emoji (a lone surrogate) cannot be encoded: it becomes U+FFFD instead of an error.
    expect(answers(formLink(GOOGLE, { current: 'cut \uD83D' }))['entry.13']).toBe('cut \uFFFD');
  });

  it(`cuts a long quote so the address stays at most ${MAX_LINK_LENGTH} characters, as long as fits`, () => {
    const current = 'Say no plainly. '.repeat(400);
    const href = formLink(GOOGLE, { ...context, current });
    expect(href.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    const kept = answers(href)['entry.13'] ?? '';
    expect(current.startsWith(kept)).toBe(true);
    // One more character would not fit: the quote is cut at the limit, not well before it.
    expect(href.length + encodeURIComponent(current.charAt(kept.length)).length).toBeGreaterThan(MAX_LINK_LENGTH);
    expect(answers(href)['entry.12']).toBe('Four steps');
  });

  it('cuts between two characters, never inside an emoji', () => {
    const current = '😊'.repeat(1000);
    const kept = answers(formLink(GOOGLE, { current }))['entry.13'] ?? '';
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toBe('😊'.repeat(kept.length / 2));
  });

  it('fills every placeholder the settings accept', () => {
    const template = `https://forms.acme.test/f?${FORM_PLACEHOLDERS.map((name) => `${name}={${name}}`).join('&')}`;
    expect(Object.fromEntries(new URL(formLink(template, context)).searchParams)).toEqual(context);
  });
});

describe('an e-mail', () => {
  it('opens a message with the policy in the subject and the form’s questions in the body, RFC 6068 encoded', () => {
    const href = emailLink('handbook-feedback@acme.test', context);
    const { address, subject, body, raw } = mail(href);
    expect(address).toBe('handbook-feedback@acme.test');
    expect(subject).toBe('Feedback: Saying no (saying-no)');
    expect(raw.subject).toBe('Feedback%3A%20Saying%20no%20%28saying-no%29');
    expect(raw.body).toContain('%0D%0A');
    expect(raw.body).not.toMatch(/\+|%0A(?<!%0D%0A)/);
    expect(body.split('\r\n')).toEqual([
      'Policy: Saying no (saying-no)',
      'Pilot round: spring',
      'Tester code: K7Q2-M9P4',
      'Section heading: Four steps',
      '',
      'Current wording:',
      'Say no plainly & give the reason.',
      '',
      'Suggested wording:',
      '',
      '',
      'What is wrong? (Unclear, Incorrect, Missing, Tone or Other):',
      '',
      'How clear is this policy? (1 = very unclear, 5 = very clear):',
      '',
    ]);
  });

  it('leaves out what the page does not know', () => {
    const { subject, body } = mail(emailLink('feedback@acme.test', {}));
    expect(subject).toBe('Feedback on the handbook');
    expect(body.startsWith('\r\nCurrent wording:\r\n\r\n')).toBe(true);
  });

  it(`cuts a long quote to stay within ${MAX_LINK_LENGTH} characters, the rest of the message whole`, () => {
    const current = 'Ä quote with ümlauts and\nline breaks. '.repeat(200);
    const href = emailLink('feedback@acme.test', { ...context, current });
    expect(href.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    expect(href.length).toBeGreaterThan(MAX_LINK_LENGTH - 20);
    const { body } = mail(href);
    expect(body).toContain('How clear is this policy?');
    const quote = body.split('Current wording:\r\n')[1]?.split('\r\n\r\nSuggested wording:')[0] ?? '';
    expect(current.replace(/\n/g, '\r\n').startsWith(quote)).toBe(true);
    expect(quote.length).toBeGreaterThan(100);
  });

  it('cuts a long section heading too when the quote alone is not enough', () => {
    const href = emailLink('feedback@acme.test', { ...context, section: 'Heading '.repeat(400), current: 'Words '.repeat(400) });
    expect(href.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    expect(mail(href).body).toContain('Current wording:\r\n\r\n');
  });
});

describe('the links a page offers', () => {
  it('with neither a form nor an e-mail: GitHub’s form alone, exactly the link it offered before', () => {
    expect(hasOtherChannels({})).toBe(false);
    expect(hasOtherChannels(undefined)).toBe(false);
    const quoted = withQuote(github, 'Four steps', 'Say no plainly & give the reason.');
    expect(channelLinks({}, quoted, context)).toEqual([{ channel: 'github', label: CHANNEL_LABELS.github, href: quoted }]);
    expect(channelLinks(undefined, github, {})).toEqual([{ channel: 'github', label: CHANNEL_LABELS.github, href: github }]);
  });

  it('with a form and an e-mail: each, worded for someone new to GitHub, and GitHub last', () => {
    const links = channelLinks({ form: GOOGLE, email: 'feedback@acme.test' }, github, context);
    expect(links.map((link) => [link.channel, link.label])).toEqual([
      ['form', 'Use our feedback form'],
      ['email', 'Send us an e-mail'],
      ['github', 'I have a GitHub account'],
    ]);
    expect(links[0]?.href).toBe(formLink(GOOGLE, context));
    expect(links[1]?.href).toBe(emailLink('feedback@acme.test', context));
    expect(hasOtherChannels({ email: 'feedback@acme.test' })).toBe(true);
  });
});
