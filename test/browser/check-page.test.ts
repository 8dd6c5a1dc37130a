/**
 * "Check your words" on the built reference handbook: the page's worker finds what
 * `plainbook lint` finds, the page shows it as the editor types, and it says so plainly when its
 * files do not come (refused, hanging, missing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { MESSAGES, WORKER_START_TIMEOUT_MS } from '../../src/check/page.ts';
import { localDay, PROPOSE_MESSAGES } from '../../src/check/propose-view.ts';
import { validatePolicy } from '../../src/policies/validate-policy.ts';
import type { CheckPageData } from '../../src/check/page-data.ts';
import { loadSettings } from '../../src/config/settings.ts';
import { lintContext } from '../../src/lint/context.ts';
import { lintSource } from '../../src/lint/lint-file.ts';
import { formatGrade } from '../../src/lint/shown-grade.ts';
import type { LintMessage } from '../../src/lint/result.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { browserTestsEnabled, launchBrowser } from '../helpers/browser.ts';
import { scriptWeight } from '../helpers/page-weight.ts';
import { serveStatic, type StaticSite } from '../helpers/static-site.ts';

const settings = loadSettings(process.cwd());
const FIXTURES = 'test/fixtures/lint';
const POLICIES = 'content/policies';
const files = [
  ...readdirSync(FIXTURES).map((name) => `${FIXTURES}/${name}`),
  ...readdirSync(POLICIES)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => `${POLICIES}/${name}`),
];

const HARD_DRAFT = 'Our representatives must demonstrate considerable professionalism, acknowledging individual circumstances appropriately.\n\nWe help you.';

/** What a finding is, for comparing the page's with the CLI's. */
const essentials = (messages: readonly LintMessage[]) => messages.map(({ ruleId, line, column, endLine, endColumn, reason, severity }) => ({ ruleId, line, column, endLine, endColumn, reason, severity }));

