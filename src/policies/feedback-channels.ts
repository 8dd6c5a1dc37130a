/**
 * The ways in for feedback besides GitHub's issue form: a team's own form (Google Forms,
 * Microsoft Forms) with the page's context in its prefilled answers, and an e-mail. Pure, with
 * no imports: the build renders the header's links with it, and the policy page's script
 * (src/suggest/channel-links.ts, loaded after the page) the links for a section and for
 * selected words. GitHub's link comes made (feedback-link.ts), so the page's first script and
 * this share no module.
 */
/**
 * The form's questions as people read them: the issue form's labels, and the lines of a feedback
 * e-mail (below), so an answer by e-mail can be copied into the form as it is.
 */
export const FEEDBACK_LABELS = {
  policy: 'Policy',
  round: 'Pilot round',
  code: 'Tester code',
  section: 'Section heading',
  current: 'Current wording',
  suggested: 'Suggested wording',
  problem: 'What is wrong?',
  clarity: 'How clear is this policy? (1 = very unclear, 5 = very clear)',
} as const;

/** What a link can carry. Each name is also a placeholder in `feedback.form`: `{policy}` and so on. */
export interface FeedbackContext {
  /** The policy as the issue form's dropdown lists it, `Title (id)` (policyOptionLabel). */
  policy?: string | undefined;
  section?: string | undefined;
  current?: string | undefined;
  round?: string | undefined;
  code?: string | undefined;
}

/** The placeholders a form address may hold; `FORM_PLACEHOLDERS` in src/schema/feedback.ts lists the same names. */
const FILLED: Record<string, keyof FeedbackContext> = { policy: 'policy', section: 'section', current: 'current', round: 'round', code: 'code' };

/** `feedback:` in the settings, as the links need it. */
export interface FeedbackChannels {
  form?: string | undefined;
  email?: string | undefined;
}

export type ChannelName = 'form' | 'email' | 'github';

export interface ChannelLink {
  channel: ChannelName;
  label: string;
  href: string;
}

/** Words for someone who has never heard of GitHub: the form and the e-mail first, GitHub last. */
export const CHANNEL_LABELS: Record<ChannelName, string> = {
  form: 'Use our feedback form',
  email: 'Send us an e-mail',
  github: 'I have a GitHub account',
};

/**
 * The longest form or `mailto:` address a link makes, in characters. Internet Explorer, and the
 * Windows programs that open links through its URL handling (classic Outlook among them), take
 * at most 2,083 characters (Microsoft, "Maximum URL length is 2,083 characters in Internet
 * Explorer", KB 208427); longer `mailto:` links are known to fail there and in some mail
 * programs elsewhere. Today's browsers and the form servers of Google and Microsoft take far
 * longer addresses. Kept under it, a link opens everywhere; the quote is cut to fit.
 */
export const MAX_LINK_LENGTH = 2000;

/** A placeholder as typed, `{policy}`, or as a form tool's editor encodes it, `%7Bpolicy%7D`. */
const PLACEHOLDER = /\{([a-z]+)\}|%7B([a-z]+)%7D/gi;

/** True when the settings offer a way in besides GitHub. */
export function hasOtherChannels(channels: FeedbackChannels | undefined): boolean {
  return Boolean(channels?.form || channels?.email);
}

/**
 * The links to offer, GitHub's last: `githubLink` is GitHub's form for the same context
 * (`feedbackUrl`, `withQuote`). With neither a form nor an e-mail set, only GitHub's: the page
 * then looks as it did before these settings existed.
 */
export function channelLinks(channels: FeedbackChannels | undefined, githubLink: string, context: FeedbackContext): ChannelLink[] {
  const links: ChannelLink[] = [];
  if (channels?.form) links.push({ channel: 'form', label: CHANNEL_LABELS.form, href: formLink(channels.form, context) });
  if (channels?.email) links.push({ channel: 'email', label: CHANNEL_LABELS.email, href: emailLink(channels.email, context) });
  links.push({ channel: 'github', label: CHANNEL_LABELS.github, href: githubLink });
  return links;
}

