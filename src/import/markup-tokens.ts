/**
 * HTML and XML read as a flat run of tags and text, without building a tree: enough to count
 * elements, follow their nesting and read the text, in one pass whose cost grows with the file
 * and nothing else. Where HTML's tokenizer and a naive one part ways (a comment that ends at
 * `--!>`, a `>` inside a quoted attribute value), this follows HTML: a scan that read less of the
 * file as tags than parse5 does would undercount what parse5 then builds.
 */

export type MarkupToken =
  | { type: 'text'; value: string }
  | { type: 'start'; name: string; selfClosing: boolean }
  | { type: 'end'; name: string };

const NAME = /[^\s/>]+/y;
/** In Markdown a tag's name is letters, digits and hyphens: `<https://…>` is a link, not a tag. */
const COMMONMARK_NAME = /^[a-z][a-z0-9-]*$/;

export interface TokenOptions {
  /** Asked after each start tag: does the element hold raw text up to its end tag? */
  rawText?: (name: string) => boolean;
  /** Read tags as Markdown's raw HTML: only names CommonMark accepts are tags. */
  commonMark?: boolean;
}
const GT = 0x3e;
const EQUALS = 0x3d;

/**
 * The tokens of `source`. Comments, doctypes, CDATA and processing instructions are skipped
 * (HTML ends all but comments at the next `>`). After a start tag for which `rawText` says yes
 * (asked once the tag is handled, since HTML's answer depends on where it stands: `<style>` holds
 * text, except in SVG or a `<select>`), everything up to its end tag is one text token. A `<`
 * that starts no tag is text. Tag names are lower-cased.
 */
export function* markupTokens(source: string, options: TokenOptions = {}): Generator<MarkupToken> {
  const { rawText = () => false, commonMark = false } = options;
  let index = 0;
  while (index < source.length) {
    const lt = source.indexOf('<', index);
    const textEnd = lt === -1 ? source.length : lt;
    if (textEnd > index) yield { type: 'text', value: source.slice(index, textEnd) };
    if (lt === -1) return;
    const next = source.charAt(lt + 1);
    if (next === '!' || next === '?') {
      index = source.startsWith('<!--', lt) ? commentEnd(source, lt + 4) : after(source, '>', lt + 2);
      continue;
    }
    const closing = next === '/';
    const nameStart = lt + (closing ? 2 : 1);
    if (!/[a-z]/i.test(source.charAt(nameStart))) {
      yield { type: 'text', value: '<' };
      index = lt + 1;
      continue;
    }
    NAME.lastIndex = nameStart;
    const name = (NAME.exec(source)?.[0] ?? '').toLowerCase();
    if (commonMark && !COMMONMARK_NAME.test(name)) {
      yield { type: 'text', value: '<' };
      index = lt + 1;
      continue;
    }
    index = tagEnd(source, nameStart + name.length);
    // A file that ends inside a tag ends there: HTML drops the unfinished tag.
    if (index === -1) return;
    if (closing) {
      yield { type: 'end', name };
      continue;
    }
    const selfClosing = source.charCodeAt(index - 2) === 0x2f;
    yield { type: 'start', name, selfClosing };
    if (!rawText(name)) continue;
    const end = endOfRawText(source, name, index);
    if (end > index) yield { type: 'text', value: source.slice(index, end) };
    index = end;
  }
}

/**
 * Just past the `>` that ends a tag; -1 when the file ends first. A `>` inside a quoted value
 * (`title="a > b"`) does not end it, and a quote counts only where a value starts, right after
 * `=`, as in HTML. A loop, not a regular expression: a pattern repeating over millions of quoted
 * values overflowed the engine's stack.
 */
function tagEnd(source: string, from: number): number {
  for (let at = from; at < source.length; at++) {
    const code = source.charCodeAt(at);
    if (code === GT) return at + 1;
    if (code !== EQUALS) continue;
    let value = at + 1;
    while (/\s/.test(source.charAt(value))) value++;
    const quote = source.charAt(value);
    if (quote !== '"' && quote !== "'") {
      at = value - 1;
      continue;
    }
    const close = source.indexOf(quote, value + 1);
    if (close === -1) return -1;
    at = close;
  }
  return -1;
}

/** Where a comment whose text starts at `from` ends: at `-->` or `--!>`, and at once for `<!-->` and `<!--->`. */
function commentEnd(source: string, from: number): number {
  if (source.charAt(from) === '>') return from + 1;
  if (source.startsWith('->', from)) return from + 2;
  for (let dashes = source.indexOf('--', from); dashes !== -1; dashes = source.indexOf('--', dashes + 1)) {
    if (source.charAt(dashes + 2) === '>') return dashes + 3;
    if (source.startsWith('!>', dashes + 2)) return dashes + 4;
  }
  return source.length;
}

/** Just past the next `marker`; the end of the source when there is none. */
function after(source: string, marker: string, from: number): number {
  const found = source.indexOf(marker, from);
  return found === -1 ? source.length : found + marker.length;
}

/** The start of `</name`, where raw text ends; the end of the source when it never does (`<plaintext>` never does). */
function endOfRawText(source: string, name: string, from: number): number {
  if (name === 'plaintext') return source.length;
  const end = new RegExp(`</${name}[\\s/>]`, 'gi');
  end.lastIndex = from;
  return end.exec(source)?.index ?? source.length;
}
