/**
 * The Markdown the handbook is written in, as the site reads it: CommonMark plus GFM (tables,
 * autolinked URLs, strikethrough), directives (Starlight's `:::note` asides) and, for `.mdx`
 * files, MDX (JSX, `{expressions}`, `import`/`export`). One processor per flavour parses policies
 * and knows how to write text back safely, so what Plainbook writes into a policy is checked
 * against the same grammar the site build uses.
 */
import type { Root } from 'mdast';
import type { Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

export type Flavour = 'mdx' | 'md';

const processors = new Map<Flavour, Processor<Root>>();

function processorFor(flavour: Flavour): Processor<Root> {
  let processor = processors.get(flavour);
  if (!processor) {
    const base = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).use(remarkDirective);
    processor = (flavour === 'mdx' ? base.use(remarkMdx) : base).freeze() as unknown as Processor<Root>;
    processors.set(flavour, processor);
  }
  return processor;
}

export function flavourOf(file: string): Flavour {
  return file.endsWith('.mdx') ? 'mdx' : 'md';
}

/** The syntax tree of a document, with positions; throws when MDX does not parse. */
export function parseDocument(source: string, flavour: Flavour): Root {
  return processorFor(flavour).parse(source);
}

/** The serialiser extensions the parser's plugins registered: every construct knows its escapes. */
export function toMarkdownExtensions(flavour: Flavour): NonNullable<ToMarkdownOptions['extensions']> {
  const data = processorFor(flavour).data() as { toMarkdownExtensions?: NonNullable<ToMarkdownOptions['extensions']> };
  return data.toMarkdownExtensions ?? [];
}
