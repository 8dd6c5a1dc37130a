/**
 * A handbook that sets its own form and e-mail (`feedback:` in plainbook.config.yml) offers them
 * beside GitHub on a policy page: in the header, after each section, and under selected words.
 * The reference handbook, which sets neither, keeps GitHub's form alone (suggest-and-redline.test.ts
 * checks those links as they always were).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSettings } from '../../src/config/settings.ts';
import { browserTestsEnabled, launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { scriptWeight, totalGzip } from '../helpers/page-weight.ts';
import { serveStatic, type StaticSite } from '../helpers/static-site.ts';

const settings = loadSettings(process.cwd());
const FORM = 'https://docs.google.com/forms/d/e/1FAIpQLSf/viewform?usp=pp_url&entry.1=%7Bpolicy%7D&entry.2={section}&entry.3={current}&entry.4={round}';
const EMAIL = 'handbook-feedback@acme.test';
/** The same budget as page-weight.test.ts: the links' code runs before the page has loaded. */
const BUDGET_BYTES = 9_000;

/** The reference handbook with a `feedback:` group: its own settings and Astro config, the same content. */
function handbookWithChannels(): string {
  mkdirSync('test/.output', { recursive: true });
  const root = mkdtempSync(resolve('test/.output/channels-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'plainbook.config.yml'), `${readFileSync('plainbook.config.yml', 'utf8')}feedback:\n  form: "${FORM}"\n  email: ${EMAIL}\n`);
  writeFileSync(join(root, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nimport plainbook from ${JSON.stringify(resolve('src/integration.ts'))};\nexport default defineConfig({ integrations: [plainbook()] });\n`);
  writeFileSync(join(root, 'src/content.config.ts'), `export { collections } from ${JSON.stringify(resolve('src/site/collections.ts'))};\n`);
  return root;
}

const entries = (href: string | null) => Object.fromEntries([...new URL(href ?? '').searchParams].filter(([key]) => key.startsWith('entry.')));
const mailBody = (href: string | null) => decodeURIComponent(/[?&]body=([^&]*)/.exec(href ?? '')?.[1] ?? '');

describe.skipIf(!browserTestsEnabled())('feedback without GitHub on a policy page', () => {
  let site: StaticSite;
  let plain: StaticSite;
  let browser: BrowserContext;

  beforeAll(async () => {
    const build = await buildSite({ PLAINBOOK_CONTENT_DIR: resolve('content') }, undefined, [], handbookWithChannels());
    if (build.code !== 0) throw new Error(`The handbook did not build:\n${build.output}`);
    site = await serveStatic(build.outDir, settings.base, { gzip: true });
    plain = await serveStatic(inject('siteDir'), settings.base);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await plain?.stop();
  });

  async function open(at: StaticSite, path: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(new URL(path, at.url).href);
    return page;
  }

  it('offers the form and an e-mail in the header, worded for someone new to GitHub, and GitHub last', async () => {
    const page = await open(site, 'policies/saying-no/');
    const links = page.locator('.policy-header .feedback-link a');
    expect(await page.locator('.policy-header .feedback-link').textContent()).toBe('Give feedback on this policy: Use our feedback form · Send us an e-mail · I have a GitHub account');
    expect(entries(await links.nth(0).getAttribute('href'))).toEqual({ 'entry.1': 'When we cannot say yes (saying-no)', 'entry.2': '', 'entry.3': '', 'entry.4': '' });
    const mail = await links.nth(1).getAttribute('href');
    expect(mail?.startsWith(`mailto:${EMAIL}?subject=Feedback%3A%20When%20we%20cannot%20say%20yes%20%28saying-no%29&body=`)).toBe(true);
    const github = new URL((await links.nth(2).getAttribute('href')) ?? '');
    expect(github.origin + github.pathname).toBe(`${settings.repoUrl}/issues/new`);
    expect(github.searchParams.get('policy')).toBe('When we cannot say yes (saying-no)');
    await page.close();
  });

  it('offers each way in after each section, with the section filled in and named for screen readers', async () => {
    const page = await open(site, 'policies/saying-no/');
    const section = page.locator('.suggest-section', { hasText: 'Four steps' });
    const links = section.locator('a');
    // GitHub's link comes with the page; the choices once it has loaded.
    await links.nth(2).waitFor();
    expect(await links.allTextContents()).toEqual(['Use our feedback form: Four steps', 'Send us an e-mail: Four steps', 'I have a GitHub account: Four steps']);
    expect(entries(await links.nth(0).getAttribute('href'))['entry.2']).toBe('Four steps');
    expect(mailBody(await links.nth(1).getAttribute('href'))).toContain('Section heading: Four steps\r\n');
    expect(new URL((await links.nth(2).getAttribute('href')) ?? '').searchParams.get('section')).toBe('Four steps');
    await page.close();
  });

  it('offers each way in under selected words, with the words as the file has them', async () => {
    const page = await open(site, 'policies/saying-no/');
    await page.locator('.sl-markdown-content ol').first().evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element.querySelector('li') as Node);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    });
    const choices = page.locator('.suggest-change--choices');
    await choices.waitFor({ state: 'visible' });
    const links = choices.locator('a');
    expect(await choices.textContent()).toBe('Suggest a change: Use our feedback form · Send us an e-mail · I have a GitHub account');
    expect(entries(await links.nth(0).getAttribute('href'))['entry.3']).toBe('**Thank them** for asking.');
    expect(mailBody(await links.nth(1).getAttribute('href'))).toContain('Current wording:\r\n**Thank them** for asking.\r\n');
    expect(new URL((await links.nth(2).getAttribute('href')) ?? '').searchParams.get('current')).toBe('**Thank them** for asking.');

    await page.close();
  });

  it(`still runs at most ${BUDGET_BYTES / 1000} KB of JavaScript before it has loaded`, async () => {
    const weight = await scriptWeight(browser, new URL('policies/saying-no/', site.url).href);
    expect(totalGzip(weight.beforeLoad), weight.beforeLoad.map((file) => `${file.gzip} ${file.name}`).join('\n')).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('without the settings, offers GitHub’s form alone, as before', async () => {
    const page = await open(plain, 'policies/saying-no/');
    const header = page.locator('.policy-header .feedback-link');
    expect(await header.evaluate((element) => element.outerHTML.replace(/href="[^"]*"/, 'href'))).toBe('<p class="feedback-link print:hidden"><a href>Give feedback on this policy</a></p>');
    expect(await page.locator('.suggest-section').first().locator('a').count()).toBe(1);
    expect(await page.locator('[data-channel], .suggest-change--choices').count()).toBe(0);
    await page.close();
  });
});
