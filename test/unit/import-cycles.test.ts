import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cycles, folderEdges, moduleEdges, type Edge } from '../helpers/folder-graph.ts';

const SRC = join(import.meta.dirname, '../../src');

const describeCycle = (cycle: { members: string[]; edges: Edge[] }) => `${cycle.members.join(' <-> ')}\n${cycle.edges.map((edge) => `  ${edge.from} -> ${edge.to}: ${edge.example}`).join('\n')}`;

describe('the folders of src/', () => {
  const modules = moduleEdges(SRC);

  it('import each other one way only', () => {
    expect(cycles(folderEdges(modules)).map(describeCycle)).toEqual([]);
  });

  it('have no circle of modules either', () => {
    expect(cycles(modules).map(describeCycle)).toEqual([]);
  });

  it('leave src/cli/ to the entry points: commands depend on src/command/, and the CLI on them', () => {
    const intoCli = modules.filter((edge) => edge.to.startsWith('cli/') && !/^(cli|bin|bench)\//.test(edge.from));
    expect(intoCli.map((edge) => edge.example)).toEqual([]);
  });
});

describe('the cycle check', () => {
  const root = mkdtempSync(join(tmpdir(), 'plainbook-cycles-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  it('reads components, type imports and import() as well as plain imports', () => {
    write('components/card.astro', "---\nimport { formatDate } from '../site/dates.ts';\n---\n<p>{formatDate('2026-01-01')}</p>\n<script>\n  import('../offline/client.ts');\n</script>\n");
    write('site/dates.ts', "import type { Note } from '../offline/notes.ts';\nexport const formatDate = (date: string): string => date;\n");
    write('offline/client.ts', "export { card } from '../components/card-data.ts';\n");
    write('offline/notes.ts', 'export interface Note { text: string }\n');
    write('components/card-data.ts', 'export const card = 1;\n');
    const edges = moduleEdges(root);
    expect(edges.map(({ from, to }) => `${from} -> ${to}`).sort()).toEqual([
      'components/card.astro -> offline/client.ts',
      'components/card.astro -> site/dates.ts',
      'offline/client.ts -> components/card-data.ts',
      'site/dates.ts -> offline/notes.ts',
    ]);
    expect(cycles(edges)).toEqual([]);
    expect(cycles(folderEdges(edges)).map((cycle) => cycle.members)).toEqual([['components', 'offline', 'site']]);
  });

  it('names the import that closes a circle of modules', () => {
    const [cycle] = cycles([
      { from: 'lint/reporters/index.ts', to: 'lint/reporters/pretty.ts', example: 'index imports pretty' },
      { from: 'lint/reporters/pretty.ts', to: 'lint/reporters/index.ts', example: 'pretty imports index' },
      { from: 'lint/cli.ts', to: 'lint/reporters/index.ts', example: 'cli imports index' },
    ]);
    expect(cycle?.members).toEqual(['lint/reporters/index.ts', 'lint/reporters/pretty.ts']);
    expect(cycle?.edges.map((edge) => edge.example)).toEqual(['index imports pretty', 'pretty imports index']);
  });
});
