import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/settings.ts';
import { locate } from '../../src/feedback/locate.ts';
import { scaffold } from '../../src/init/scaffold.ts';
import { VISITS_KEY } from '../../src/redline/new-since-visit.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { browserTestsEnabled, launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { serveStatic, type StaticSite } from '../helpers/static-site.ts';

const settings = loadSettings(process.cwd());
const POLICY = 'content/policies/saying-no.mdx';
const BEFORE = 'Sometimes a customer asks for something we cannot do. How you say no decides if they come back.';
const AFTER = 'Sometimes a customer asks for something we cannot give. How you say no kindly decides if they come back.';

/** A handbook as `plainbook init` makes it, in its own git repository, with one policy changed once. */
function handbookWithHistory(): string {
  mkdirSync('test/.output', { recursive: true });
  const root = mkdtempSync(resolve('test/.output/redline-'));
  const files = scaffold({ answers: { title: 'Acme Care', repo: 'acme/care', host: 'github-pages', url: 'https://acme.test/care/', owner: '@acme/leads' }, name: 'care', dependency: 'file:..', today: '2026-11-01' });
  for (const [path, text] of files) {
    if (!path.startsWith('content/')) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Ana', '-c', 'user.email=ana@example.com', ...args], { cwd: root });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'Starter policies', '--date', '2026-11-01T09:00:00Z');
  const source = readFileSync(join(root, POLICY), 'utf8');
  expect(source).toContain(BEFORE);
  writeFileSync(join(root, POLICY), source.replace(BEFORE, AFTER));
  git('commit', '-q', '-am', 'Kinder words for saying no (#12)', '--date', '2026-11-10T09:00:00Z');
  return root;
}

describe.skipIf(!browserTestsEnabled())('from reading to changing', () => {
  let site: StaticSite;
  let browser: BrowserContext;
  let root: string;

  beforeAll(async () => {
    root = handbookWithHistory();
    const build = await buildSite({ PLAINBOOK_CONTENT_DIR: join(root, 'content') });
    if (build.code !== 0) throw new Error(`The handbook did not build:\n${build.output}`);
    site = await serveStatic(build.outDir, settings.base);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(new URL(path, site.url).href);
    return page;
  }

  /** Select `words` inside the first element matching `selector`, as a reader dragging over them. */
  async function selectWords(page: Page, selector: string, words: string): Promise<void> {
    await page.locator(selector).first().evaluate((element, wanted) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let text = '';
      const nodes: { node: Text; start: number }[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, start: text.length });
        text += node.textContent ?? '';
      }
      const from = text.indexOf(wanted);
      if (from === -1) throw new Error(`not on the page: ${wanted}`);
      const at = (offset: number) => {
        const hit = [...nodes].reverse().find((entry) => entry.start <= offset) ?? nodes[0];
        return { node: hit?.node as Text, offset: offset - (hit?.start ?? 0) };
      };
      const start = at(from);
      const end = at(from + wanted.length);
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    }, words);
  }

  async function suggestedForm(page: Page): Promise<URL> {
    const button = page.locator('a.suggest-change');
    await button.waitFor({ state: 'visible' });
    return new URL((await button.getAttribute('href')) ?? '');
  }

  it('offers the feedback form for selected words, filled with the policy, section and the words as written', async () => {
    const page = await open('policies/saying-no/');
    await selectWords(page, '.sl-markdown-content ol', 'Say no plainly, and give the reason.');
    const form = await suggestedForm(page);
    expect(form.origin + form.pathname).toBe(`${settings.repoUrl}/issues/new`);
    expect(form.searchParams.get('template')).toBe('policy-feedback.yml');
    expect(form.searchParams.get('policy')).toBe('When we cannot say yes (saying-no)');
    expect(form.searchParams.get('section')).toBe('Four steps');
    expect(form.searchParams.get('current')).toBe('**Say no plainly**, and give the reason.');
    // The feedback step finds exactly these words in the file.
    const file = readFileSync(join(root, POLICY), 'utf8');
    expect(locate(file, form.searchParams.get('current') ?? '', 'Four steps')).toMatchObject({ found: true, how: 'exact' });
    await page.close();
  });

  it('does the same for words in a component, and offers each section by keyboard', async () => {
    const page = await open('policies/saying-no/');
    await selectWords(page, '.say-this__body', 'We cannot take this back after 30 days.');
    expect((await suggestedForm(page)).searchParams.get('current')).toBe('We cannot take this back after 30 days.');
    const sectionLink = page.locator('.suggest-section a', { hasText: 'Four steps' });
    expect(await sectionLink.textContent()).toBe('Suggest a change to this section: Four steps');
    await sectionLink.focus();
    expect(await sectionLink.evaluate((link) => link === document.activeElement)).toBe(true);
    const section = new URL((await sectionLink.getAttribute('href')) ?? '');
    expect([section.searchParams.get('section'), section.searchParams.get('current')]).toEqual(['Four steps', null]);
    await page.close();
  });

  it('shows what changed: the exact words removed and added, with a summary and words for screen readers', async () => {
    const page = await open('policies/saying-no/');
    const latest = page.locator('.policy-change').first();
    expect(await latest.locator('.policy-change__head').textContent()).toContain('Kinder words for saying no');
    expect(await latest.locator('.policy-change__summary').textContent()).toBe('2 words added and 1 removed.');
    expect(await latest.locator('.redline del').allTextContents()).toEqual(['[removed: do]']);
    expect(await latest.locator('.redline ins').allTextContents()).toEqual(['[added: give]', '[added: kindly ]']);
    // The first version is summarised, not struck through word by word.
    expect(await page.locator('.policy-change').nth(1).locator('.policy-change__summary').textContent()).toMatch(/^New page, \d+ words\.$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('summarises each change in the feed', async () => {
    const feed = await (await fetch(new URL('changes.xml', site.url))).text();
    expect(feed).toContain('2 words added and 1 removed. Pull request #12.');
  });

  it('badges a policy changed since the last visit, in the sidebar and on the page, and clears it once read', async () => {
    const page = await open('');
    // A reader who last came before the change (kept in this browser only).
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ since: '2026-11-05T00:00:00Z', seen: {} })), VISITS_KEY);
    await page.goto(new URL('policies/escalation-list/', site.url).href);
    const badge = page.locator('nav.sidebar a', { hasText: 'When we cannot say yes' }).locator('[data-new-since-visit]');
    await badge.waitFor();
    expect(await badge.textContent()).toBe('New: changed since your last visit');
    expect(await page.locator('nav.sidebar [data-new-since-visit]').count()).toBe(1);

    await page.goto(new URL('policies/saying-no/', site.url).href);
    // The badges come once the page has loaded (their code waits for it).
    await page.locator('[data-changed-since-visit]').waitFor({ state: 'visible' });
    const before = Date.now();
    await page.goto(new URL('policies/escalation-list/', site.url).href);
    const lastSeen = () => page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { seen?: Record<string, string> }).seen?.[location.pathname] ?? '', VISITS_KEY);
    await expect.poll(async () => Date.parse(await lastSeen())).toBeGreaterThanOrEqual(before);
    expect(await page.locator('nav.sidebar [data-new-since-visit]').count()).toBe(0);
    await page.close();
  });
});
