/**
 * A policy page is read on phones at the service desk, often on a poor line: what it runs before
 * it has loaded must stay small. Code a reader may never need (the offline copy, the "Suggest a
 * change" button) loads after the page or on first use, and still works (offline.test.ts,
 * suggest-and-redline.test.ts).
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSettings } from '../../src/config/settings.ts';
import { browserTestsEnabled, launchBrowser } from '../helpers/browser.ts';
import { scriptWeight, totalGzip } from '../helpers/page-weight.ts';
import { serveStatic, type StaticSite } from '../helpers/static-site.ts';

/**
 * 9 KB of JavaScript (gzip, each file on its own) before the `load` event. Bare Starlight's
 * policy page runs 7.4 KB by the same count (its theme, search button, table of contents and
 * link prefetching); this leaves 1.6 KB for what Plainbook adds before load.
 */
const BUDGET_BYTES = 9_000;

describe.skipIf(!browserTestsEnabled())('the weight of a policy page', () => {
  let site: StaticSite;
  let browser: BrowserContext;

  beforeAll(async () => {
    site = await serveStatic(inject('siteDir'), loadSettings(process.cwd()).base, { gzip: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it(`runs at most ${BUDGET_BYTES / 1000} KB of JavaScript before it has loaded; the offline and selection code come after`, async () => {
    const weight = await scriptWeight(browser, new URL('policies/saying-no/', site.url).href);
    const list = weight.beforeLoad.map((file) => `${file.gzip} ${file.name}`).join('\n');
    expect(totalGzip(weight.beforeLoad), list).toBeLessThanOrEqual(BUDGET_BYTES);
    // The offline copy's code (with Workbox's) is fetched after the page has loaded, not dropped.
    expect(weight.afterLoad.map((file) => new URL(file.name).pathname)).toContainEqual(expect.stringMatching(/\/_astro\/client\.[^/]+\.js$/));
    expect(weight.beforeLoad.map((file) => file.name)).not.toContainEqual(expect.stringMatching(/selection-button/));
  });
});
