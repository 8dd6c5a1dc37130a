/**
 * "What did this policy say on …?" in a browser: the date field opens the version in force that
 * day, and answers in words for a day before the policy existed. Built from a repository with
 * three versions of one policy, the last taking effect later.
 */
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.ts';
import { browserTestsEnabled, launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { serveStatic, type StaticSite } from '../helpers/static-site.ts';
import { createTempRepo } from '../helpers/temp-git-repo.ts';

const GOALS = 'mission: We help.\ngoals:\n  - { id: warm-welcome, title: Welcome, statement: Greet., serves: Help. }\n';
const refunds = (words: string, effective: string) =>
  `---\ntitle: Refunds\nowner: "@acme/leads"\nstatus: published\neffective: ${effective}\ngoals: [warm-welcome]\n---\n\n${words}\n`;

describe.skipIf(!browserTestsEnabled())('what the policy said on a day', () => {
  let site: StaticSite;
  let browser: BrowserContext;

  beforeAll(async () => {
    const repo = createTempRepo();
    repo.commit({ 'content/goals.yml': GOALS, 'content/index.mdx': '---\ntitle: Home\n---\n\nHello.\n', 'content/policies/refunds.mdx': refunds('Give the money back within 30 days.', '2026-01-05') }, 'Add refunds', '2026-01-05T09:00:00Z');
    repo.commit({ 'content/policies/refunds.mdx': refunds('Give the money back within 14 days.', '2026-01-05') }, 'Shorter refunds (#4)', '2026-03-10T09:00:00Z');
    repo.commit({ 'content/policies/refunds.mdx': refunds('Give the money back within 21 days.', '2027-02-01') }, 'Longer refunds (#9)', '2026-11-20T09:00:00Z');
    const build = await buildSite({ PLAINBOOK_CONTENT_DIR: join(repo.dir, 'content'), PLAINBOOK_TODAY: '2026-12-04' });
    if (build.code !== 0) throw new Error(build.output);
    site = await serveStatic(build.outDir, '/plainbook');
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('opens the version in force on the day asked, and says when the policy did not exist yet', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('policies/refunds/', site.url).href);
    const day = page.getByLabel('What did this policy say on');
    await day.fill('2026-02-14');
    await Promise.all([page.waitForURL(/\/versions\/refunds\/1\/$/), page.getByRole('button', { name: 'Show' }).click()]);
    expect(await page.locator('main').textContent()).toContain('Give the money back within 30 days.');
    expect(await page.locator('.version-banner').textContent()).toContain('This version was in force from 5 Jan 2026 to 9 Mar 2026.');
    // A page of its own, written after the build: its stylesheet loads and it passes axe as the site's pages do.
    expect(await page.locator('.version-banner').evaluate((banner) => getComputedStyle(banner).borderLeftStyle)).toBe('solid');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(new URL('policies/refunds/', site.url).href);
    await page.getByLabel('What did this policy say on').fill('2025-12-25');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.locator('[data-version-answer]').textContent()).toBe('This policy did not exist yet on 25 Dec 2025. It started on 5 Jan 2026.');
    await page.close();
  });
});
