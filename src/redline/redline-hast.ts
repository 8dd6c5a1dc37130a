/**
 * One change's redline as HTML: removed words struck through, added words underlined, each also
 * said in words for screen readers (and for print, where colour may be lost). One markup for the
 * site's component and the version pages written after the build.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Redline, RedlinePart } from './redline.ts';

/** The redline's blocks, or nothing when the change moved no words. */
export function redlineTree(change: Redline): Element | undefined {
  if (change.blocks.length === 0) return undefined;
  return h(
    'div.redline',
    change.blocks.map((block) => h('p.redline__block', [block.section ? h('span.redline__section', `${block.section}: `) : undefined, ...block.parts.map(partTree)])),
  );
}

function partTree(part: RedlinePart): ElementContent {
  if (part.kind === 'same') return { type: 'text', value: part.text };
  const [tag, said] = part.kind === 'removed' ? ['del', 'removed'] : ['ins', 'added'];
  return h(tag, [h('span.sr-only', `[${said}: `), part.text, h('span.sr-only', ']')]);
}
