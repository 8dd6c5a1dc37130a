/**
 * The one reader of a page's frontmatter outside Astro: the lint (a page's `readingLevel`), the
 * policy schema check, the feedback step (where the body starts) and the import all read it here.
 * The Markdown parsers (remark-frontmatter) agree on where it ends: a test holds them together.
 */
import { parse as parseYaml } from 'yaml';
import type { YamlSource } from '../schema/yaml-location.ts';

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*(?:\r?\n|$)/m;

export interface FrontmatterSource extends YamlSource {
  /** Offset in the file where the body starts, after the closing `---` line. */
  bodyStart: number;
}

/** The YAML between the opening and closing `---` of a Markdown/MDX file, with its first line. */
export function frontmatterSource(source: string): FrontmatterSource | undefined {
  const opening = OPENING.exec(source);
  if (!opening) return undefined;
  const rest = source.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return undefined;
  return { text: rest.slice(0, closing.index), firstLine: 2, bodyStart: opening[0].length + closing.index + closing[0].length };
}

/**
 * The frontmatter's values, read leniently: undefined when there is none or it is not a YAML
 * mapping. For values needed before the schema runs; the schema reports what is wrong with them.
 */
export function frontmatterData(source: string): Readonly<Record<string, unknown>> | undefined {
  const yaml = frontmatterSource(source);
  if (!yaml) return undefined;
  let data = parsed.get(yaml.text);
  if (data === undefined) {
    data = readMapping(yaml.text);
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(yaml.text, data);
  }
  return data ?? undefined;
}

/**
 * The same header is read many times in a build: each version of a policy by its redlines (as the
 * text after one change and before the next), its version page and its dates. Parsing YAML is the
 * slow part (0.3 ms a header), so each text is parsed once; the bound keeps a long build's memory
 * flat (10,000 headers of about 300 bytes).
 */
const MAX_PARSED = 10_000;
const parsed = new Map<string, Readonly<Record<string, unknown>> | null>();

function readMapping(yaml: string): Readonly<Record<string, unknown>> | null {
  try {
    const data: unknown = parseYaml(yaml);
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
