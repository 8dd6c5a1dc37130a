/**
 * Which module and folder of `src/` imports which, read from every module the package ships: TypeScript,
 * JavaScript and Astro components. dependency-cruiser and madge were tried first: both read `.ts`
 * well but see no import in an `.astro` file (dependency-cruiser 18 has no Astro transpiler; its
 * graph showed all 12 components with 0 dependencies), and components took part in a cycle
 * (`components` <-> `offline`). TypeScript's own pre-processor reads imports, `import type`,
 * re-exports and `import()` from any text, so the frontmatter and `<script>` blocks of a
 * component are read the same way as a module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SOURCE_EXTENSIONS = new Set(['.ts', '.mts', '.js', '.mjs', '.astro']);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE_EXTENSIONS.has(extname(entry.name)) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The code of an Astro component: its frontmatter and its `<script>` blocks. */
function astroCode(text: string): string {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
  return [frontmatter, ...scripts].join('\n');
}

export function importedSpecifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const code = file.endsWith('.astro') ? astroCode(text) : text;
  return ts.preProcessFile(code, true, true).importedFiles.map((imported) => imported.fileName);
}

export interface Edge {
  from: string;
  to: string;
  /** One module import that makes the edge, to name in a failure. */
  example: string;
}

/** Every import of one module by another under `root`, named relative to it. */
export function moduleEdges(root: string): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(root)) {
    for (const specifier of importedSpecifiers(file)) {
      if (!specifier.startsWith('.')) continue;
      const to = relative(root, resolve(dirname(file), specifier));
      if (to.startsWith('..')) continue;
      edges.push({ from: relative(root, file), to, example: `${relative(root, file)} imports ${specifier}` });
    }
  }
  return edges;
}

/**
 * The same imports between folders: a module's folder is the first folder under `root`
 * (`lint/reporters/pretty.ts` is in `lint`); files right under `root` are in `.`.
 */
export function folderEdges(edges: readonly Edge[]): Edge[] {
  const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '.');
  const folders = new Map<string, Edge>();
  for (const edge of edges) {
    const from = folderOf(edge.from);
    const to = folderOf(edge.to);
    if (from !== to && !folders.has(`${from}\0${to}`)) folders.set(`${from}\0${to}`, { from, to, example: edge.example });
  }
  return [...folders.values()];
}

/**
 * The groups of nodes (modules or folders) that import each other, directly or round a circle
 * (Tarjan's strongly connected components), each with the edges inside it.
 */
export function cycles(edges: readonly Edge[]): { members: string[]; edges: Edge[] }[] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (folder: string) => {
    index.set(folder, index.size);
    low.set(folder, index.get(folder) ?? 0);
    stack.push(folder);
    onStack.add(folder);
    for (const to of next.get(folder) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(folder, Math.min(low.get(folder) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) {
        low.set(folder, Math.min(low.get(folder) ?? 0, index.get(to) ?? 0));
      }
    }
    if (low.get(folder) !== index.get(folder)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      group.push(member);
    } while (member !== folder);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const folder of new Set(edges.flatMap(({ from, to }) => [from, to]))) if (!index.has(folder)) visit(folder);
  return groups.map((members) => ({ members, edges: edges.filter(({ from, to }) => members.includes(from) && members.includes(to)) }));
}
