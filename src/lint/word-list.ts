import { readFileSync } from 'node:fs';

/** The project word list (`content/words.txt`): one word per line, `#` starts a comment. */
export function readWordList(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return '';
  }
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .join('\n');
}
