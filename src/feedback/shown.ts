/**
 * Words from an export quoted back at the terminal (a question's title, a wrong answer): on one
 * line, at most `limit` characters, in backticks, and with control characters shown as `?`, so a
 * cell cannot move the cursor, recolour the terminal or hide the rest of the message.
 */
import { scrubPersonalData } from './personal-data.ts';

export function shown(text: string, limit = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  // C0 and C1 controls (ANSI escapes start with ESC or CSI) and bidirectional overrides.
  const printable = line.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '?').replace(/`/g, "'");
  return `\`${printable.length > limit ? `${printable.slice(0, limit - 3)}...` : printable}\``;
}

/**
 * An answer quoted back in a problem: `Unexpected empty answer`, or the answer as `shown`, with
 * any address or phone number in it removed (a terminal's output ends up in CI logs too).
 */
export function shownAnswer(text: string): string {
  return text.trim() === '' ? 'empty answer' : shown(scrubPersonalData(text));
}
