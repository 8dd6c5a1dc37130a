/**
 * `npm run bench [-- --policies 100,300,1000 --runs 3]`: the whole editor pipeline on a generated
 * handbook, against bare Starlight building the same pages, at each size. A benchmark, not a
 * test: it prints tables (and writes them as JSON to .bench/) and never fails on the numbers.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeBareStarlight } from '../src/bench/bare-starlight.ts';
import { policyFile, writeHandbook } from '../src/bench/generate-handbook.ts';
import { htmlSize, measure, median, summarise, type Sample } from '../src/bench/measure.ts';
import { parseOptions } from '../src/command/options.ts';
import { LINT_CACHE_FILE } from '../src/lint/cache.ts';

const { values } = parseOptions({ options: { policies: { type: 'string', default: '100,300,1000' }, runs: { type: 'string', default: '3' } } });
const sizes = values.policies.split(',').map(Number);
const runs = Number(values.runs);
const repo = process.cwd();
const node = process.execPath;
const work = mkdtempSync(join(tmpdir(), 'plainbook-bench-'));
mkdirSync(resolve('.bench'), { recursive: true });
const SETTINGS = 'site:\n  title: Bench handbook\n  url: https://bench.test/\n  repo: acme/bench\n';
// What a handbook runs: the compiled CLI (no TypeScript to strip at each start), built first.
execFileSync('npm', ['run', '--silent', 'compile'], { stdio: 'inherit' });
const CLI = resolve('lib/bin/plainbook.js');
const cache = join(repo, LINT_CACHE_FILE);
// The benchmark's lint results replace the developer's own in the same cache file; keep a copy
// and put it back at the end, so the next `npm run lint` stays warm.
const developerCache = join(work, 'developer-lint-cache.json');
const hadCache = existsSync(cache);
if (hadCache) copyFileSync(cache, developerCache);
process.on('exit', () => {
  if (hadCache) copyFileSync(developerCache, cache);
  else rmSync(cache, { force: true });
  rmSync(work, { recursive: true, force: true });
});
// Ctrl-C ends the process without 'exit' handlers unless it exits itself.
process.once('SIGINT', () => process.exit(130));
const repeat = (times: number, run: (n: number) => Sample) => summarise(Array.from({ length: times }, (_, n) => run(n)));
const sum = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a + b);

interface Row extends Sample {
  step: string;
  pages: number;
  htmlMb?: number;
  pageKb?: number;
}

const summary: SizeSummary[] = [];
for (const count of sizes) summary.push(benchmark(count));

if (summary.length > 1) {
  console.log(`\nAll sizes, 2 cores, median of ${runs}, wall seconds; ratios are the median of each round's ratio:\n`);
  console.log('| policies | lint (cold) | our build | lint, then build | build --lint (cold) | build --lint (1 changed) | bare Starlight | ratio cold | ratio 1 changed | CPU ratio cold | CPU ratio 1 changed |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of summary) {
    const cells = [row.lint, row.build, row.lint + row.build, row.together, row.changed, row.bare].map((value) => value.toFixed(2));
    const cpu = [row.cpuRatios.cold, row.cpuRatios.changed].map((ratio) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : '–'));
    console.log(`| ${row.policies} | ${cells.join(' | ')} | ${row.ratios.cold.toFixed(2)}x | ${row.ratios.changed.toFixed(2)}x | ${cpu.join(' | ')} |`);
  }
}

interface SizeSummary {
  policies: number;
  lint: number;
  build: number;
  /** `build --lint`, cold. */
  together: number;
  /** `build --lint` with one policy changed and the lint cache kept, as in a pull request. */
  changed: number;
  bare: number;
  /** Each round's time over bare Starlight's in the same round, median over rounds. */
  ratios: { cold: number; changed: number; build: number };
  /** The same for CPU time (NaN without GNU time). */
  cpuRatios: { cold: number; changed: number; build: number };
}

