/**
 * `npm run lighthouse [-- --page policies/saying-no/ --runs 3]`: Lighthouse's mobile profile
 * (Moto G Power screen, simulated slow 4G, 4x CPU slowdown) on a built policy page, with Debian's
 * Chromium. Lighthouse 12 dropped its PWA category, so the app checks come from Chromium itself,
 * as that category did: installability errors and manifest errors over the DevTools protocol,
 * and whether a service worker controls the page. Scores vary from run to run: the median is
 * printed, and nothing fails on it (a benchmark, not a test).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { parseOptions } from '../src/command/options.ts';
import { loadSettings } from '../src/config/settings.ts';
import { median } from '../src/bench/measure.ts';
import { CHROMIUM_PATH, launchBrowser } from '../test/helpers/browser.ts';
import { serveStatic } from '../test/helpers/static-site.ts';

const { values } = parseOptions({ options: { page: { type: 'string', default: 'policies/saying-no/' }, runs: { type: 'string', default: '3' } } });
const settings = loadSettings(process.cwd());
const work = mkdtempSync(join(tmpdir(), 'plainbook-lighthouse-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const outDir = join(work, 'dist');
execFileSync(process.execPath, [resolve('src/bin/plainbook.ts'), 'build', '--out-dir', outDir, '--cache-dir', join(work, 'cache')], {
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
// As GitHub Pages serves it: gzip, revalidated on each visit.
const site = await serveStatic(outDir, settings.base, { gzip: true });
const url = new URL(values.page, site.url).href;

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const scores: Record<string, number[]> = Object.fromEntries(CATEGORIES.map((category) => [category, []]));
const metrics: Record<string, number[]> = { 'first-contentful-paint': [], 'largest-contentful-paint': [], 'total-blocking-time': [], 'cumulative-layout-shift': [] };
for (let run = 0; run < Number(values.runs); run++) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error('Lighthouse returned no result.');
    for (const category of CATEGORIES) scores[category]?.push(Math.round((result.lhr.categories[category]?.score ?? 0) * 100));
    for (const id of Object.keys(metrics)) metrics[id]?.push(result.lhr.audits[id]?.numericValue ?? Number.NaN);
    const failed = Object.values(result.lhr.audits).filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === 'binary');
    if (run === 0 && failed.length) console.log(`Audits below 90 on the first run: ${failed.map((audit) => audit.id).join(', ')}`);
  } finally {
    chrome.kill();
  }
}

// The app checks Lighthouse's PWA category used to make, straight from Chromium.
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(url);
await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
const cdp = await page.context().newCDPSession(page);
const installability = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
const manifest = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[]; url: string };
const themeColor = await page.locator('meta[name="theme-color"]').getAttribute('content');
await browser.close();
await site.stop();

console.log(`\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile profile, ${values.page}, median of ${values.runs}:\n`);
console.log('| performance | accessibility | best practices | SEO |');
console.log('| ---: | ---: | ---: | ---: |');
console.log(`| ${CATEGORIES.map((category) => median(scores[category] ?? [])).join(' | ')} |`);
console.log(
  `\nFirst contentful paint ${(median(metrics['first-contentful-paint'] ?? []) / 1000).toFixed(1)} s, largest contentful paint ${(median(metrics['largest-contentful-paint'] ?? []) / 1000).toFixed(1)} s, total blocking time ${Math.round(median(metrics['total-blocking-time'] ?? []))} ms, layout shift ${median(metrics['cumulative-layout-shift'] ?? []).toFixed(3)}.`,
);
console.log('\nApp checks (Chromium):');
console.log(`- installable: ${installability.installabilityErrors.length === 0 ? 'yes' : `no (${installability.installabilityErrors.map((error) => error.errorId).join(', ')})`}`);
console.log(`- manifest ${manifest.url.replace(site.url, '')}: ${manifest.errors.length === 0 ? 'no errors' : manifest.errors.map((error) => error.message).join('; ')}`);
console.log('- a service worker controls the page: yes');
console.log(`- theme colour: ${themeColor}`);
