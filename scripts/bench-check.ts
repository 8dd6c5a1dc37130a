/**
 * `npm run bench:check [-- --runs 5 --edits 20]`: "Check your words" in this machine's Chromium,
 * against its budgets (issue 29): the first result at most 1.5 s after the page opens with a
 * 600-word draft (a first visit: nothing cached, no service worker), each later edit at most
 * 200 ms from the keystroke to the new result on screen; and what the page sends (gzip, as
 * GitHub Pages does). A benchmark: it prints a table, writes it to .bench/, never fails.
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { policySource } from '../src/bench/generate-handbook.ts';
import { median } from '../src/bench/measure.ts';
import { parseOptions } from '../src/command/options.ts';
import { loadSettings } from '../src/config/settings.ts';
import { launchBrowser } from '../test/helpers/browser.ts';
import { buildSite } from '../test/helpers/build-site.ts';
import { serveStatic } from '../test/helpers/static-site.ts';

const FIRST_RESULT_BUDGET_MS = 1_500;
const EDIT_BUDGET_MS = 200;
const DRAFT_WORDS = 600;

const { values } = parseOptions({ options: { runs: { type: 'string', default: '5' }, edits: { type: 'string', default: '20' } } });
const runs = Number(values.runs);
const edits = Number(values.edits);
const settings = loadSettings(process.cwd());

/** Generated policies' prose (as `npm run bench` writes them), cut to whole paragraphs of at least `words`. */
function draftOfWords(words: number): string {
  const kept: string[] = [];
  let count = 0;
  for (let policy = 0; count < words; policy++) {
    for (const block of policySource(policy).replace(/^---[\s\S]*?\n---\n/, '').split(/\n{2,}/)) {
      if (count >= words) break;
      kept.push(block.trim());
      count += block.split(/\s+/).filter(Boolean).length;
    }
  }
  return `${kept.join('\n\n')}\n`;
}

console.error('Building the reference handbook…');
const build = await buildSite();
if (build.code !== 0) throw new Error(build.output);
const site = await serveStatic(build.outDir, settings.base, { gzip: true });
const draft = draftOfWords(DRAFT_WORDS);
const draftWords = draft.split(/\s+/).filter(Boolean).length;

// Times in the page, from the navigation's start: the first result shown, then each edit's.
const WATCH = `(() => {
  window.__check = { first: undefined, edits: [], typed: undefined };
  const watch = () => {
    const status = document.getElementById('check-status');
    if (!status) return requestAnimationFrame(watch);
    new MutationObserver(() => {
      if (!status.textContent.startsWith('Reading grade')) return;
      const now = performance.now();
      if (window.__check.first === undefined) window.__check.first = now;
      else if (window.__check.typed !== undefined) { window.__check.edits.push(now - window.__check.typed); window.__check.typed = undefined; }
    }).observe(status, { childList: true, characterData: true, subtree: true });
    document.addEventListener('input', () => { window.__check.typed = performance.now(); }, true);
  };
  watch();
})();`;

const firsts: number[] = [];
const editTimes: number[] = [];
for (let run = 0; run < runs; run++) {
  // A fresh browser each run: nothing cached, as a first visit.
  const browser = await launchBrowser({ serviceWorkers: 'block' });
  const page = await browser.newPage();
  await page.addInitScript(`sessionStorage.setItem('plainbook-check-draft', ${JSON.stringify(draft)});\n${WATCH}`);
  await page.goto(new URL('check/', site.url).href);
  await page.waitForFunction(() => (window as unknown as { __check: { first?: number } }).__check.first !== undefined, null, { timeout: 30_000 });
  firsts.push(await page.evaluate(() => (window as unknown as { __check: { first: number } }).__check.first));
  const box = page.getByLabel('Your draft');
  await box.focus();
  await page.keyboard.press('End');
  for (let edit = 0; edit < edits; edit++) {
    const before = await page.evaluate(() => (window as unknown as { __check: { edits: number[] } }).__check.edits.length);
    await page.keyboard.type(edit % 5 === 4 ? ' ' : 'a');
    await page.waitForFunction((count) => (window as unknown as { __check: { edits: number[] } }).__check.edits.length > count, before, { timeout: 10_000 });
  }
  editTimes.push(...(await page.evaluate(() => (window as unknown as { __check: { edits: number[] } }).__check.edits)));
  await browser.close();
}
await site.stop();

const checkDir = join(build.outDir, 'check');
const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
const gzip = (file: string) => gzipSync(readFileSync(file)).length;
const html = readFileSync(join(checkDir, 'index.html'), 'utf8');
const pageScripts = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((match) => join(build.outDir, match[1]!.replace(settings.base, '')));
const sizes = {
  page: gzip(join(checkDir, 'index.html')),
  pageScripts: pageScripts.reduce((sum, file) => sum + gzip(file), 0),
  worker: gzip(join(checkDir, 'lint-worker.js')),
  dictionary: files(join(checkDir, 'dictionaries')).reduce((sum, file) => sum + gzip(file), 0),
};
const sorted = [...editTimes].sort((a, b) => a - b);
const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
const ms = (value: number) => `${Math.round(value)} ms`;
const kb = (bytes: number) => `${Math.round(bytes / 1e3).toLocaleString('en-GB')} KB`;
const verdict = (value: number, budget: number) => (value <= budget ? 'met' : 'MISSED');

console.log(`\nCheck your words, ${draftWords}-word draft, ${runs} fresh visits, ${sorted.length} edits (Chromium, gzip):\n`);
console.log('| measure | median | worst | budget |');
console.log('| --- | ---: | ---: | --- |');
console.log(`| first result after the page opens | ${ms(median(firsts))} | ${ms(Math.max(...firsts))} | ${FIRST_RESULT_BUDGET_MS} ms: ${verdict(Math.max(...firsts), FIRST_RESULT_BUDGET_MS)} |`);
console.log(`| each later edit (p95 ${ms(p95)}) | ${ms(median(editTimes))} | ${ms(Math.max(...editTimes))} | ${EDIT_BUDGET_MS} ms: ${verdict(p95, EDIT_BUDGET_MS)} at p95 |`);
console.log('\nWhat the check page sends (gzip), only on that page:\n');
console.log(`| page | its script | lint worker | ${settings.lint.language} dictionary | total |`);
console.log('| ---: | ---: | ---: | ---: | ---: |');
console.log(`| ${kb(sizes.page)} | ${kb(sizes.pageScripts)} | ${kb(sizes.worker)} | ${kb(sizes.dictionary)} | ${kb(sizes.page + sizes.pageScripts + sizes.worker + sizes.dictionary)} |`);
mkdirSync(resolve('.bench'), { recursive: true });
const out = resolve('.bench', `bench-check-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, `${JSON.stringify({ draftWords, firsts, edits: editTimes, sizes }, null, 2)}\n`);
console.log(`\nWrote ${out}`);
