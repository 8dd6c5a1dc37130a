/**
 * `npm run bench:lint [-- --policies 1000]`: lint speed on a generated handbook, as an editor
 * sees it (wall time of `npm run lint`, process start included): cold, warm (cache), one file
 * changed. A benchmark, not a test: it prints numbers and never fails on them. `npm run bench`
 * measures the same and the build too.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { policyFile, writeHandbook } from '../src/bench/generate-handbook.ts';
import { measure, summarise } from '../src/bench/measure.ts';
import { parseOptions } from '../src/cli/options.ts';

const { values } = parseOptions({ options: { policies: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } } });
const count = Number(values.policies);
const runs = Number(values.runs);
const root = mkdtempSync(join(tmpdir(), 'plainbook-bench-lint-'));
writeHandbook(root, count, 'site:\n  title: Bench\n  url: https://bench.test/\n  repo: acme/bench\n');

// The lint exits 1 when it finds errors: a result, not a failure of the benchmark.
const lint = () => measure(process.execPath, [resolve('src/bin/plainbook.ts'), 'lint', '--format', 'json'], { cwd: root, okCodes: [0, 1] });
const times = (run: (n: number) => void) => summarise(Array.from({ length: runs }, (_, n) => (run(n), lint()))).seconds;

const cold = times(() => rmSync(join(root, 'node_modules/.cache'), { recursive: true, force: true }));
lint();
const warm = times(() => {});
const changed = times((n) => appendFileSync(join(root, policyFile(0)), `\nOne more line ${n}.\n`));

console.log(`Prose lint, ${count} generated policies of ~600 words, median of ${runs} runs, wall time:`);
console.log('| run | seconds | files/second |\n| --- | ---: | ---: |');
for (const [name, seconds] of [['cold (no cache)', cold], ['warm (cache)', warm], ['one file changed', changed]] as const) {
  console.log(`| ${name} | ${seconds.toFixed(2)} | ${(count / seconds).toFixed(0)} |`);
}
rmSync(root, { recursive: true, force: true });