/**
 * The team's form address with each placeholder replaced by its value, encoded for an address
 * (empty when the page does not know it), cut to `MAX_LINK_LENGTH`.
 */
export function formLink(template: string, context: FeedbackContext): string {
  return fitted((values) => filledForm(template, values), context);
}

function filledForm(template: string, context: FeedbackContext): string {
  return template.replace(PLACEHOLDER, (whole, typed: string | undefined, encoded: string | undefined) => {
    const key = FILLED[(typed ?? encoded ?? '').toLowerCase()];
    return key ? encodedValue(context[key] ?? '') : whole;
  });
}

/**
 * A `mailto:` (RFC 6068) whose subject names the policy and whose body asks the form's
 * questions, with what the page knows already filled in. Spaces are `%20` and line breaks
 * `%0D%0A`, as RFC 6068 asks; cut to `MAX_LINK_LENGTH`.
 */
export function emailLink(address: string, context: FeedbackContext): string {
  return fitted((values) => `mailto:${address}?subject=${encodedValue(emailSubject(values))}&body=${encodedValue(emailBody(values))}`, context);
}

function emailSubject(context: FeedbackContext): string {
  return context.policy ? `Feedback: ${context.policy}` : 'Feedback on the handbook';
}

function emailBody(context: FeedbackContext): string {
  const line = (label: string, value: string | undefined) => (value ? [`${label}: ${value}`] : []);
  return [
    ...line(FEEDBACK_LABELS.policy, context.policy),
    ...line(FEEDBACK_LABELS.round, context.round),
    ...line(FEEDBACK_LABELS.code, context.code),
    ...line(FEEDBACK_LABELS.section, context.section),
    '',
    `${FEEDBACK_LABELS.current}:`,
    context.current ?? '',
    '',
    `${FEEDBACK_LABELS.suggested}:`,
    '',
    '',
    `${FEEDBACK_LABELS.problem} (Unclear, Incorrect, Missing, Tone or Other):`,
    '',
    `${FEEDBACK_LABELS.clarity}:`,
    '',
  ].join('\n');
}

/**
 * The link with the quote cut until it fits, then the section heading: between two characters,
 * never inside one (half of an emoji cannot be encoded in an address).
 */
function fitted(build: (context: FeedbackContext) => string, context: FeedbackContext): string {
  let current = context;
  let link = build(current);
  for (const key of ['current', 'section'] as const) {
    const text = current[key];
    if (link.length <= MAX_LINK_LENGTH || !text) continue;
    // Every character takes at least one place in the address: no more than the limit can fit.
    const characters = Array.from(text).slice(0, MAX_LINK_LENGTH);
    let fits = 0;
    let tooLong = characters.length;
    while (tooLong - fits > 1) {
      const middle = Math.floor((fits + tooLong) / 2);
      if (build({ ...current, [key]: characters.slice(0, middle).join('') }).length <= MAX_LINK_LENGTH) fits = middle;
      else tooLong = middle;
    }
    current = { ...current, [key]: characters.slice(0, fits).join('') };
    link = build(current);
  }
  return link;
}

/**
 * A value encoded for an address, line breaks as CR LF (RFC 6068). A lone half of a surrogate
 * pair becomes U+FFFD first: `encodeURIComponent` throws on one. Brackets and quotes are
 * encoded too, so a link written into Markdown (a task issue) ends where it should.
 */
function encodedValue(value: string): string {
  const whole = value.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (unit) => (unit.length === 2 ? unit : '\uFFFD'));
  return encodeURIComponent(whole.replace(/\r\n|\r|\n/g, '\r\n')).replace(/[!'()*]/g, (mark) => `%${mark.charCodeAt(0).toString(16).toUpperCase()}`);
}
