/**
 * `paragraph-length`: a paragraph with more sentences than the limit (5 by default). A short
 * paragraph is one idea; a long one is a wall that staff skip.
 */
import type { Root } from 'nlcst';
import type { Plugin } from 'unified';
import { proseSentences } from '../prose.ts';
import { ruleUrl } from './rule-docs.ts';

export interface ParagraphLengthOptions {
  max: number;
}

/**
 * Counts sentences per Markdown paragraph (from the mdast, see `rememberHeadings`): the
 * natural-language tree starts a new paragraph at every line break between sentences.
 */
const retextParagraphLength: Plugin<[ParagraphLengthOptions], Root> = ({ max }) => (tree, file) => {
  const sentences = proseSentences(tree, file);
  for (const paragraph of file.data.paragraphOffsets ?? []) {
    const inside = sentences.filter((sentence) => {
      const offset = sentence.position?.start.offset;
      return offset !== undefined && offset >= paragraph.start && offset < paragraph.end;
    });
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

export default retextParagraphLength;