function benchmark(count: number): SizeSummary {

  console.error(`Generating ${count} policies in ${work}…`);
  const ours = join(work, `ours-${count}`);
  mkdirSync(ours);
  writeHandbook(ours, count, SETTINGS, join(repo, 'src/components/index.ts'));

  // Bare Starlight: the same Astro and Starlight with Starlight's defaults, the same pages without
  // our components, in a project of its own (src/bench/bare-starlight.ts).
  const bareSource = join(work, `bare-${count}`);
  writeHandbook(bareSource, count, SETTINGS);
  const bare = join(repo, '.bench', `bare-starlight-${count}`);
  writeBareStarlight(bare, join(bareSource, 'content'));
  process.on('exit', () => rmSync(bare, { recursive: true, force: true }));
  const ASTRO = join(repo, 'node_modules/astro/bin/astro.mjs');

  // As in CI: lint, then build, in one checkout, so the build can take each page's reading grade
  // from the lint's results. The lint exits 1 when it finds errors: a result, not a failure here.
  const lint = (args: string[] = []) =>
    measure(node, [CLI, 'lint', '--format', 'json', ...args], { cwd: repo, env: { PLAINBOOK_CONTENT_DIR: join(ours, 'content') }, okCodes: [0, 1] });

  console.error('Prose lint…');
  const lintCold = repeat(runs, () => (rmSync(cache, { recursive: true, force: true }), lint()));
  lint();
  const lintWarm = repeat(runs, () => lint());
  const lintChanged = repeat(runs, (n) => {
    appendFileSync(join(ours, policyFile(0)), `\nOne more line ${n}.\n`);
    return lint();
  });

  // The builds take turns, round by round, and each ratio to bare Starlight compares runs made side
  // by side: this shared 2-core machine's speed drifts in bursts (a 50 ms CPU loop measured 16 to
  // 24 ms within 40 s), so a block of "ours" runs followed by a block of "bare" runs compared two
  // different machines. Every variant finds a lint cache from the lint runs above, except "cold".
  const ourOut = join(work, `ours-dist-${count}`);
  const bareOut = join(work, `bare-dist-${count}`);
  const ourEnv = { PLAINBOOK_CONTENT_DIR: join(ours, 'content'), ASTRO_TELEMETRY_DISABLED: '1' };
  // With --lint the build exits 1 when the lint finds errors: a result, not a failure here.
  const build = (n: number, tag: string, out: string, env: NodeJS.ProcessEnv, args: string[] = []) =>
    measure(node, [CLI, 'build', ...args, '--out-dir', out, '--cache-dir', join(work, `${tag}-cache-${count}-${n}`)], { cwd: repo, env, okCodes: args.includes('--lint') ? [0, 1] : [0] });
  // CI's one step: the lint in its own thread while Astro builds (`build --lint`), cold, and as a
  // pull request finds it: one policy changed, the lint cache restored by actions/cache.
  const withLint = ['--lint', '--format', 'json'];
  const variants = {
    ours: (n: number) => build(n, 'ours', ourOut, ourEnv),
    together: (n: number) => (rmSync(cache, { force: true }), build(n, 'lint', ourOut, ourEnv, withLint)),
    changed: (n: number) => {
      appendFileSync(join(ours, policyFile(1)), `\nA new line for the pull request ${n}.\n`);
      return build(n, 'pr', ourOut, ourEnv, withLint);
    },
    bare: (n: number) =>
      measure(node, [ASTRO, 'build', '--root', bare, '--outDir', bareOut], { cwd: bare, env: { BENCH_CACHE_DIR: join(work, `bare-cache-${count}-${n}`), ASTRO_TELEMETRY_DISABLED: '1' } }),
  };
  const samples = { ours: [] as Sample[], together: [] as Sample[], changed: [] as Sample[], bare: [] as Sample[] };
  const names = ['ours', 'together', 'changed', 'bare'] as const;
  for (let n = 0; n < runs; n++) {
    // Each round starts one build later, so no build always runs straight after the same other.
    const order = [...names.slice(n % names.length), ...names.slice(0, n % names.length)];
    const label = { ours: 'ours', together: 'build --lint cold', changed: 'build --lint with one change', bare: 'bare Starlight' };
    console.error(`Builds, round ${n + 1} of ${runs}: ${order.map((name) => label[name]).join(', ')}…`);
    for (const name of order) samples[name].push(variants[name](n));
  }
  const [ourBuild, together, togetherChanged, bareBuild] = [samples.ours, samples.together, samples.changed, samples.bare].map(summarise) as [Sample, Sample, Sample, Sample];
  const pairedRatio = (runsOf: Sample[], of: (sample: Sample) => number | undefined = (sample) => sample.seconds) =>
    median(runsOf.map((sample, n) => (of(sample) ?? Number.NaN) / ((samples.bare[n] && of(samples.bare[n])) ?? Number.NaN)));
  const pairedCpuRatio = (runsOf: Sample[]) => pairedRatio(runsOf, (sample) => sample.cpuSeconds);

  const onePage = (dir: string) => statSync(join(dir, policyFile(0).replace(/^content\//, '').replace(/\.mdx$/, ''), 'index.html')).size;
  const ourHtml = htmlSize(ourOut);
  const bareHtml = htmlSize(bareOut);
  const pipeline = lintCold.seconds + ourBuild.seconds;
  const rows: Row[] = [
    { step: 'prose lint, cold', ...lintCold, pages: count },
    { step: 'prose lint, warm (cache)', ...lintWarm, pages: count },
    { step: 'prose lint, one file changed', ...lintChanged, pages: count },
    { step: 'our build (Astro + Pagefind)', ...ourBuild, pages: ourHtml.files, htmlMb: ourHtml.bytes / 1e6, pageKb: onePage(ourOut) / 1e3 },
    { step: 'our lint (cold), then build', seconds: pipeline, cpuSeconds: sum(lintCold.cpuSeconds, ourBuild.cpuSeconds), pages: ourHtml.files },
    { step: 'build --lint (cold)', ...together, pages: ourHtml.files },
    { step: 'build --lint (one policy changed, lint cache kept)', ...togetherChanged, pages: ourHtml.files },
    { step: 'bare Starlight build', ...bareBuild, pages: bareHtml.files, htmlMb: bareHtml.bytes / 1e6, pageKb: onePage(bareOut) / 1e3 },
  ];

  const format = (value: number | undefined, digits = 1) => (value === undefined ? '–' : value.toFixed(digits));
  console.log(`\n${count} policies of ~600 words, 2 cores; median of ${runs} ${runs === 1 ? 'run' : 'runs'}, wall time and CPU time (user + system).\n`);
  console.log('| step | seconds | CPU seconds | pages/s | peak MB | HTML MB | one page KB |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(`| ${row.step} | ${format(row.seconds, 2)} | ${format(row.cpuSeconds, 2)} | ${format(row.pages / row.seconds, 0)} | ${format(row.peakMb, 0)} | ${format(row.htmlMb)} | ${format(row.pageKb)} |`);
  }
  const ratios = { cold: pairedRatio(samples.together), changed: pairedRatio(samples.changed), build: pairedRatio(samples.ours) };
  const cpuRatios = { cold: pairedCpuRatio(samples.together), changed: pairedCpuRatio(samples.changed), build: pairedCpuRatio(samples.ours) };
  console.log(`\nOurs / bare Starlight, median of each round's ratio: build --lint ${ratios.cold.toFixed(2)}x cold, ${ratios.changed.toFixed(2)}x with one policy changed; build alone ${ratios.build.toFixed(2)}x; lint then build (medians) ${(pipeline / bareBuild.seconds).toFixed(2)}x.`);
  if (Number.isFinite(cpuRatios.cold)) console.log(`CPU time over bare Starlight's, paired the same way: build --lint ${cpuRatios.cold.toFixed(2)}x cold, ${cpuRatios.changed.toFixed(2)}x with one policy changed; build alone ${cpuRatios.build.toFixed(2)}x.`);

  const results = resolve('.bench', `bench-${count}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(resolve('.bench'), { recursive: true });
  writeFileSync(results, `${JSON.stringify({ policies: count, runs, date: new Date().toISOString(), rows, ratios, cpuRatios }, null, 2)}\n`);
  console.log(`Wrote ${results}`);
  return { policies: count, lint: lintCold.seconds, build: ourBuild.seconds, together: together.seconds, changed: togetherChanged.seconds, bare: bareBuild.seconds, ratios, cpuRatios };
}
