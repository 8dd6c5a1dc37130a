/**
 * Cheap measures of a document's text, taken before it is parsed: words and characters as Word's
 * word count gives them, and how deep Markdown nests its lists and quotes. Each is one pass with
 * patterns that never backtrack over what they already read, so a hostile document costs no more
 * than a long honest one.
 */

const EAST_ASIAN = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}`;
const LETTER = String.raw`[[\p{L}\p{N}]--[${EAST_ASIAN}]]`;
/**
 * A word is a run of letters and digits; each Chinese or Japanese character is a word, as Word
 * counts them. A character reference (`&amp;`) is matched so that its letters are not a word.
 * Runs are cut every 64 characters: an unbounded run of Unicode letters makes the regular
 * expression engine keep a frame per character (a 20 MB "word" overflowed its stack), and a
 * 64-letter word is not English anyway.
 */
const WORD = new RegExp(String.raw`&#?[a-z0-9]{1,32};|[${EAST_ASIAN}]|${LETTER}[${LETTER}\p{M}]{0,63}`, 'giv');
/** An apostrophe inside a word ("don't") joins its two runs into one word. */
const INNER_APOSTROPHE = new RegExp(String.raw`(?<=[${LETTER}\p{M}])['’](?=${LETTER})`, 'gv');
const SPACE_RUN = /\s{2,}/g;
const WORD_START = new RegExp(`^${LETTER}`, 'v');
const WORD_END = new RegExp(String.raw`[${LETTER}\p{M}]$`, 'v');

/**
 * Words and characters of text that comes in pieces: the runs of a Word paragraph, the text
 * between HTML tags. Words are counted as Word's word count does, near enough (Word splits at
 * spaces, this at anything not a letter: "e-mail" is two here). A word split across two pieces
 * ("Ref", "unds") counts once unless `pause` was called between them (a paragraph ended). Runs
 * of white space count as one character, so an HTML file's indentation does not count as text.
 */
export class TextTally {
  words = 0;
  characters = 0;
  #inWord = false;
  #inSpace = false;

  add(text: string): void {
    if (text === '') return;
    let characters = text.length;
    for (const run of text.matchAll(SPACE_RUN)) characters -= run[0].length - 1;
    for (const match of text.matchAll(WORD)) {
      if (match[0].startsWith('&')) characters -= match[0].length - 1;
      else this.words++;
    }
    this.words -= countMatches(text, INNER_APOSTROPHE);
    if (this.#inWord && WORD_START.test(text)) this.words--;
    if (this.#inSpace && /^\s/.test(text)) characters--;
    this.characters += characters;
    // The last two code units: a letter outside the Basic Multilingual Plane is a surrogate pair.
    const last = text.slice(-2);
    this.#inWord = WORD_END.test(last);
    this.#inSpace = /\s$/.test(last);
  }

  /** What comes next starts a new word. */
  pause(): void {
    this.#inWord = false;
  }
}

/** Matches of a global pattern, counted without keeping them (a hostile text has millions). */
function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) count++;
  return count;
}

export function measureText(text: string): TextTally {
  const tally = new TextTally();
  tally.add(text);
  return tally;
}

const SPACE = 0x20;
const TAB = 0x09;

/**
 * How deep Markdown nests list items and block quotes, at most. Only a line that starts with a
 * container marker (`>`, `-`, `+`, `*`, `1.`, `1)`) can open one, and an item nested under
 * another is indented at least two columns past its parent's marker; so a line opens at most its
 * markers plus half the indent before its last marker. An upper bound, never less than CommonMark
 * finds, read line by line without parsing.
 */
export function markdownDepth(text: string): number {
  let deepest = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    deepest = Math.max(deepest, lineDepth(text, start, end));
    start = end + 1;
  }
  return deepest;
}

function lineDepth(text: string, start: number, end: number): number {
  let markers = 0;
  let columns = 0;
  let indentOfLast = 0;
  for (let index = start; index < end; ) {
    const code = text.charCodeAt(index);
    if (code === SPACE || code === TAB) {
      columns += code === TAB ? 4 - (columns % 4) : 1;
      index++;
      continue;
    }
    const after = code === 0x3e ? index + 1 : listMarkerEnd(text, index, end);
    if (after === undefined) break;
    markers++;
    indentOfLast = columns;
    columns += after - index;
    index = after;
  }
  return markers === 0 ? 0 : markers + Math.floor(indentOfLast / 2);
}

/** The index just after a list marker that a space, a tab or the line's end follows; undefined if none starts here. */
function listMarkerEnd(text: string, index: number, end: number): number | undefined {
  let at = index;
  if ('-+*'.includes(text.charAt(at))) at++;
  else {
    while (at < end && at - index < 9 && text.charCodeAt(at) >= 0x30 && text.charCodeAt(at) <= 0x39) at++;
    if (at === index || (text.charAt(at) !== '.' && text.charAt(at) !== ')')) return undefined;
    at++;
  }
  return at === end || text.charAt(at) === ' ' || text.charAt(at) === '\t' || text.charAt(at) === '\r' ? at : undefined;
}
