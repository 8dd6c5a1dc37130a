/**
 * `npm run bench:lint [-- --policies 1000]`: lint speed on a generated handbook, as an editor
 * sees it (wall time of `npm run lint`, process start included): cold, warm (cache), one file
 * changed. A benchmark, not a test: it prints numbers and never fails on them. `npm run bench`
 * measures the same and the build too.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { policyFile, writeHandbook } from '../src/bench/generate-handbook.ts';
import { measure, summarise } from '../src/bench/measure.ts';
import { parseOptions } from '../src/command/options.ts';

const { values } = parseOptions({ options: { policies: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } } });
const count = Number(values.policies);
const runs = Number(values.runs);
// What a handbook runs: the compiled CLI (no TypeScript to strip at each start), built first.
execFileSync('npm', ['run', '--silent', 'compile'], { stdio: 'inherit' });
const CLI = resolve('lib/bin/plainbook.js');
const SETTINGS = 'site:\n  title: Bench\n  url: https://bench.test/\n  repo: acme/bench\n';
const root = mkdtempSync(join(tmpdir(), 'plainbook-bench-lint-'));
writeHandbook(root, count, SETTINGS);
// The same pages with the spell rule off: the difference is what spelling costs.
const noSpell = mkdtempSync(join(tmpdir(), 'plainbook-bench-lint-nospell-'));
writeHandbook(noSpell, count, `${SETTINGS}lint:\n  rules:\n    spell: off\n`);

// The lint exits 1 when it finds errors: a result, not a failure of the benchmark.
const lint = (cwd = root, args: string[] = ['--format', 'json']) => measure(process.execPath, [CLI, 'lint', ...args], { cwd, okCodes: [0, 1] });
const coldIn = (cwd: string, args?: string[]) => summarise(Array.from({ length: runs }, () => (rmSync(join(cwd, 'node_modules/.cache'), { recursive: true, force: true }), lint(cwd, args)))).seconds;
const times = (run: (n: number) => void) => summarise(Array.from({ length: runs }, (_, n) => (run(n), lint()))).seconds;

const cold = coldIn(root);
const coldNoSpell = coldIn(noSpell);
const coldSuggest = coldIn(root, ['--format', 'pretty']);
lint();
const warm = times(() => {});
const changed = times((n) => appendFileSync(join(root, policyFile(0)), `\nOne more line ${n}.\n`));
// An editor checking one page: a new process, nothing cached, suggestions on.
const oneFile = coldIn(root, ['--format', 'pretty', policyFile(1)]);

console.log(`Prose lint, ${count} generated policies of ~600 words (3 unknown words in 100), median of ${runs} runs, wall time:`);
console.log('| run | seconds | files/second |\n| --- | ---: | ---: |');
const rows = [
  ['cold (no cache), JSON', cold],
  ['cold, spell rule off', coldNoSpell],
  ['cold, pretty (with spelling suggestions)', coldSuggest],
  ['warm (cache)', warm],
  ['one file changed', changed],
] as const;
for (const [name, seconds] of rows) console.log(`| ${name} | ${seconds.toFixed(2)} | ${(count / seconds).toFixed(0)} |`);
console.log(`| one file, new process, pretty | ${oneFile.toFixed(2)} | – |`);
console.log(`\nThe spell rule is ${(((cold - coldNoSpell) / cold) * 100).toFixed(0)}% of a cold lint (JSON), ${(((coldSuggest - coldNoSpell) / coldSuggest) * 100).toFixed(0)}% with suggestions (pretty).`);
rmSync(root, { recursive: true, force: true });
rmSync(noSpell, { recursive: true, force: true });
