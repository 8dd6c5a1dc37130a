/**
 * `npm run bench:history [-- --policies 1000 --runs 2]`: what a policy's history adds to a build
 * ("What changed" redlines, version pages, the Versions list and date field). A generated
 * handbook in its own git repository with five commits (all policies added; every policy's words
 * changed twice, so each has four versions with the last step; 30% with only a new review date;
 * 10% changed again), built with
 * its history and redlines, and without (the same pages copied out of the repository, so the build
 * finds no history), and the one `git log` pass timed with diffs and without. A benchmark: it prints a table and never fails on the numbers.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { policyFile, writeHandbook } from '../src/bench/generate-handbook.ts';
import { measure, summarise, type Sample } from '../src/bench/measure.ts';
import { parseOptions } from '../src/command/options.ts';

const { values } = parseOptions({ options: { policies: { type: 'string', default: '1000' }, runs: { type: 'string', default: '2' } } });
const count = Number(values.policies);
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), 'plainbook-bench-history-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
process.once('SIGINT', () => process.exit(130));
execFileSync('npm', ['run', '--silent', 'compile'], { stdio: 'inherit' });
const CLI = resolve('lib/bin/plainbook.js');

const root = join(work, 'handbook');
writeHandbook(root, count, 'site:\n  title: Bench handbook\n  url: https://bench.test/\n  repo: acme/bench\n', resolve('src/components/index.ts'));
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', ...args], { cwd: root, maxBuffer: 1 << 30 });
const edit = (share: number, change: (source: string) => string) => {
  for (let index = 0; index < count * share; index++) {
    const file = join(root, policyFile(index));
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  }
};
console.error(`Generating ${count} policies with four commits…`);
git('init', '-q', '-b', 'main');
git('add', '.');
git('commit', '-q', '-m', 'Add the policies', '--date', '2026-01-05T09:00:00Z');
edit(1, (source) => source.replace('## Part 2\n\n', '## Part 2\n\nCall the customer back within one hour. ').replace('## Part 4', '## Part four'));
git('commit', '-q', '-am', 'Call back within an hour (#2)', '--date', '2026-03-01T09:00:00Z');
edit(0.3, (source) => source.replace('reviewed: 2026-06-01', 'reviewed: 2026-09-01'));
git('commit', '-q', '-am', 'Reviewed (#3)', '--date', '2026-09-01T09:00:00Z');
edit(0.1, (source) => source.replace('Call the customer back within one hour.', 'Call the customer back the same day.'));
git('commit', '-q', '-am', 'Same-day call-backs (#4)', '--date', '2026-10-01T09:00:00Z');
edit(1, (source) => source.replace('## Part 3\n\n', '## Part 3\n\nWrite down what the customer asked for. '));
git('commit', '-q', '-am', 'Write it down (#5)', '--date', '2026-11-01T09:00:00Z');

const content = join(root, 'content');
const time = (args: string[]) => summarise(Array.from({ length: 3 }, () => measure('git', args, { cwd: content })));
const base = ['log', '--first-parent', '-m', '-M', '--format=%H', '--relative', '--', '.'];
const names = time([...base.slice(0, -2), '--name-status', ...base.slice(-2)]);
const patches = time([...base.slice(0, -2), '--patch', '--no-color', ...base.slice(-2)]);

// The same pages where git has no record of them: the build shows no dates, redlines or changes.
const noHistory = join(work, 'no-history', 'content');
cpSync(content, noHistory, { recursive: true });

const build = (n: number, off: boolean) =>
  measure(process.execPath, [CLI, 'build', '--out-dir', join(work, `dist-${off}-${n}`), '--cache-dir', join(work, `cache-${off}-${n}`)], {
    cwd: process.cwd(),
    env: { PLAINBOOK_CONTENT_DIR: off ? noHistory : content, ASTRO_TELEMETRY_DISABLED: '1' },
    keepOutput: true,
  });
// The build's own line for its last step: `Version pages: 2100 earlier versions of policies (3919 ms).`
const versionPagesSeconds = (output = '') => Number(/Version pages: \d+ .*\((\d+) ms\)/.exec(output)?.[1] ?? Number.NaN) / 1000;
console.error('Building…');
const samples = { on: [] as Sample[], off: [] as Sample[], versionPages: [] as number[] };
// Alternate, so a slower minute of the machine hits both alike.
for (let n = 0; n < runs; n++) {
  samples.off.push(build(n, true));
  const on = build(n, false);
  samples.on.push(on);
  samples.versionPages.push(versionPagesSeconds(on.output));
}
const median = (list: number[]) => summarise(list.map((seconds) => ({ seconds }))).seconds;
// CPU seconds beside wall time: on a shared machine, another job's load lengthens the wall time
// of a build but hardly its CPU time.
const off = summarise(samples.off);
const on = summarise(samples.on);
const cpu = (sample: Sample) => (sample.cpuSeconds === undefined ? 'n/a' : sample.cpuSeconds.toFixed(2));
const share = (part: number, whole: number) => `${part.toFixed(2)} (${((part / whole) * 100).toFixed(0)}%)`;
const page = readFileSync(join(work, `dist-false-0`, policyFile(0).replace(/^content\//, '').replace(/\.mdx$/, ''), 'index.html'), 'utf8');
const redlineBytes = (page.match(/<section class="policy-history"[\s\S]*?<\/section>/)?.[0] ?? '').length;

console.log(`\n${count} policies, 5 commits (${count * 3.4} file changes), 2 cores, median of ${runs}:\n`);
console.log('| | seconds | CPU seconds |');
console.log('| --- | ---: | ---: |');
console.log(`| git log, names only (before) | ${names.seconds.toFixed(2)} | |`);
console.log(`| git log with diffs (now, one pass) | ${patches.seconds.toFixed(2)} | |`);
console.log(`| build without history (no redlines) | ${off.seconds.toFixed(2)} | ${cpu(off)} |`);
console.log(`| build with history and redlines | ${on.seconds.toFixed(2)} | ${cpu(on)} |`);
const cpuAdded = on.cpuSeconds !== undefined && off.cpuSeconds !== undefined ? share(on.cpuSeconds - off.cpuSeconds, off.cpuSeconds) : 'n/a';
console.log(`| added by history and redlines | ${share(on.seconds - off.seconds, off.seconds)} | ${cpuAdded} |`);
console.log(`| of which the version pages (the build's own timing) | ${share(median(samples.versionPages), off.seconds)} | |`);
const versionsBytes = (page.match(/<section class="policy-versions"[\s\S]*?<\/section>/)?.[0] ?? '').length;
const versionPages = readdirSync(join(work, 'dist-false-0', 'versions'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('index.html')).length;
console.log(`\n"What changed" on one policy page: ${(redlineBytes / 1000).toFixed(1)} KB of HTML; the Versions list and date field: ${(versionsBytes / 1000).toFixed(1)} KB.`);
console.log(`Version pages built: ${versionPages}.`);
