import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';

export interface ScriptFile {
  /** The file's address, or `inline #n` for the n-th script written into the page. */
  name: string;
  /** Bytes as sent with gzip, each file compressed on its own as a static host does. */
  gzip: number;
}

export interface ScriptWeight {
  /** Every script the page runs before its `load` event: its own inline ones and the files it fetches. */
  beforeLoad: ScriptFile[];
  /** Files fetched after it (code that waits for the page, or for the reader). */
  afterLoad: ScriptFile[];
}

/**
 * Search is left out: Starlight fetches Pagefind's interface (26 KB) when the browser is idle,
 * for the reader who opens search, and a bare Starlight site does the same.
 */
const SEARCH_CODE = /\/_astro\/ui-core\.[^/]+\.js$|\/pagefind\//;

/** Open a page in a fresh tab and weigh the JavaScript it loads, split at its `load` event. */
export async function scriptWeight(browser: BrowserContext, url: string, settleMs = 1_500): Promise<ScriptWeight> {
  const page = await browser.newPage();
  const bodies = new Map<string, Promise<number | undefined>>();
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    bodies.set(response.url(), response.body().then((body) => gzipSync(body).length, () => undefined));
  });
  await page.goto(url, { waitUntil: 'load' });
  // Code that loads after the page (on `load`, on idle) still arrives: wait for it to be counted apart.
  await page.waitForTimeout(settleMs);
  const timing = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const inline = [...document.querySelectorAll('script:not([src]):not([type]), script[type="module"]:not([src])')].map((script) => script.textContent ?? '').filter((text) => text.trim() !== '');
    return { load: navigation.loadEventStart, files: performance.getEntriesByType('resource').map((entry) => ({ url: entry.name, start: entry.startTime })), inline };
  });
  await page.close();
  const weight: ScriptWeight = {
    beforeLoad: timing.inline.map((text, index) => ({ name: `inline #${index + 1}`, gzip: gzipSync(text).length })),
    afterLoad: [],
  };
  for (const file of timing.files) {
    const gzip = await bodies.get(file.url);
    if (gzip === undefined || SEARCH_CODE.test(new URL(file.url).pathname)) continue;
    (file.start < timing.load ? weight.beforeLoad : weight.afterLoad).push({ name: file.url, gzip });
  }
  return weight;
}

export const totalGzip = (files: readonly ScriptFile[]): number => files.reduce((sum, file) => sum + file.gzip, 0);
