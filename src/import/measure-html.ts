/**
 * How many elements an HTML file makes and how deep they nest, read from its tags before parse5
 * builds the tree. parse5 itself is linear, but the conversion after it recurses once per level,
 * and unclosed formatting tags make parse5 clone elements far beyond the tags written (50
 * unclosed `<b>` before 300 paragraphs: 15,000 elements from 27 KB). So the stack of open
 * elements here follows HTML's tree-construction rules where they decide the depth: which end tag
 * closes what (scopes), which start tag ends an open item, which elements a table implies, and
 * which formatting elements are re-opened after a block. Where the rules are not followed (the
 * adoption agency, foster parenting, `<select>`), elements stay open here that a browser closes:
 * the count errs deep, never shallow, and a fuzz test against parse5 keeps it so.
 */
import { markupTokens } from './markup-tokens.ts';
import { TextTally } from './measure-text.ts';
import { OpenElements } from './open-elements.ts';

export interface MarkupMeasures {
  elements: number;
  depth: number;
  text: TextTally;
}

/** Inside a word: a tag between two letters does not end the word ("re<b>fund</b>"). */
const INLINE = new Set('a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark nobr q s samp small span strike strong sub sup time tt u var'.split(' '));
/** Scripts and style sheets are not words. */
const CODE = new Set(['script', 'style']);

/** `commonMark`: the HTML is raw HTML inside Markdown, whose tags CommonMark names more strictly. */
export function measureHtml(html: string, { commonMark = false } = {}): MarkupMeasures {
  const tree = new OpenElements();
  const text = new TextTally();
  let code: string | undefined;
  for (const token of markupTokens(html, { rawText: (name) => tree.holdsText(name), commonMark })) {
    if (token.type === 'text') {
      tree.text();
      if (code === undefined) text.add(token.value);
      continue;
    }
    if (!INLINE.has(token.name)) text.pause();
    if (token.type === 'start') tree.start(token.name, token.selfClosing);
    else tree.end(token.name);
    if (token.type === 'start' && CODE.has(token.name) && tree.holdsText(token.name)) code = token.name;
    else if (token.type === 'end' && token.name === code) code = undefined;
  }
  return { elements: tree.elements, depth: tree.deepest, text };
}
