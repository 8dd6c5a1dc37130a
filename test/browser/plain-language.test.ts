import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../src/site/free-port.ts';
import { KILL_SWITCH_WORKER } from '../../src/offline/kill-switch.ts';
import { browserTestsEnabled, launchBrowser } from '../helpers/browser.ts';

const POLICY = `---
title: Refunds
owner: "@acme/leads"
status: draft
effective: 2026-11-01
---

## Giving money back

Say hello. The form was sent to the office by the team.

When a customer calls us on the phone to ask about an order that has not arrived yet we look it up and tell them where it is and when it will come.

Check the recieve date.
`;

const APP = 'plainbook-plain-language';

/** `plainbook dev` on a copy of the handbook with one page that has findings. */
async function startDevServer(): Promise<{ url: string; content: string; child: ChildProcess }> {
  // Inside this package, so the pages' `plainbook/components` resolves to this source.
  mkdirSync(resolve('test/.output'), { recursive: true });
  const content = join(mkdtempSync(resolve('test/.output/dev-')), 'content');
  cpSync(resolve('content'), content, { recursive: true });
  writeFileSync(join(content, 'policies/refunds.mdx'), POLICY);
  const port = await freePort();
  const child = spawn(process.execPath, ['src/bin/plainbook.ts', 'dev', '--port', String(port)], {
    env: { ...process.env, PLAINBOOK_CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1', VITEST: '', NODE_ENV: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://localhost:${port}/plainbook/`;
  for (let waited = 0; ; waited += 250) {
    if (waited > 60_000) throw new Error(`plainbook dev did not start:\n${log}`);
    const ok = await fetch(`${url}policies/refunds/`).then((response) => response.ok, () => false);
    if (ok) break;
    await new Promise((done) => setTimeout(done, 250));
  }
  return { url, content, child };
}

describe.skipIf(!browserTestsEnabled())('the Plain language app in the dev toolbar', () => {
  let server: Awaited<ReturnType<typeof startDevServer>>;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startDevServer();
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${server.url}policies/refunds/`);
    await page.locator(`astro-dev-toolbar #dev-bar [data-app-id="${APP}"]`).click();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.child.kill();
  });

  const panel = () => page.locator(`astro-dev-toolbar astro-dev-toolbar-app-canvas[data-app-id="${APP}"]`);

  it("shows the page's reading grade against its target and each message", async () => {
    await expect.poll(() => panel().locator('.finding').count(), { timeout: 15_000 }).toBe(4);
    expect(await panel().locator('.grade').textContent()).toMatch(/^Reading grade \d+\.\d, target 6: (on target|too hard)$/);
    const findings = await panel().locator('.finding').allTextContents();
    expect(findings.map((text) => text.split(' ').slice(0, 3).join(' '))).toEqual(['10:25 warning passive', '12:1 error sentence-length', '12:120 warning simplify', '14:11 warning spell']);
    // Spelling suggestions are shown here, where they help.
    expect(findings[3]).toContain('expected for example `receive`');
  });

  it('scrolls to the sentence of a message and marks it, labelled with its rule', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await panel().locator('.finding', { hasText: 'sentence-length' }).click();
    const mark = page.locator('.sl-markdown-content mark[data-plainbook-active]');
    await expect.poll(() => mark.count()).toBe(1);
    expect(await mark.getAttribute('data-plainbook-rule')).toBe('sentence-length');
    expect(await mark.textContent()).toMatch(/^When a customer calls us .+ when it will come\.?$/);
    expect(await mark.evaluate((element) => getComputedStyle(element, '::after').content)).toBe('" [sentence-length]"');
    const box = await mark.evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(await page.evaluate(() => window.innerHeight));
  });

  it('marks every flagged passage at once, each with its rule, and unmarks them', async () => {
    await panel().locator('.mark-all').click();
    const marks = page.locator('.sl-markdown-content mark[data-plainbook-rule]:not([data-plainbook-continues])');
    await expect.poll(() => marks.count()).toBe(4);
    expect(await marks.evaluateAll((elements) => elements.map((element) => `${element.getAttribute('data-plainbook-rule')}: ${element.textContent}`))).toEqual([
      'passive: sent',
      expect.stringMatching(/^sentence-length: When a customer calls us/),
      'simplify: it is',
      'spell: recieve',
    ]);
    await panel().locator('.mark-all').click();
    await expect.poll(() => page.locator('mark[data-plainbook-rule]').count()).toBe(0);
    // The page's own text is whole again.
    expect(await page.locator('.sl-markdown-content p', { hasText: 'Check the' }).textContent()).toBe('Check the recieve date.');
  });

  it('updates when the file is saved, and stays open when the page reloads', async () => {
    const started = Date.now();
    const reloaded = page.waitForEvent('load');
    writeFileSync(join(server.content, 'policies/refunds.mdx'), POLICY.replace('recieve', 'receipt'));
    await reloaded;
    const findings = async () => panel().locator('.finding').allTextContents().catch(() => []);
    await expect.poll(async () => (await findings()).length, { timeout: 15_000 }).toBe(3);
    console.info(`Plain language panel updated ${Date.now() - started} ms after the save (page reloaded).`);
    expect(await findings()).not.toContainEqual(expect.stringContaining('spell'));
  });

  it('serves a service worker that removes any offline copy, so dev pages never come from a build saved on the same port', async () => {
    const response = await fetch(`${server.url}sw.js`);
    expect(response.headers.get('content-type')).toBe('text/javascript');
    expect(await response.text()).toBe(KILL_SWITCH_WORKER);
  });

  it('renders every policy into the print page itself: a dev server has no built pages to copy from', async () => {
    const html = await fetch(`${server.url}print/`).then((response) => response.text());
    expect(html).toContain('Complaints escalation list');
    expect(html).not.toContain('<!--plainbook:print ');
  });

  it('serves the version pages\' route from the code a build writes them with', async () => {
    // This copy of the handbook has no git history, so no policy has an earlier version.
    const stylesheet = await fetch(`${server.url}versions/version.css`);
    expect(stylesheet.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await stylesheet.text()).toContain('.version-banner');
    const missing = await fetch(`${server.url}versions/refunds/1/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('No such version of a policy.');
  });

  it('serves the check page with its worker and dictionary, bundled from the same code as a build', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}check/`);
    await page.getByLabel('Your draft').fill('We must demonstrate care.');
    await expect.poll(() => page.locator('#check-status').textContent(), { timeout: 30_000 }).toMatch(/^Reading grade \d+\.\d, target 6 or lower: (on target|too hard)\. 1 thing to fix\.$/);
    expect(await page.locator('[data-check-findings] li').textContent()).toContain('simplify');
    await page.close();
    const dictionary = await fetch(`${server.url}check/dictionaries/dictionary-en/index.aff`);
    expect(dictionary.status).toBe(200);
    // Only the handbook's language is served, and nothing outside the check page's files.
    expect((await fetch(`${server.url}check/dictionaries/dictionary-en-gb/index.aff`)).status).toBe(404);
    expect((await fetch(`${server.url}check/..%2Fpackage.json`)).status).toBe(404);
    // A broken escape serves nothing (Astro answers it), and the dev server goes on serving.
    expect((await fetch(`${server.url}check/%E0%A4%A`)).ok).toBe(false);
    expect((await fetch(`${server.url}check/lint-worker.js`)).status).toBe(200);
  }, 60_000);

  it('is not in a production build', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
    const built = files(inject('siteDir')).filter((file) => /\.(html|js)$/.test(file));
    expect(built.length).toBeGreaterThan(20);
    const traces = built.filter((file) => /data-plainbook-source|plainbook-plain-language|plain-language-app|plain-language:request/.test(readFileSync(file, 'utf8')));
    expect(traces).toEqual([]);
  });
});
