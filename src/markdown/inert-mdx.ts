/**
 * Text written into an `.mdx` policy so MDX reads it back as Markdown only: no HTML, JSX, `{expressions}`,
 * `import`/`export`, frontmatter or directives. Shared by `plainbook import` and the "Check your words"
 * page's proposal; light (the Markdown pipeline and unist-util-visit only) because the page's web
 * worker bundles it for the browser.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { documentToMarkdown, parseDocument } from './syntax.ts';

/**
 * What MDX would run or render as markup rather than show as words, and what Starlight would turn
 * into something else (frontmatter, `:::note` asides and other directives).
 */
export const NEVER_IN_WRITTEN_TEXT: ReadonlySet<string> = new Set([
  'html',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'yaml',
  'toml',
  'containerDirective',
  'leafDirective',
  'textDirective',
]);

/**
 * The body as MDX, escaped by the writer the feedback step uses, then parsed again by the
 * handbook's own parser: if anything but Markdown came out, that is a bug here, and nothing is written.
 */
export function bodyToMdx(tree: Root): string {
  const markdown = documentToMarkdown(tree, 'mdx');
  const found = new Set<string>();
  visit(parseDocument(markdown, 'mdx'), (node: RootContent | Root) => {
    if (NEVER_IN_WRITTEN_TEXT.has(node.type)) found.add(node.type);
  });
  if (found.size > 0) throw new Error(`Written text came out as ${[...found].join(', ')} instead of text; nothing was written.`);
  return markdown;
}

/** The page title is its `#`; the highest remaining heading becomes `##` and the rest follow. */
export function shiftHeadings(tree: Root): void {
  const headings: Heading[] = [];
  visit(tree, 'heading', (heading) => {
    headings.push(heading);
  });
  if (headings.length === 0) return;
  // reduce, not Math.min(...): spreading 200,000 headings overflows the call stack.
  const shift = 2 - headings.reduce((highest, heading) => Math.min(highest, heading.depth), 6);
  for (const heading of headings) heading.depth = Math.min(6, Math.max(2, heading.depth + shift)) as Heading['depth'];
}
