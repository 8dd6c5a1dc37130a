import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDate } from '../../src/text/format-date.ts';
import { loadSettings } from '../../src/config/settings.ts';
import { nextReviewDate } from '../../src/policies/review-dates.ts';
import { validatePolicy } from '../../src/policies/validate-policy.ts';
import { renderPdf } from '../../src/site/pdf.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { browserTestsEnabled, CHROMIUM_PATH, launchBrowser } from '../helpers/browser.ts';
import { serveSite, type ServedSite } from '../helpers/serve-site.ts';

const settings = loadSettings(process.cwd());
const policyFiles = readdirSync(join(settings.contentPath, 'policies')).filter((name) => name.endsWith('.mdx'));
const policies = policyFiles.map((name) => {
  const file = `content/policies/${name}`;
  const source = readFileSync(file, 'utf8');
  return { file, slug: name.replace(/\.mdx$/, ''), source, data: validatePolicy({ file, source }) };
});
const greeting = policies.find((policy) => policy.slug === 'greeting-customers');

describe.skipIf(!browserTestsEnabled())('the handbook in a browser', () => {
  let site: ServedSite;
  let browser: BrowserContext;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    site = await serveSite(inject('siteDir'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  async function open(path: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage();
    if (viewport) await page.setViewportSize(viewport);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${path}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${path}: ${error.message}`));
    const response = await page.goto(new URL(path, site.url).href, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    return page;
  }

  it('serves the home page with a link to every policy', async () => {
    const page = await open('');
    expect(await page.locator('h1').first().textContent()).toBe('Customer Care Handbook');
    const links = await page.locator('.section-list a').allTextContents();
    expect(links.sort()).toEqual(policies.map((policy) => policy.data.title).sort());
    await page.close();
  });

  it('shows the owner, status and review dates in the policy header', async () => {
    if (!greeting) throw new Error('content/policies/greeting-customers.mdx is missing');
    const page = await open('policies/greeting-customers/');
    const header = page.locator('.policy-header');
    const fact = (term: string) => header.locator(`dt:text-is("${term}") + dd`).textContent();

    expect(await fact('Owner')).toBe(greeting.data.owner);
    expect(await fact('Status')).toBe('Published');
    expect(await fact('Effective')).toBe(formatDate(greeting.data.effective));
    expect(await fact('Last reviewed')).toBe(formatDate(greeting.data.reviewed ?? greeting.data.effective));
    expect((await fact('Next review'))?.trim()).toContain(formatDate(nextReviewDate(greeting.data)));

    // A repository without commits (a fresh `git init`) has no history: then no date is shown.
    const committed = spawnSync('git', ['log', '-1', '--format=%aI', '--', greeting.file], { encoding: 'utf8' }).stdout.trim();
    if (committed) expect(await fact('Last changed')).toBe(formatDate(new Date(committed)));
    else expect(await header.locator('dt:text-is("Last changed")').count()).toBe(0);
    await page.close();
  });

  it('links to the feedback form with the policy chosen, and to the source file for editing', async () => {
    const page = await open('policies/greeting-customers/');
    const feedback = new URL((await page.getByRole('link', { name: 'Give feedback on this policy' }).getAttribute('href')) ?? '');
    expect(feedback.origin + feedback.pathname).toBe(`${settings.repoUrl}/issues/new`);
    expect(feedback.searchParams.get('template')).toBe('policy-feedback.yml');
    expect(feedback.searchParams.get('policy')).toBe(`${greeting?.data.title} (greeting-customers)`);

    const edit = await page.getByRole('link', { name: 'Edit this policy' }).getAttribute('href');
    expect(edit).toBe(`${settings.repoUrl}/edit/${settings.branch}/content/policies/greeting-customers.mdx`);
    await page.close();
  });

  it('finds a policy with Pagefind by a word that only its body contains', async () => {
    const word = 'kettle';
    const holders = policies.filter((policy) => policy.source.toLowerCase().includes(word));
    expect(holders.map((policy) => policy.slug)).toEqual(['handling-complaints']);
    const complaints = holders[0];
    expect(complaints?.data.title.toLowerCase()).not.toContain(word);

    const page = await open('');
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('#starlight__search input.pagefind-ui__search-input').fill(word);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 10_000 });
    const results = await page.locator('.pagefind-ui__result-title > .pagefind-ui__result-link').evaluateAll((links) =>
      links.map((link) => [link.textContent, link.getAttribute('href')]),
    );
    // The training pack repeats the role-play cards, so it may be found too.
    expect(results).toContainEqual([complaints?.data.title, expect.stringContaining('/policies/handling-complaints/')]);
    await page.close();
  });

  it('has no horizontal scroll on a 390 x 844 phone screen', async () => {
    for (const path of ['', ...policies.map((policy) => `policies/${policy.slug}/`)]) {
      const page = await open(path, { width: 390, height: 844 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path || 'home'} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
      await page.close();
    }
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    for (const path of ['', 'policies/greeting-customers/']) {
      const page = await open(path);
      expect(await seriousViolations(page), path || 'home').toEqual([]);
      await page.close();
    }
  });

  it('prints a policy alone: no sidebar or table of contents, links written out', async () => {
    const page = await open('policies/handling-complaints/');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['nav.sidebar', 'header.header', '.right-sidebar-container', '.feedback-link', '.suggest-section', '.offline-support']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('.policy-header').isVisible()).toBe(true);
    const main = await page.locator('main').boundingBox();
    expect(main?.x).toBeLessThan(40);

    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://example.com/refunds';
      link.textContent = 'refunds';
      document.querySelector('.sl-markdown-content')?.append(link);
    });
    const after = await page.evaluate(
      () => getComputedStyle(document.querySelector('.sl-markdown-content > a:last-child') as Element, '::after').content,
    );
    expect(after).toBe('" (https://example.com/refunds)"');
    await page.close();
  });

  it('flags an overdue review by the reader’s date, not only the build date', async () => {
    if (!greeting) throw new Error('greeting policy missing');
    const next = nextReviewDate(greeting.data);
    const page = await browser.newPage();
    await page.clock.setFixedTime(new Date(`${next}T12:00:00Z`).getTime() + 86_400_000);
    await page.goto(new URL('policies/greeting-customers/', site.url).href);
    const flag = page.locator('.next-review .review-flag');
    expect(await flag.isVisible()).toBe(true);
    expect(await flag.textContent()).toContain('Overdue');

    await page.clock.setFixedTime(new Date(`${greeting.data.effective}T12:00:00Z`));
    await page.reload();
    expect(await flag.isVisible()).toBe(false);
    await page.close();
  });

  it('shows the escalation ladder and SayThis blocks readably on a phone', async () => {
    const ladder = await open('policies/escalation-list/', { width: 390, height: 844 });
    const levels = ladder.locator('.escalation-ladder').first().locator('.escalation-ladder__level');
    expect(await levels.count()).toBeGreaterThan(1);
    const rung = levels.first();
    for (const term of ['Who', 'When', 'Within']) expect(await rung.locator(`dt:text-is("${term}")`).isVisible()).toBe(true);
    expect(await fitsWidth(ladder, '.escalation-ladder')).toBe(true);
    expect(await fontSize(ladder, '.escalation-ladder dd')).toBeGreaterThanOrEqual(14);
    await ladder.close();

    const phrases = await open('policies/talking-with-customers/', { width: 390, height: 844 });
    const say = phrases.locator('.say-this--say').first();
    const avoid = phrases.locator('.say-this--avoid').first();
    expect(await say.locator('.say-this__label').innerText()).toMatch(/✓\s*SAY THIS/i);
    expect(await avoid.locator('.say-this__label').innerText()).toMatch(/✗\s*AVOID SAYING/i);
    expect(await fitsWidth(phrases, '.say-this')).toBe(true);
    expect(await fontSize(phrases, '.say-this__body')).toBeGreaterThanOrEqual(14);
    await phrases.close();
  });

  it('prints the escalation ladder and SayThis blocks in black and white, labels and all', async () => {
    for (const [path, selector, label] of [
      ['policies/escalation-list/', '.escalation-ladder__level', 'Level 1'],
      ['policies/talking-with-customers/', '.say-this--avoid', 'Avoid saying'],
    ] as const) {
      const page = await open(path);
      await page.emulateMedia({ media: 'print' });
      const block = page.locator(selector).first();
      expect(await block.isVisible()).toBe(true);
      expect((await block.innerText()).toLowerCase()).toContain(label.toLowerCase());
      expect(await block.evaluate((element) => getComputedStyle(element).borderTopColor)).toBe('rgb(0, 0, 0)');
      await page.close();
    }
  });

  it('prints the whole handbook to a PDF of many pages with Chromium', async () => {
    const output = join(mkdtempSync(join(tmpdir(), 'plainbook-pdf-test-')), 'handbook.pdf');
    const size = await renderPdf({
      root: process.cwd(),
      outDir: inject('siteDir'),
      output,
      chromium: CHROMIUM_PATH,
      base: settings.base,
      userDataDir: mkdtempSync(join(tmpdir(), 'plainbook-pdf-profile-')),
    });
    const pdf = readFileSync(output);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(size).toBe(pdf.length);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(policies.length);
  });

  it('shows an overdue banner on a policy past its review date, by the reader’s date', async () => {
    if (!greeting) throw new Error('greeting policy missing');
    const page = await browser.newPage();
    const banner = page.locator('.review-banner');
    await page.goto(new URL('policies/greeting-customers/', site.url).href);
    expect(await banner.isVisible()).toBe(false);
    await page.clock.setFixedTime(new Date(`${nextReviewDate(greeting.data)}T12:00:00Z`).getTime() + 2 * 86_400_000);
    await page.reload();
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.innerText()).toContain(`This policy was due for review on ${formatDate(nextReviewDate(greeting.data))}.`);
    await page.close();
  });

  it('logged no console errors on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});

function fitsWidth(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((element) => {
    const box = element.getBoundingClientRect();
    return element.scrollWidth <= element.clientWidth + 1 && box.right <= document.documentElement.clientWidth;
  });
}

function fontSize(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
}

