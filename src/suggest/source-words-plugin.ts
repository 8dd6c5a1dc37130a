/**
 * Each paragraph, heading, list item and table cell of a page (in components too) carries its own Markdown
 * source as `data-source`, so words a reader selects can be sent to the feedback form as they
 * are written in the file, which is what the feedback step searches for. Registered on the
 * handbook's Markdown processor as Starlight registers its own transforms: Astro's default,
 * Sätteri, or unified when a team switched to it.
 */
import { isSatteriProcessor } from '@astrojs/markdown-satteri';
import type { Root } from 'mdast';
import { defineHastPlugin, defineMdastPlugin, type MdastVisitorContext } from 'satteri';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** List items too: a tight list's items have no paragraph of their own on the page. */
const BLOCKS = ['paragraph', 'heading', 'tableCell', 'listItem'] as const;

interface Positioned {
  position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined;
  data?: object | undefined;
}

/** The block's source, or undefined when the parser gave no offsets. */
function sourceOf(node: Positioned, source: string): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : source.slice(start, end);
}

function withSource(data: object | undefined, source: string): Record<string, unknown> {
  const current = (data ?? {}) as { hProperties?: Record<string, unknown> };
  return { ...current, hProperties: { ...current.hProperties, 'data-source': source } };
}

function markBlock(node: Positioned, context: MdastVisitorContext): void {
  const source = sourceOf(node, context.source);
  if (source !== undefined) context.setProperty(node as never, 'data', withSource(node.data, source));
}

export const satteriSourceWords = defineMdastPlugin({
  name: 'plainbook-source-words',
  // Sätteri tracks source positions only when a plugin asks (about 15% of its parse time).
  options: { position: true },
  paragraph: markBlock,
  heading: markBlock,
  listItem: markBlock,
});

/**
 * Sätteri builds table cells without the mdast node's `hProperties` (a test found it), so cells
 * are marked on the HTML side, where their elements keep the source position.
 */
export const satteriCellSourceWords = defineHastPlugin({
  name: 'plainbook-cell-source-words',
  options: { position: true },
  element: {
    filter: ['td', 'th'],
    visit(node, context) {
      const source = sourceOf(node, context.source);
      if (source !== undefined) context.setProperty(node, 'dataSource', source);
    },
  },
});

/** The same for unified (remark). */
export function remarkSourceWords() {
  return (tree: Root, file: VFile) => {
    const text = String(file.value);
    visit(tree, (node) => {
      if (!(BLOCKS as readonly string[]).includes(node.type)) return;
      const source = sourceOf(node, text);
      if (source !== undefined) node.data = withSource(node.data, source) as typeof node.data;
    });
  };
}

interface UnifiedLike {
  name: string;
  options: { remarkPlugins?: unknown[] };
}

/** Add the plugin to the configured processor; false when it is one neither plugin fits. */
export function registerSourceWords(processor: { name: string } | undefined): boolean {
  if (!processor) return false;
  if (isSatteriProcessor(processor)) {
    processor.options.mdastPlugins.push(satteriSourceWords);
    processor.options.hastPlugins.push(satteriCellSourceWords);
    return true;
  }
  const remark = (processor as UnifiedLike).options?.remarkPlugins;
  if (processor.name === 'unified' && Array.isArray(remark)) {
    remark.push(remarkSourceWords);
    return true;
  }
  return false;
}
