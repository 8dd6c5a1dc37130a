/**
 * `npm run bench:offline [-- --policies 1000,3000]`: what the offline copy costs a reader's phone.
 * For the shipped handbook and generated ones of each size: the files saved on the first visit
 * and later (raw and gzip, as GitHub Pages sends them), and the bytes a new reader's browser
 * really downloads opening one policy page (Chromium, gzip on). A benchmark: it prints a table
 * and writes it to .bench/; it never fails on the numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request } from 'playwright-core';
import { policyFile, writeHandbook } from '../src/bench/generate-handbook.ts';
import { parseOptions } from '../src/command/options.ts';
import { loadSettings } from '../src/config/settings.ts';
import { AUTO_SAVE_BYTES } from '../src/offline/auto-save.ts';
import { outputFiles, searchLanguages } from '../src/offline/build-service-worker.ts';
import { planOfflineCopy, type OfflineEntry } from '../src/offline/offline-plan.ts';
import { launchBrowser } from '../test/helpers/browser.ts';
import { serveStatic } from '../test/helpers/static-site.ts';

const { values } = parseOptions({ options: { policies: { type: 'string', default: '1000,3000' } } });
const repo = process.cwd();
const settings = loadSettings(repo);
const work = mkdtempSync(join(tmpdir(), 'plainbook-bench-offline-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
process.once('SIGINT', () => process.exit(130));
execFileSync('npm', ['run', '--silent', 'compile'], { stdio: 'inherit' });
const CLI = resolve('lib/bin/plainbook.js');

interface Row {
  policies: number;
  firstVisit: { files: number; raw: number; gzip: number };
  later: { files: number; raw: number; gzip: number };
  page: { page: number; worker: number; background: number };
  savesWithoutAsking: boolean;
}

const rows: Row[] = [];
const sizes = [16, ...values.policies.split(',').map(Number)];
for (const count of sizes) rows.push(await measure(count));

const kb = (bytes: number) => `${Math.round(bytes / 1e3).toLocaleString('en-GB')} KB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log('\nOffline copy, bytes as files (raw) and as sent with gzip:\n');
console.log('| policies | first visit: files | raw | gzip | saved later: files | raw | gzip | saved without asking (4g) |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const row of rows) {
  console.log(
    `| ${row.policies.toLocaleString('en-GB')} | ${row.firstVisit.files} | ${kb(row.firstVisit.raw)} | ${kb(row.firstVisit.gzip)} | ${row.later.files.toLocaleString('en-GB')} | ${mb(row.later.raw)} | ${mb(row.later.gzip)} | ${row.savesWithoutAsking ? 'yes' : 'no: the reader presses Save'} |`,
  );
}
console.log('\nA new reader opens one policy page (Chromium, fresh profile, gzip), bytes transferred:\n');
console.log('| policies | the page itself | + offline shell (service worker) | first visit total | + saved in the background |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(`| ${row.policies.toLocaleString('en-GB')} | ${kb(row.page.page)} | ${kb(row.page.worker)} | ${kb(row.page.page + row.page.worker)} | ${row.savesWithoutAsking ? mb(row.page.background) : '0 (not asked)'} |`);
}
mkdirSync(resolve('.bench'), { recursive: true });
const out = resolve('.bench', `bench-offline-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, `${JSON.stringify(rows, null, 2)}\n`);
console.log(`\nWrote ${out}`);

async function measure(count: number): Promise<Row> {
  const outDir = join(work, `site-${count}`);
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  let policyPath = 'policies/saying-no/';
  if (count !== 16) {
    const handbook = join(work, `handbook-${count}`);
    mkdirSync(handbook);
    writeHandbook(handbook, count, 'site:\n  title: Bench handbook\n  url: https://bench.test/\n  repo: acme/bench\n', join(repo, 'src/components/index.ts'));
    env.PLAINBOOK_CONTENT_DIR = join(handbook, 'content');
    policyPath = policyFile(0).replace(/^content\//, '').replace(/\.mdx$/, '/');
  }
  console.error(`Building ${count} policies…`);
  execFileSync(process.execPath, [CLI, 'build', '--out-dir', outDir, '--cache-dir', join(work, `cache-${count}`)], { cwd: repo, env, stdio: ['ignore', 'ignore', 'inherit'] });

  const base = `${settings.base.replace(/\/$/, '')}/`;
  const plan = planOfflineCopy(await outputFiles(outDir), base, await searchLanguages(outDir));
  const onDisk = (entries: readonly OfflineEntry[]) => {
    let gzip = 0;
    for (const entry of entries) gzip += gzipSync(readFileSync(join(outDir, entry.url.slice(base.length).replace(/(^|\/)$/, '$1index.html')))).length;
    return { files: entries.length, raw: entries.reduce((sum, entry) => sum + entry.bytes, 0), gzip };
  };
  const firstVisit = onDisk(plan.firstVisit);
  const later = onDisk(plan.later);
  const savesWithoutAsking = later.raw <= AUTO_SAVE_BYTES;

  // Opening one policy cold; the background save is stopped by cutting the line once the
  // worker has taken over, unless the handbook is small enough to be saved without asking.
  const site = await serveStatic(outDir, base, { gzip: true });
  const browser = await launchBrowser();
  const transferred = { page: 0, worker: 0, background: 0 };
  const laterUrls = new Set(plan.later.map((entry) => entry.url));
  browser.on('requestfinished', (request: Request) => {
    void request.sizes().then(({ responseBodySize, responseHeadersSize }) => {
      const bytes = responseBodySize + responseHeadersSize;
      const path = new URL(request.url()).pathname;
      if (!request.serviceWorker()) transferred.page += bytes;
      else if (laterUrls.has(path)) transferred.background += bytes;
      else transferred.worker += bytes;
    });
  });
  const page = await browser.newPage();
  await page.goto(new URL(policyPath, site.url).href, { waitUntil: 'load' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
  if (savesWithoutAsking) await page.waitForFunction(() => /^Saved for offline use: all/.test(document.querySelector('[data-offline-progress]')?.textContent ?? ''), null, { timeout: 600_000 });
  await page.waitForTimeout(500);
  await browser.close();
  await site.stop();
  return { policies: count, firstVisit, later, page: transferred, savesWithoutAsking };
}
