/**
 * Inline switches: `{/* plainbook-disable passive *\/}` … `{/* plainbook-enable *\/}` in MDX, or
 * `<!-- plainbook-disable passive -->` in Markdown, turn rules off for a passage. Also
 * `plainbook-ignore rule` for the next block only. Built on unified-message-control, the engine
 * behind remark-lint's own `lint disable` comments.
 */
import type { Node } from 'unist';
import { messageControl } from 'unified-message-control';
import type { VFile } from 'vfile';
import { RULE_IDS } from '../schema/lint-rules.ts';

const SWITCH = /^\s*(?:\/\*|<!--)?\s*plainbook-(disable|enable|ignore)\b([^*]*?)\s*(?:\*\/|-->)?\s*$/;

export const MESSAGE_SOURCES = [
  'plainbook',
  'remark-lint',
  'retext-readability',
  'retext-simplify',
  'retext-passive',
  'retext-equality',
  'retext-intensify',
  'retext-repeated-words',
  'retext-indefinite-article',
];

function marker(node: Node) {
  const value = (node as { value?: unknown }).value;
  if (typeof value !== 'string') return null;
  const match = SWITCH.exec(value);
  if (!match) return null;
  return { name: 'plainbook', attributes: `${match[1]} ${match[2] ?? ''}`.trim(), node };
}

/** Drop messages that inline switches turned off. Messages must carry Plainbook rule ids. */
export function applyInlineSwitches(tree: Node, file: VFile): void {
  messageControl(tree, {
    file,
    name: 'plainbook',
    marker,
    test: ['mdxFlowExpression', 'mdxTextExpression', 'html'],
    known: RULE_IDS,
    source: MESSAGE_SOURCES,
  });
}
