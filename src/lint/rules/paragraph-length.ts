/**
 * `paragraph-length`: a paragraph with more sentences than the limit (5 by default). A short
 * paragraph is one idea; a long one is a wall that staff skip.
 */
import type { Root, Sentence } from 'nlcst';
import type { Plugin } from 'unified';
import { lastStartingAtOrBefore, proseSentences, type Range } from '../prose.ts';
import { ruleUrl } from './rule-docs.ts';

export interface ParagraphLengthOptions {
  max: number;
}

/**
 * Counts sentences per Markdown paragraph (from the mdast, see `rememberHeadings`): the
 * natural-language tree starts a new paragraph at every line break between sentences.
 */
const retextParagraphLength: Plugin<[ParagraphLengthOptions], Root> = ({ max }) => (tree, file) => {
  for (const inside of sentencesByParagraph(proseSentences(tree, file), file.data.paragraphOffsets ?? [])) {
    if (inside.length <= max) continue;
    const first = inside[0]?.position;
    const last = inside.at(-1)?.position;
    const message = file.message(
      `Unexpected paragraph of \`${inside.length}\` sentences, expected at most \`${max}\`. Break it up, or turn it into a list.`,
      { place: first && last ? { start: first.start, end: last.end } : undefined, ruleId: 'paragraph-length', source: 'plainbook' },
    );
    message.actual = String(inside.length);
    message.expected = [String(max)];
    message.url = ruleUrl('paragraph-length');
  }
};

/** Each paragraph's sentences, in order; one binary search per sentence (linear in the document, near enough). */
function sentencesByParagraph(sentences: readonly Sentence[], paragraphs: readonly Range[]): Sentence[][] {
  const grouped = paragraphs.map((): Sentence[] => []);
  for (const sentence of sentences) {
    const offset = sentence.position?.start.offset;
    if (offset === undefined) continue;
    const index = lastStartingAtOrBefore(paragraphs, offset);
    if (offset < (paragraphs[index]?.end ?? 0)) grouped[index]?.push(sentence);
  }
  return grouped;
}

export default retextParagraphLength;
