/**
 * How big a document the import takes. A document from outside can be built to exhaust the
 * machine (a .docx that unpacks to gigabytes, HTML nested 200,000 elements deep), and even an
 * honest one can be a whole manual. Each limit is measured by a cheap linear scan before the
 * work it guards, and a document over one is refused with the number found and the limit.
 *
 * The numbers start from real policies: the longest customer-service policies run to about 80
 * pages, some 40,000 words at 500 words a page. Each limit leaves at least twice that much room,
 * and a document just under the word limit still imports in under 10 s and about 600 MB on two
 * cores (`npm run bench:import` measures it, and the hostile documents).
 */
import { ContentError } from '../errors/index.ts';

const MB = 1024 * 1024;

export interface ImportLimits {
  /** Bytes of the file on disk, checked before it is read. */
  fileBytes: number;
  /** Parts in a .docx archive (its text, styles, each picture), counted before the archive is opened. */
  parts: number;
  /** Bytes a .docx unpacks to, as its archive's central directory states them, before anything is inflated. */
  unpackedBytes: number;
  /** HTML or Word XML elements, counted before they are parsed into a tree. */
  elements: number;
  /** Elements inside elements, or lists and quotes inside each other, before the recursive tree walks. */
  depth: number;
  /** Words of text, before anything is parsed or linted. */
  words: number;
  /** Characters of text, spaces included (runs of spaces count once), before anything is parsed or linted. */
  characters: number;
}

export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  // Gmail takes attachments up to 25 MB, Outlook 20 MB: policies travel by e-mail, pictures and all.
  // Twice that, for a manual kept on a shared drive with large screenshots.
  fileBytes: 50 * MB,
  // A .docx holds about 15 parts plus one per picture or chart. 5,000 is ten times a policy with
  // 500 screenshots; opening the archive costs memory per part (60,000 parts: 280 MB) before any check.
  parts: 5_000,
  // Pictures are stored compressed, so a picture-heavy .docx unpacks to about its own size: the
  // same 50 MB. A document that unpacks to much more is a zip bomb, not a policy.
  unpackedBytes: 50 * MB,
  // Plain Word paragraphs are 0.33 XML elements a word (measured on the benchmark's documents);
  // formatting at every few words (a run and its properties each time) and spelling marks make it
  // about 1. 100,000 words at 1 a word, times 2.5. mammoth needs about 2 KB of memory an element
  // (873,829 empty paragraphs took 1.9 GB), so this is also what keeps it near 500 MB.
  elements: 250_000,
  // Word and Google Docs nest lists 9 levels at most; their web pages nest HTML about 15 elements
  // deep (a list in a table), and Word's own XML nests 13 for a picture, 16 for a text box (mammoth's
  // test documents, saved by Word). 100 is five times that, far below where the recursive tree
  // walks run out of stack (thousands of levels), and it keeps Markdown's list indentation short.
  depth: 100,
  // 80 pages at 500 words a page is 40,000 words; 100,000 is two and a half times that. The lint
  // of the imported policy costs about 60 µs and 4 KB a word, so 99,000 words import in 6-9 s and
  // 480-570 MB (npm run bench:import, two cores).
  words: 100_000,
  // Word's "characters (with spaces)": 100,000 English words are about 620,000 (6.2 a word with its
  // space). 1,000,000 leaves room for long words and tables, and bounds what a word count cannot
  // see: text without spaces or letters (a line of 500,000 full stops).
  characters: 1_000_000,
};

export type LimitName = keyof ImportLimits;

/** A document over one of the limits: says which, the number found and the limit. */
export class ImportLimitError extends ContentError {
  readonly limit: LimitName;
  readonly found: number;
  readonly allowed: number;

  constructor(file: string, limit: LimitName, found: number, allowed: number, detail?: string) {
    super(`Cannot import ${file}: ${describe(limit, found, allowed, detail)}`, { file });
    this.limit = limit;
    this.found = found;
    this.allowed = allowed;
  }
}

/** Refuse the document when `found` is over the limit; at the limit it passes. */
export function checkLimit(file: string, limits: ImportLimits, limit: LimitName, found: number, detail?: string): void {
  if (found > limits[limit]) throw new ImportLimitError(file, limit, found, limits[limit], detail);
}

/** Words first: when a document is over both, that is the number a person knows. */
export function checkText(file: string, limits: ImportLimits, text: { words: number; characters: number }): void {
  checkLimit(file, limits, 'words', text.words);
  checkLimit(file, limits, 'characters', text.characters);
}

/** The limits, for `--help`. */
export function limitsSummary(limits: ImportLimits = IMPORT_LIMITS): string {
  return [
    `files up to ${bytes(limits.fileBytes)}; ${count(limits.words)} words; ${count(limits.characters)} characters; ${count(limits.elements)} elements;`,
    `nesting ${count(limits.depth)} levels deep; a .docx unpacks to ${bytes(limits.unpackedBytes)} and holds ${count(limits.parts)} parts at most`,
  ].join('\n');
}

const SPLIT = 'Split it into smaller documents and import each.';

function describe(limit: LimitName, found: number, allowed: number, detail = ''): string {
  switch (limit) {
    case 'fileBytes': {
      const [size, most] = sizes(found, allowed);
      return `the file is ${size}; Plainbook imports files up to ${most}. Make its pictures smaller (Word: Picture Format > Compress Pictures), or split it into smaller documents.`;
    }
    case 'parts':
      return `the archive holds ${count(found)} parts; Plainbook imports Word documents of up to ${count(allowed)} parts (a document has about 15, plus one per picture). Open it in Word and save it again as .docx, or split it into smaller documents.`;
    case 'unpackedBytes': {
      const [size, most] = sizes(found, allowed);
      return `the document unpacks to ${size}; Plainbook imports documents up to ${most} unpacked. ${SPLIT}`;
    }
    case 'elements':
      return `the document is made of ${count(found)} ${detail || 'elements'}; Plainbook imports documents of up to ${count(allowed)}. ${SPLIT}`;
    case 'depth':
      return `the document nests ${detail || 'elements'} ${count(found)} levels deep; Plainbook imports documents nested up to ${count(allowed)} levels. Check that this is the right file: a policy nests lists a few levels at most.`;
    case 'words':
      return `the document has ${count(found)} words; Plainbook imports documents of up to ${count(allowed)} words (about ${count(Math.round(allowed / 500))} pages). ${SPLIT}`;
    case 'characters':
      return `the document has ${count(found)} characters; Plainbook imports documents of up to ${count(allowed)} characters, spaces included. ${SPLIT}`;
  }
}

/** Both sizes as people read them, or to the byte when that would show them equal. */
function sizes(found: number, allowed: number): [string, string] {
  const [size, most] = [bytes(found), bytes(allowed)];
  return size === most ? [`${count(found)} bytes`, `${count(allowed)} bytes (${most})`] : [size, most];
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** 1.5 GB, 50 MB, 900 KB: one decimal below 10, as file managers show sizes (1 KB = 1,024 bytes). */
export function bytes(value: number): string {
  const units: [number, string][] = [
    [1024 * MB, 'GB'],
    [MB, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (value < size) continue;
    const amount = value / size;
    return `${amount < 10 ? (Math.round(amount * 10) / 10).toString() : Math.round(amount).toString()} ${unit}`;
  }
  return `${value} bytes`;
}
