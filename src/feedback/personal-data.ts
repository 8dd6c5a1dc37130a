/**
 * Personal data in imported answers. Names and e-mail addresses come in their own columns (left
 * out by `answer-columns.ts`); this module removes the ones people type into their answers, and
 * says whether an answer agreed to be named.
 *
 * Every pattern here has bounded repeats and starts only where a run of its characters starts
 * (a lookbehind), so each position of the text is looked at a bounded number of times: the time
 * grows with the length of the answer, never with its square.
 */

export const REMOVED = '[removed]';

/** An e-mail address: up to 64 characters, `@`, a domain of labels joined by dots (RFC 5321's lengths). */
const EMAIL = /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/gu;

/**
 * Something that may be a phone number: an optional `+` and country code, an optional area code in
 * brackets, then groups of digits joined by one space, dot or hyphen; or `+` and 7 to 15 digits.
 * Not after a letter, digit or a sign that makes it part of a bigger number (`$`, `,`, `:`, `/`),
 * and not ending right before another digit, `:12` (a time) or `,50` (a price).
 * `isPhoneNumber` then decides.
 */
const PHONE_CANDIDATE =
  /(?<![\p{L}\p{N}_+.,:/$€£¥#-])(?:\+\d{7,15}|(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,5}(?:[ .-]\d{1,5}){0,6})(?!\p{N}|[:/,.-]\p{N})/gu;

/** A calendar date written with dots or hyphens: `2026-03-04`, `04.03.2026`, `4-3-26`. */
const DATE = /^(?:\d{4}[.-]\d{1,2}[.-]\d{1,2}|\d{1,2}[.-]\d{1,2}[.-]\d{2,4})$/;

/**
 * A phone number, as opposed to a date, an amount or a reference: E.164 allows at most 15 digits.
 * With `+` or an area code in brackets, 7 digits are enough to be one; otherwise it takes at least
 * two groups and 9 digits (`555.123.4567`), so `1.000.000`, `10 000`, `2026-03-04` and order
 * numbers written without spaces stay.
 */
export function isPhoneNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  if (digits > 15 || DATE.test(candidate)) return false;
  if (candidate.startsWith('+') || candidate.includes('(')) return digits >= 7;
  return /[ .-]/.test(candidate) && digits >= 9;
}

/**
 * The text with every e-mail address and phone number replaced by `[removed]`, except those
 * `published` holds: a policy's own help-line number, quoted or kept in a suggestion, is not a
 * person's, and removing it would change the policy.
 */
export function scrubPersonalData(text: string, published = ''): string {
  const keep = (found: string) => published !== '' && published.includes(found);
  return text
    .replace(EMAIL, (found) => (keep(found) ? found : REMOVED))
    .replace(PHONE_CANDIDATE, (candidate) => (isPhoneNumber(candidate) && !keep(candidate) ? REMOVED : candidate));
}

/**
 * Answers to the consent question that mean yes: `yes`, `y`, `true`, `1`, `agree`, `agreed`,
 * `I agree`, and anything that starts with `yes` or `I agree` followed by more words (`Yes, you
 * may name me`, a checkbox's own label `I agree to be named`). Case and spaces do not matter.
 * Anything else, an empty answer included, is no.
 */
export function saysYes(answer: string | undefined): boolean {
  const said = (answer ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (['yes', 'y', 'true', '1', 'agree', 'agreed', 'i agree'].includes(said)) return true;
  return /^(?:yes|i agree)\b(?![-'])/.test(said) && !/^yes\s*[,.:;-]?\s*(?:no|not|but not)\b/.test(said);
}
