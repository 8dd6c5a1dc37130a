/**
 * An earlier version's words as the record shows them: its Markdown, with MDX's code taken out.
 * Components are not run for an earlier version: they read today's data files and props, so
 * they would show today's numbers under an old date, and an old version whose props no longer
 * fit would stop the build. A component's own words stay; one with none is named in a note.
 */
import type { Root, RootContent } from 'mdast';
import { satteriTree } from '../markdown/satteri-parse.ts';
import { documentToMarkdown, type Flavour } from '../markdown/syntax.ts';
import { frontmatterSource } from './frontmatter.ts';

const CODE = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'yaml', 'toml']);
const ELEMENTS = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);

export function versionMarkdown(text: string, flavour: Flavour): string {
  const body = text.slice(frontmatterSource(text)?.bodyStart ?? 0);
  if (flavour === 'md') return body;
  let tree: Root;
  try {
    // Sätteri, as the site renders with: 0.09 ms a page against micromark's 3.5 ms, for every
    // earlier version of every policy in each build.
    tree = satteriTree(body, 'mdx', { position: false });
  } catch {
    // A version that no longer parses is still the record: show its text as written.
    return `\`\`\`text\n${body.replaceAll('```', "'''")}\n\`\`\`\n`;
  }
  // Words alone (the most common version): as written, with nothing to take out or write again.
  if (!hasCode(tree.children)) return body;
  tree.children = withoutCode(tree.children) as Root['children'];
  return documentToMarkdown(tree, 'md');
}

function withoutCode(nodes: readonly RootContent[]): RootContent[] {
  return nodes.flatMap((node): RootContent[] => {
    if (CODE.has(node.type)) return [];
    if (ELEMENTS.has(node.type)) {
      const element = node as RootContent & { name?: string | null; children?: RootContent[] };
      const children = withoutCode(element.children ?? []);
      if (children.length > 0) return node.type === 'mdxJsxFlowElement' && children.every(isPhrasing) ? [{ type: 'paragraph', children } as RootContent] : children;
      return node.type === 'mdxJsxFlowElement' ? [{ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: `(${element.name ?? 'A component'}: not shown for earlier versions.)` }] }] } as RootContent] : [];
    }
    if ('children' in node && Array.isArray(node.children)) return [{ ...node, children: withoutCode(node.children as RootContent[]) } as RootContent];
    return [node];
  });
}

function hasCode(nodes: readonly RootContent[]): boolean {
  return nodes.some((node) => CODE.has(node.type) || ELEMENTS.has(node.type) || ('children' in node && Array.isArray(node.children) && hasCode(node.children as RootContent[])));
}

function isPhrasing(node: RootContent): boolean {
  return ['text', 'emphasis', 'strong', 'inlineCode', 'link', 'break', 'delete', 'image'].includes(node.type);
}
