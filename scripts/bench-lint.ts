/**
 * `npm run bench:lint [-- --policies 1000]`: lint speed on a generated handbook, as an editor
 * sees it (wall time of `npm run lint`, process start included): cold, warm (cache), one file
 * changed. A benchmark, not a test: it prints numbers and never fails on them.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { policyFile, policySource, writeHandbook } from '../src/bench/generate-handbook.ts';

const { values } = parseArgs({ options: { policies: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } } });
const count = Number(values.policies);
const runs = Number(values.runs);
const lintScript = resolve('scripts/lint.ts');
const root = mkdtempSync(join(tmpdir(), 'plainbook-bench-lint-'));
writeHandbook(root, count, 'site:\n  title: Bench\n  url: https://bench.test/\n  repo: acme/bench\n');

function lintOnce(args: string[] = []): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [lintScript, '--format', 'json', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status === 2) throw new Error(result.stderr);
  return (performance.now() - start) / 1000;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const cache = join(root, 'node_modules/.cache');
const cold = median(Array.from({ length: runs }, () => (rmSync(cache, { recursive: true, force: true }), lintOnce())));
lintOnce();
const warm = median(Array.from({ length: runs }, () => lintOnce()));
const changed = median(
  Array.from({ length: runs }, (_, run) => {
    appendFileSync(join(root, policyFile(0)), `\n${policySource(count + run).split('\n').at(-2)}\n`);
    return lintOnce();
  }),
);

const rows = [
  ['cold (no cache)', cold],
  ['warm (cache)', warm],
  ['one file changed', changed],
] as const;
console.log(`Prose lint, ${count} generated policies of ~600 words, median of ${runs} runs, wall time:`);
console.log('| run | seconds | files/second |\n| --- | ---: | ---: |');
for (const [name, seconds] of rows) console.log(`| ${name} | ${seconds.toFixed(2)} | ${(count / seconds).toFixed(0)} |`);
rmSync(root, { recursive: true, force: true });
