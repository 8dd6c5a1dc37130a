/**
 * The Markdown the handbook is written in, as the site reads it: CommonMark plus GFM (tables,
 * autolinked URLs, strikethrough), directives (Starlight's `:::note` asides) and, for `.mdx`
 * files, MDX (JSX, `{expressions}`, `import`/`export`). One processor per flavour parses policies
 * and knows how to write text back safely, so what Plainbook writes into a policy is checked
 * against the same grammar the site build uses.
 */
import type { Root } from 'mdast';
import { toMarkdown, type Options as ToMarkdownOptions, type Unsafe } from 'mdast-util-to-markdown';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type PluggableList, type Processor } from 'unified';
// micromark's event edits, made linear in what they move (see the module).
import './linear-edit-map.ts';

export type Flavour = 'mdx' | 'md';

const processors = new Map<Flavour, Processor<Root>>();

/** The parser plugins for `flavour`: every pipeline that reads policies starts with these. */
export function syntaxPlugins(flavour: Flavour): PluggableList {
  return [remarkParse, [remarkFrontmatter, ['yaml', 'toml']], remarkGfm, remarkDirective, ...(flavour === 'mdx' ? [remarkMdx] : [])];
}

function processorFor(flavour: Flavour): Processor<Root> {
  let processor = processors.get(flavour);
  if (!processor) {
    processor = unified().use(syntaxPlugins(flavour)).freeze() as unknown as Processor<Root>;
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

/**
 * A construct mdast-util-to-markdown does not escape because it never writes it from text: an MDX
 * line starting with `import`/`export` is a module statement (changing the word's first letter
 * to a character reference is enough).
 */
const ESM_STATEMENTS: Unsafe[] = [
  { atBreak: true, character: 'i', after: 'mport\\b' },
  { atBreak: true, character: 'e', after: 'xport\\b' },
];

/** How to write Markdown for `flavour` so text stays text: every construct's escapes, plus ESM lines. */
export function writeOptions(flavour: Flavour): Pick<ToMarkdownOptions, 'extensions' | 'unsafe'> {
  return { extensions: toMarkdownExtensions(flavour), unsafe: flavour === 'mdx' ? ESM_STATEMENTS : [] };
}

/**
 * A whole document as Markdown in the handbook's style (`-` bullets, `_emphasis_`, `**strong**`,
 * one space after list markers), with text escaped for `flavour`.
 */
export function documentToMarkdown(tree: Root, flavour: Flavour): string {
  return toMarkdown(tree, { ...writeOptions(flavour), bullet: '-', emphasis: '_', strong: '*', listItemIndent: 'one', rule: '-', fences: true });
}