describe.skipIf(!browserTestsEnabled())('the check page', () => {
  let site: StaticSite;
  let browser: BrowserContext;
  // The offline copy's service worker answers from its cache, where a test's broken network
  // would not reach: these tests see only what the network does.
  let noCopy: BrowserContext;
  const checkUrl = () => new URL('check/', site.url).href;

  beforeAll(async () => {
    site = await serveStatic(inject('siteDir'), settings.base, { gzip: true });
    browser = await launchBrowser();
    noCopy = await launchBrowser({ serviceWorkers: 'block' });
  });

  afterAll(async () => {
    await noCopy?.close();
    await browser?.close();
    await site?.stop();
  });

  async function openCheckPage(): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(checkUrl());
    return page;
  }

  const status = (page: Page) => page.locator('#check-status').textContent();

  it("carries the handbook's lint settings and word list, and its worker finds what `plainbook lint` finds in every fixture and policy", async () => {
    const page = await openCheckPage();
    const data = JSON.parse((await page.locator('#check-page-data').textContent()) ?? '') as CheckPageData;
    const context = lintContext(settings);
    expect(data.lint).toEqual(context.settings);
    expect(data.personalWords).toBe(context.personalWords);
    const workerUrl = await page.locator('[data-check-page]').getAttribute('data-worker');
    const inputs = files.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    const answers = await page.evaluate(
      async ({ workerUrl, inputs, data }) => {
        const worker = new Worker(workerUrl!, { type: 'module' });
        await new Promise<void>((resolve) => (worker.onmessage = () => resolve()));
        const results: unknown[] = [];
        for (const [id, { path, text }] of inputs.entries()) {
          results.push(
            await new Promise((resolve) => {
              worker.onmessage = (event) => resolve(event.data);
              worker.postMessage({ id, path, text, settings: data.lint, personalWords: data.personalWords });
            }),
          );
        }
        worker.terminate();
        return results as { result?: { messages: LintMessage[]; targetGrade: number; metrics?: { fleschKincaidGrade: number } }; error?: string }[];
      },
      { workerUrl, inputs, data },
    );
    let findings = 0;
    for (const [index, { path, text }] of inputs.entries()) {
      const expected = await lintSource(path, text, { ...context, suggest: true });
      const answer = answers[index]!;
      expect(answer.error, path).toBeUndefined();
      expect(essentials(answer.result!.messages), path).toEqual(essentials(expected.messages));
      expect(answer.result!.targetGrade, path).toBe(expected.targetGrade);
      expect(answer.result!.metrics?.fleschKincaidGrade, path).toBe(expected.metrics?.fleschKincaidGrade);
      findings += expected.messages.length;
    }
    // The comparison covers real findings, not thirty empty lists.
    expect(findings).toBeGreaterThan(30);
    await page.close();
  }, 60_000);

  it('shows the grade, each finding with its place, rule and suggestion, and the draft marked, as the editor types', async () => {
    const page = await browser.newPage();
    const wordList: string[] = [];
    page.on('request', (request) => request.url().includes('/check/dictionaries/') && wordList.push(new URL(request.url()).pathname));
    await page.goto(checkUrl());
    await page.getByLabel('Your draft').fill(HARD_DRAFT);
    await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^Reading grade \d+\.\d, target 6 or lower: too hard\. \d+ things to fix\.$/);
    const items = await page.locator('[data-check-findings] li').allTextContents();
    expect(items[0]).toMatch(/^1:1 must fix document-grade Unexpected reading grade \d+\.\d, expected 6 or lower\./);
    expect(items).toContainEqual(expect.stringMatching(/^1:26 advice simplify Unexpected demonstrate, use prove, show instead Try: prove, show$/));
    // Values in backticks show as code, still as text.
    expect(await page.locator('[data-check-findings] code').first().textContent()).toMatch(/^\d+\.\d$/);
    const marks = await page.locator('[data-check-marked] mark').allTextContents();
    expect(marks).toContain('demonstrate');
    expect(await page.locator('[data-check-marked]').textContent()).toContain('We help you.');
    // The page fetched the word list beside the worker and handed it over: each file once.
    expect(wordList.sort()).toEqual([`${settings.base}/check/dictionaries/dictionary-en/index.aff`, `${settings.base}/check/dictionaries/dictionary-en/index.dic`]);

    // The number beside "demonstrate" leads to its line in the list, and its button selects the words in the draft.
    const number = await page.locator('[data-check-marked] mark', { hasText: /^demonstrate$/ }).locator('xpath=following-sibling::sup[1]').textContent();
    const item = page.locator('[data-check-findings] li').nth(Number(number) - 1);
    expect(await item.textContent()).toContain('simplify');
    await item.getByRole('button').click();
    expect(await page.getByLabel('Your draft').evaluate((box: HTMLTextAreaElement) => box.value.slice(box.selectionStart, box.selectionEnd))).toBe('demonstrate');

    // Typing on: the answer shown is always the newest draft's, never an older one's.
    const draft = page.getByLabel('Your draft');
    await draft.fill('We help.');
    await draft.pressSequentially(' We fix it fast.', { delay: 5 });
    const newest = await lintSource('draft.md', 'We help. We fix it fast.\n', { ...lintContext(settings), suggest: true });
    expect(newest.messages).toEqual([]);
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe(`Reading grade ${formatGrade(newest.metrics!.fleschKincaidGrade)}, target 6 or lower: on target. Nothing to fix.`);
    expect(await page.locator('[data-check-results]').isHidden()).toBe(true);
    await draft.fill('');
    await expect.poll(() => status(page)).toBe(MESSAGES.empty);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('keeps what a draft holds as text: markup in it is not run', async () => {
    const page = await openCheckPage();
    await page.getByLabel('Your draft').fill('Hello <img src=x onerror="window.pwned=1"> and {alert(1)} there.');
    await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^Reading grade/);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('[data-check-marked] img').count()).toBe(0);
    expect(await page.locator('[data-check-marked]').textContent()).toContain('<img src=x');
    await page.close();
  });

  it('says how long a draft may be instead of checking a whole handbook at once', async () => {
    const page = await openCheckPage();
    await page.getByLabel('Your draft').fill('Short words. '.repeat(8_000));
    await expect.poll(() => status(page)).toBe(MESSAGES.tooLong(104_000));
    await page.close();
  });

  it('keeps the draft through a reload in the same tab', async () => {
    const page = await openCheckPage();
    await page.getByLabel('Your draft').fill('We help you.');
    await page.reload();
    expect(await page.getByLabel('Your draft').inputValue()).toBe('We help you.');
    await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^Reading grade/);
    await page.close();
  });

  it('proposes the draft as a new policy: GitHub\'s new-file page with the whole file filled in, or Copy when it is too long', async () => {
    const page = await openCheckPage();
    const link = page.getByText('Propose as a new policy');
    expect(await link.getAttribute('href')).toBeNull();
    await page.getByLabel('Your draft').fill('We answer every e-mail within one day.\n\nSay <b>sorry</b> once, then {fix} it.');
    await expect.poll(() => page.locator('[data-propose-note]').textContent()).toBe(PROPOSE_MESSAGES.needTitle);
    await page.getByLabel('Title').fill('Answering e-mail');
    expect(await page.getByLabel('Owner').inputValue()).toBe(settings.defaultOwner);
    // A handbook without a default owner leaves the field for the editor to fill.
    await page.getByLabel('Owner').fill('');
    await expect.poll(() => page.locator('[data-propose-note]').textContent()).toBe(PROPOSE_MESSAGES.needOwner);
    await page.getByLabel('Owner').fill(settings.defaultOwner!);
    await expect.poll(() => link.getAttribute('href'), { timeout: 15_000 }).toMatch(/^https:\/\/github\.com\/plainbook\/plainbook\/new\/main\/content\/policies\?filename=answering-e-mail\.mdx&value=/);
    expect(await page.locator('[data-propose-note]').textContent()).toBe(PROPOSE_MESSAGES.ready('content/policies/answering-e-mail.mdx'));
    const source = new URL((await link.getAttribute('href'))!).searchParams.get('value')!;
    expect(source).toBe(
      `---\ntitle: "Answering e-mail"\nowner: "${settings.defaultOwner}"\nstatus: draft\neffective: ${localDay()}\n---\n\nWe answer every e-mail within one day.\n\nSay \\<b>sorry\\</b> once, then \\{fix} it.\n`,
    );
    // What GitHub would commit is a policy the handbook accepts, with the draft's words as words.
    expect(validatePolicy({ file: 'content/policies/answering-e-mail.mdx', source }).status).toBe('draft');
    expect(await link.getAttribute('target')).toBe('_blank');

    // Too long for an address: the page says so and copies the file instead.
    await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
    await page.getByLabel('Your draft').fill('We help every customer. '.repeat(400));
    await expect.poll(() => page.locator('[data-propose-note]').textContent(), { timeout: 15_000 }).toMatch(/^Your policy is too long to send to GitHub in one link \([\d,]+ characters; the most is 8,000\)\./);
    expect(await link.getAttribute('href')).toBeNull();
    expect(await page.getByRole('link', { name: "Open GitHub's new file page" }).getAttribute('href')).toBe('https://github.com/plainbook/plainbook/new/main/content/policies?filename=answering-e-mail.mdx');
    await page.getByRole('button', { name: 'Copy the policy' }).click();
    await expect.poll(() => page.locator('[data-propose-note]').textContent()).toBe(PROPOSE_MESSAGES.copied);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^---\ntitle: "Answering e-mail"\n/);
    expect(copied).toContain('We help every customer. We help every customer.');

    // A title that makes no file name says what to write instead.
    await page.getByLabel('Title').fill('???');
    await expect.poll(() => page.locator('[data-propose-note]').textContent()).toMatch(/^Unexpected title `\?\?\?` for a new policy, expected a title with Latin letters or digits/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  /** Ways the page's files fail to come. */
  const BROKEN: [string, string, 'abort' | 'hang' | 404][] = [
    ['the worker is refused', '**/check/lint-worker.js', 'abort'],
    ['the worker is missing', '**/check/lint-worker.js', 404],
    ['the word list is refused', '**/check/dictionaries/**', 'abort'],
  ];

  it.each(BROKEN)('says the checks could not load when %s', async (_, pattern, failure) => {
    const page = await noCopy.newPage();
    await page.route(pattern, (route) => (failure === 'abort' ? route.abort('connectionrefused') : route.fulfill({ status: 404, body: 'Not found' })));
    await page.goto(checkUrl());
    await page.getByLabel('Your draft').fill('We help you.');
    await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(new RegExp(`^${MESSAGES.failed.replace(/[.,]/g, '\\$&')}`));
    await page.close();
  });

  it('gives up on a worker that never arrives (a hanging connection) and says so', async () => {
    // A browser of its own: a page's fake clock is its whole context's.
    const slow = await launchBrowser({ serviceWorkers: 'block' });
    onTestFinished(() => slow.close());
    const page = await slow.newPage();
    await page.clock.install();
    // Never answered: as a captive portal or a dead line holds the request.
    await page.route('**/check/lint-worker.js', () => undefined);
    await page.goto(checkUrl());
    expect(await status(page)).toBe('Getting the checks ready…');
    await page.clock.runFor(WORKER_START_TIMEOUT_MS + 1);
    expect(await status(page)).toBe(MESSAGES.failed);
    await page.close();
  });

  it('loads the lint only on the check page, and links to it from every page', async () => {
    const policy = new URL('policies/saying-no/', site.url).href;
    const weight = await scriptWeight(noCopy, policy);
    const loaded = [...weight.beforeLoad, ...weight.afterLoad].map((file) => file.name);
    expect(loaded).not.toContainEqual(expect.stringMatching(/lint-worker|check/));
    const page = await browser.newPage();
    await page.goto(policy);
    // Beside "Edit page" in the footer, and in the sidebar's Handbook group.
    expect(await page.locator('footer').getByRole('link', { name: 'Check your words' }).getAttribute('href')).toBe(`${settings.base}/check/`);
    expect(await page.locator('nav.sidebar').getByRole('link', { name: 'Check your words' }).getAttribute('href')).toBe(`${settings.base}/check/`);
    await page.goto(checkUrl());
    expect(await page.locator('footer').getByRole('link', { name: 'Check your words' }).count()).toBe(0);
    expect(await page.locator('nav.sidebar').getByRole('link', { name: 'Check your words' }).getAttribute('aria-current')).toBe('page');
    await page.close();
  });
});
