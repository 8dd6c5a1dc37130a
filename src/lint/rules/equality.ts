/**
 * `equality`: retext-equality, run once per page instead of once per paragraph.
 *
 * retext-equality searches each paragraph on its own, and every search first indexes all of its
 * phrases (912 of them, each normalised) before it looks at a word. A policy page has dozens of
 * short paragraphs (each list item is one), so indexing was most of the rule's cost: a fifth of
 * the whole lint on a 1,000-page handbook. Its matches never cross a sentence, so handing it the
 * page as one paragraph of all its sentences finds the same words at the same places; a test
 * holds this to retext-equality's own results.
 */
import type { Paragraph, Root } from 'nlcst';
import retextEquality, { type Options } from 'retext-equality';
import type { Plugin } from 'unified';

/** The page's sentences under one paragraph; the nodes themselves (and positions) are shared. */
function asOneParagraph(tree: Root): Root {
  const children: Paragraph['children'] = [];
  for (const node of tree.children) {
    // One at a time: spreading a paragraph of 200,000 sentences into push() overflows the call stack.
    if (node.type === 'ParagraphNode') for (const sentence of node.children) children.push(sentence);
  }
  return { type: 'RootNode', children: [{ type: 'ParagraphNode', children }] };
}

const retextEqualityPerPage: Plugin<[Options?], Root> = (options) => {
  const check = retextEquality(options);
  return (tree, file) => check(asOneParagraph(tree), file);
};

export default retextEqualityPerPage;
