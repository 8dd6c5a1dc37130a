/**
 * After `npm run mutate`: the mutation score per folder, from Stryker's JSON report.
 * `node scripts/mutation-score.ts [report.json] [--survivors]` — with `--survivors`, also every
 * surviving or uncovered mutant as `file:line:column mutator: replacement`.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** The folders (and one file) `stryker.config.mjs` mutates, as the README reports them. */
const TARGETS = ['src/feedback/', 'src/github/', 'src/lint/rules/', 'src/lint/metrics.ts', 'src/markdown/', 'src/review/'];

interface Mutant {
  status: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number; column: number } };
}

interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

const { values, positionals } = parseArgs({ options: { survivors: { type: 'boolean', default: false } }, allowPositionals: true });
const report = JSON.parse(readFileSync(positionals[0] ?? 'reports/mutation/mutation.json', 'utf8')) as Report;

const COLUMNS = ['Killed', 'Survived', 'NoCoverage', 'Timeout', 'RuntimeError', 'CompileError', 'Ignored'] as const;
const rows = new Map<string, Record<string, number>>();
const undetected: string[] = [];

for (const [path, file] of Object.entries(report.files)) {
  const relative = path.replace(/\\/g, '/').replace(/^.*?(?=src\/)/, '');
  const target = TARGETS.find((prefix) => relative.startsWith(prefix)) ?? relative;
  const row = rows.get(target) ?? Object.fromEntries(COLUMNS.map((column) => [column, 0]));
  for (const mutant of file.mutants) {
    row[mutant.status] = (row[mutant.status] ?? 0) + 1;
    if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
      const { line, column } = mutant.location.start;
      undetected.push(`${relative}:${line}:${column} ${mutant.status} ${mutant.mutatorName}: ${(mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80)}`);
    }
  }
  rows.set(target, row);
}

/** Stryker's score: detected (killed or timed out) out of all valid mutants, uncovered ones included. */
function score(row: Record<string, number>): string {
  const detected = (row.Killed ?? 0) + (row.Timeout ?? 0);
  const valid = detected + (row.Survived ?? 0) + (row.NoCoverage ?? 0);
  return valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(2)}%`;
}

function line(name: string, row: Record<string, number>): string {
  const mutants = COLUMNS.reduce((sum, column) => sum + (row[column] ?? 0), 0);
  return `| ${name} | ${mutants} | ${COLUMNS.map((column) => row[column] ?? 0).join(' | ')} | ${score(row)} |`;
}

const total = Object.fromEntries(COLUMNS.map((column) => [column, [...rows.values()].reduce((sum, row) => sum + (row[column] ?? 0), 0)]));
const lines = [
  `| Folder | Mutants | ${COLUMNS.join(' | ')} | Score |`,
  `| --- | ${['Mutants', ...COLUMNS, 'Score'].map(() => '---:').join(' | ')} |`,
  ...[...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, row]) => line(`\`${name}\``, row)),
  line('All', total),
];
process.stdout.write(`${lines.join('\n')}\n`);
if (values.survivors) process.stdout.write(`\n${undetected.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).join('\n')}\n`);
