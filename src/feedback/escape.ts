/**
 * Feedback text comes from anyone who can open an issue. Before it goes into a policy it is made
 * inert: in MDX, `{…}` is JavaScript, `<…>` is JSX or HTML, and a line starting with `import` or
 * `export` is a module statement. Each becomes a character reference that renders as the same
 * character but is never parsed as code.
 */

/** Over this, a body is refused rather than read. */
export const MAX_BODY_BYTES = 64 * 1024;

// Bidirectional controls can make text read differently from what it is (CVE-2021-42574).
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// NUL and other C0 controls except tab and newline have no place in prose.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '{': '&#123;',
  '}': '&#125;',
  '`': '&#96;',
};

export function stripControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '');
}

/** Untrusted text as plain MDX prose: renders as written, parses as nothing but text. */
export function escapeForMdx(text: string): string {
  return stripControls(text)
    .replace(/[&<>{}`]/g, (character) => REFERENCES[character] ?? character)
    .split('\n')
    .map((line) => line.replace(/^(\s*)(import|export)\b/, (_, space: string, word: string) => `${space}&#${word.charCodeAt(0)};${word.slice(1)}`))
    .join('\n');
}
