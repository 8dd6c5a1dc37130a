/**
 * Quote marks that word processors and Astro's smartypants type for the straight ones a person
 * types: curly, low-9 and reversed quotes, and the prime (Word's autocorrect after a digit).
 * One table for every place that compares typed words with typeset ones.
 */
export const SINGLE_QUOTES = ['\u2018', '\u2019', '\u201A', '\u201B', '\u2032'] as const;
export const DOUBLE_QUOTES = ['\u201C', '\u201D', '\u201E', '\u201F', '\u2033'] as const;

const STRAIGHT = new Map<string, string>([...SINGLE_QUOTES.map((mark) => [mark, "'"] as const), ...DOUBLE_QUOTES.map((mark) => [mark, '"'] as const)]);

/** The straight quote a typeset one stands for; any other character as it is. */
export function straightQuote(character: string): string {
  return STRAIGHT.get(character) ?? character;
}

/** Every typeset quote in `text` made straight. */
export function straightenQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u2033]/g, straightQuote);
}
