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
 * could end the list item the span stands in) become spaces. At most `limit` characters: a
 * title or a section name is cut at 200; a redline's words are measured elsewhere and not cut.
 */
export function inlineCode(text: string, limit = 200): string {
  return `\`${text.replace(/[`\r\n]/g, ' ').slice(0, limit)}\``;
}

/**
 * Untrusted text inside raw HTML (a `<summary>`, where GitHub reads no Markdown), as code: its
 * `<`, `>`, `&` and quotes escaped, so no tag, entity or attribute in it takes effect, and in
 * `<code>`, where GitHub turns no @mention or #reference into a link. On one line.
 */
export function htmlCode(text: string, limit = 200): string {
  const escaped = text
    .replace(/[\r\n]/g, ' ')
    .slice(0, limit)
    .replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<code>${escaped}</code>`;
}

/**
 * The text inside a block `fenced` wrote, or the value as it is when it is not exactly one such
 * block: what a field of an imported answer held, read back from the issue.
 */
export function unfenced(value: string): string {
  const block = /^(`{3,})text\n([\s\S]*)\n\1$/.exec(value);
  if (!block) return value;
  const [, fence = '', inner = ''] = block;
  const longest = Math.max(0, ...[...inner.matchAll(/`+/g)].map((run) => run[0].length));
  return longest < fence.length ? inner : value;
}
