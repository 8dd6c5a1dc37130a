/**
 * A handbook behind a company sign-in (a gate that redirects like Cloudflare Access). Signed in,
 * everything works: the whole copy is saved and opens offline, the manifest is fetched with the
 * session. When the session ends while the copy is being saved, nothing of the sign-in page is
 * saved, the page says to sign in again, and signing in saves the rest.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { loadSettings } from '../../src/config/settings.ts';
import { SIGN_IN_TEXT } from '../../src/offline/notes.ts';
import { browserTestsEnabled, launchBrowser } from '../helpers/browser.ts';
import { SIGN_IN_TITLE, signInGate, type SignInGate } from '../helpers/sign-in-gate.ts';
import { serveStatic, type StaticSite } from '../helpers/static-site.ts';

const settings = loadSettings(process.cwd());
const SAVED_ALL = /^Saved for offline use: all \d+ files/;

describe.skipIf(!browserTestsEnabled())('the handbook behind a sign-in', () => {
  let gate: SignInGate;
  let site: StaticSite;
  let browser: BrowserContext;

  async function start(where: 'other-origin' | 'same-origin') {
    gate = await signInGate(where);
    site = await serveStatic(inject('siteDir'), settings.base, { filter: gate.filter });
    browser = await launchBrowser();
  }

  afterEach(async () => {
    await browser?.close();
    await site?.stop();
    await gate?.stop();
  });

  /** Open `url`, meet the sign-in page, sign in, and land on the page asked for. */
  async function signIn(page: Page, url: string): Promise<void> {
    await page.goto(url);
    expect(await page.title()).toBe(SIGN_IN_TITLE);
    await Promise.all([page.waitForURL((address) => address.pathname.startsWith(settings.base)), page.locator('#sign-in').click()]);
  }

  /** Every saved response's body, read from the page: the copy must hold no sign-in page. */
  function savedBodies(page: Page): Promise<string[]> {
    return page.evaluate(async () => {
      const bodies: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) bodies.push(await ((await cache.match(request))?.text() ?? Promise.resolve('')));
      }
      return bodies;
    });
  }

  it('signed in: saves the whole handbook, opens it offline, and fetches the manifest with the session', async () => {
    await start('other-origin');
    const page = await browser.newPage();
    await signIn(page, site.url);
    await expect.poll(() => page.locator('[data-offline-progress]').textContent(), { timeout: 30_000 }).toMatch(SAVED_ALL);

    // What the browser reads to install the handbook to a home screen, as the install prompt asks for it.
    const cdp = await browser.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[]; data?: string };
    expect(manifest.url).toBe(new URL('manifest.webmanifest', site.url).href);
    expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({ name: settings.title });
    // The browser's own request (the worker saves the manifest too, always with the session).
    const manifestRequests = gate.seen.filter(({ path }) => path === `${settings.base}/manifest.webmanifest`);
    expect(manifestRequests.filter(({ dest }) => dest === 'manifest')).toEqual([{ path: `${settings.base}/manifest.webmanifest`, dest: 'manifest', signedIn: true }]);

    await browser.setOffline(true);
    const response = await page.goto(new URL('policies/saying-no/', site.url).href);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').first().textContent()).toBe('When we cannot say yes');
    await browser.setOffline(false);
  });

  it.each(['other-origin', 'same-origin'] as const)('a session that ends while saving (sign-in page on the %s): nothing of it saved, a note to sign in, and signing in saves the rest', async (where) => {
    await start(where);
    // The session ends when the worker, saving the rest of the handbook, asks for this page.
    gate.endSessionsAt((path) => path === `${settings.base}/policies/saying-no/`);
    const page = await browser.newPage();
    await signIn(page, site.url);
    const prompt = page.locator('[data-update-prompt]');
    await expect.poll(() => prompt.textContent(), { timeout: 30_000 }).toContain(SIGN_IN_TEXT);
    expect(await page.locator('[data-offline-progress]').textContent()).not.toMatch(SAVED_ALL);
    const bodies = await savedBodies(page);
    expect(bodies.length).toBeGreaterThan(5);
    expect(bodies.filter((body) => body.includes(SIGN_IN_TITLE))).toEqual([]);

    // "Sign in" goes to the server, not the copy: through the sign-in page and back to this page.
    await prompt.locator('a[data-sign-in]').click();
    await page.waitForURL(() => true);
    expect(await page.title()).toBe(SIGN_IN_TITLE);
    await Promise.all([page.waitForURL((address) => address.pathname.startsWith(settings.base)), page.locator('#sign-in').click()]);
    await expect.poll(() => page.locator('[data-offline-progress]').textContent(), { timeout: 30_000 }).toMatch(SAVED_ALL);
    expect(new URL(page.url()).search).toBe('');
    expect((await savedBodies(page)).filter((body) => body.includes(SIGN_IN_TITLE))).toEqual([]);
  });

  it('a session that ends after the copy is whole: pages open from the copy, and the server\'s answer to the page\'s HEAD request brings the note to sign in', async () => {
    await start('other-origin');
    const page = await browser.newPage();
    await signIn(page, site.url);
    await expect.poll(() => page.locator('[data-offline-progress]').textContent(), { timeout: 30_000 }).toMatch(SAVED_ALL);
    gate.endSessionsAt(() => true);
    await page.goto(new URL('policies/saying-no/', site.url).href);
    expect(await page.locator('h1').first().textContent()).toBe('When we cannot say yes');
    await expect.poll(() => page.locator('[data-update-prompt]').textContent(), { timeout: 15_000 }).toContain(SIGN_IN_TEXT);
  });
});
