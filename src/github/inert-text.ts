/**
 * Untrusted text (an issue's fields, a reporter's words) in what Plainbook writes on GitHub, as
 * code: GitHub renders no Markdown, @mention, #reference or link inside a code span or block, so
 * whatever the text holds shows as written and notifies no one.
 */

/** A code fence longer than any run of backticks in the text: the text shows as written, inert. */
export function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

/**
 * Untrusted text on one line, as code: no Markdown, no @mentions, no links. A backtick inside
 * would close the span early and let the rest render, so backticks (and line breaks, which
 * could end the list item the span stands in) become spaces.
 */
export function inlineCode(text: string): string {
  return `\`${text.replace(/[`\r\n]/g, ' ').slice(0, 200)}\``;
}
