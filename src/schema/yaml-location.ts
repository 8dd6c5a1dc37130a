import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** YAML text and the file line it starts on (frontmatter starts after the opening `---`). */
export interface YamlSource {
  text: string;
  /** 1-based line in the file where `text` begins. */
  firstLine: number;
}

export interface Location {
  line: number;
  column: number;
}

/**
 * Where a value sits in YAML source, so errors can say "line 5" instead of "somewhere in the
 * frontmatter". A missing key is reported at the nearest parent that exists.
 */
export function locateYamlPath(source: YamlSource, path: readonly PropertyKey[]): Location | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, keepSourceTokens: false });
  let node: unknown = doc.contents;
  let found = node as Node | null;
  for (const key of path) {
    const next = childNode(node, key);
    if (!next) break;
    node = next.value ?? next.key;
    found = (next.key && isMissingValue(next.value) ? next.key : node) as Node | null;
  }
  const offset = found?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line: line + source.firstLine - 1, column: col };
}

interface Pair {
  key: unknown;
  value: unknown;
}

function childNode(node: unknown, key: PropertyKey): Pair | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value) === String(key));
    return pair ? { key: pair.key, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof key === 'number') {
    const item = node.items[key];
    return item ? { key: undefined, value: item } : undefined;
  }
  return undefined;
}

function isMissingValue(value: unknown): boolean {
  return value === null || value === undefined || (value as Node).range === undefined;
}
