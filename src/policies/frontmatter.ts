import type { YamlSource } from '../schema/yaml-location.ts';

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*$/m;

/** The YAML between the opening and closing `---` of a Markdown/MDX file, with its first line. */
export function frontmatterSource(source: string): YamlSource | undefined {
  const opening = OPENING.exec(source);
  if (!opening) return undefined;
  const rest = source.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return undefined;
  return { text: rest.slice(0, closing.index), firstLine: 2 };
}
