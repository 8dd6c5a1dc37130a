/** `1 word`, `2 words`, `1,200 words`: the count as a reader writes it, and the noun to match. */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-GB')} ${noun}${count === 1 ? '' : 's'}`;
}
