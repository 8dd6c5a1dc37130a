import type { Root as MdastRoot } from 'mdast';
import type { Root as NlcstRoot, Sentence } from 'nlcst';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * What counts as prose when Markdown/MDX becomes natural-language text. Only `text` nodes become
 * words; these are named so the intent is plain: code, frontmatter, raw HTML, MDX expressions
 * and import/export never reach the prose rules. JSX elements' text children do (`<SayThis>`),
 * their attributes do not (they are not children). Inline code stays in the sentence as one
 * "source" token, so "Run `npm test` now." is still one sentence.
 */
export const PROSE_OPTIONS = {
  ignore: ['yaml', 'toml', 'code', 'html', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression'],
  source: ['inlineCode'],
};

export interface Range {
  start: number;
  end: number;
}

declare module 'vfile' {
  interface DataMap {
    /** Line ranges of headings: they are labels, not sentences, so metrics leave them out. */
    headingLines: Range[];
    /** Offset ranges of Markdown paragraphs. Natural-language paragraphs also break at soft line breaks. */
    paragraphOffsets: Range[];
    /** Offset ranges of `<SayThis kind="avoid">`: deliberate bad examples, which prose rules skip. */
    badExampleOffsets: Range[];
  }
}

/** Is this node a `<SayThis kind="avoid">` block, whose text shows what not to say? */
function isBadExample(node: { type: string; name?: unknown; attributes?: unknown }): boolean {
  if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== 'SayThis') return false;
  const attributes = (node.attributes ?? []) as { type: string; name?: string; value?: unknown }[];
  return attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'kind' && attribute.value === 'avoid');
}

/** Drop prose messages inside bad examples; structure and metrics still see the text. */
export function outsideBadExamples(file: VFile, offset: number | undefined): boolean {
  if (offset === undefined) return true;
  return !(file.data.badExampleOffsets ?? []).some((range) => offset >= range.start && offset < range.end);
}

/** Remark plugin: remember the Markdown structure that prose rules need after it becomes sentences. */
export const rememberHeadings: Plugin<[], MdastRoot> = () => (tree, file) => {
  const headings: Range[] = [];
  const paragraphs: Range[] = [];
  const badExamples: Range[] = [];
  visit(tree, (node) => {
    const position = node.position;
    if (!position) return;
    const offsets = { start: position.start.offset ?? 0, end: position.end.offset ?? 0 };
    if (node.type === 'heading') headings.push({ start: position.start.line, end: position.end.line });
    if (node.type === 'paragraph') paragraphs.push(offsets);
    if (isBadExample(node)) badExamples.push(offsets);
  });
  file.data.headingLines = headings;
  file.data.paragraphOffsets = paragraphs;
  file.data.badExampleOffsets = badExamples;
};

export function isHeadingSentence(sentence: Sentence, file: VFile): boolean {
  const line = sentence.position?.start.line;
  if (line === undefined) return false;
  const range = (file.data.headingLines ?? [])[lastStartingAtOrBefore(file.data.headingLines ?? [], line)];
  return range !== undefined && line <= range.end;
}

/**
 * Index of the last range that starts at or before `value`, or -1. The ranges are in document
 * order and never overlap (headings and paragraphs do not nest), so a binary search finds the
 * one that could hold `value`: asking every range for every sentence was quadratic in a long
 * imported document.
 */
export function lastStartingAtOrBefore(ranges: readonly Range[], value: number): number {
  let low = 0;
  let high = ranges.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((ranges[middle]?.start ?? 0) <= value) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

const sentencesByTree = new WeakMap<NlcstRoot, Sentence[]>();

/**
 * Sentences that count for readability: not headings, and with at least one word. Several rules
 * ask for them; the walk happens once per document. (nlcst: root > paragraph > sentence.)
 */
export function proseSentences(tree: NlcstRoot, file: VFile): Sentence[] {
  const cached = sentencesByTree.get(tree);
  if (cached) return cached;
  const sentences: Sentence[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode' || isHeadingSentence(sentence, file)) continue;
      if (sentence.children.some((child) => child.type === 'WordNode')) sentences.push(sentence);
    }
  }
  sentencesByTree.set(tree, sentences);
  return sentences;
}
