/**
 * A policy's versions on the site, built for real from a repository with a change that takes
 * effect later: the page shows the words in force and a notice, each earlier version has its
 * page (kept out of search and the sitemap), and a build for a later day shows the new words.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { createTempRepo, type TempRepo } from '../helpers/temp-git-repo.ts';

const GOALS = 'mission: We help.\ngoals:\n  - { id: warm-welcome, title: Welcome, statement: Greet., serves: Help. }\n';
const refunds = (words: string, effective: string, heading = 'How long') =>
  `---\ntitle: Refunds\nowner: "@acme/leads"\nstatus: published\neffective: ${effective}\ngoals: [warm-welcome]\n---\n\n## ${heading}\n\n${words}\n`;
const OLD = 'Give the money back within 30 days.';
const NOW = 'Give the money back within 14 days.';
const NEXT = 'Give the money back within 21 days.';

describe('the policy on any day', () => {
  let repo: TempRepo;
  let before: BuildResult;
  let after: BuildResult;
  const page = (build: BuildResult, path: string) => readFileSync(join(build.outDir, path, 'index.html'), 'utf8');

  beforeAll(async () => {
    repo = createTempRepo();
    repo.commit({ 'content/goals.yml': GOALS, 'content/index.mdx': '---\ntitle: Home\n---\n\nHello.\n', 'content/policies/refunds.mdx': refunds(OLD, '2026-01-05') }, 'Add refunds', '2026-01-05T09:00:00Z');
    repo.commit({ 'content/policies/refunds.mdx': refunds(NOW, '2026-01-05') }, 'Shorter refunds (#4)', '2026-03-10T09:00:00Z');
    repo.commit({ 'content/policies/refunds.mdx': refunds(NEXT, '2027-02-01', 'How many days') }, 'Longer refunds (#9)', '2026-11-20T09:00:00Z');
    const content = join(repo.dir, 'content');
    // One after the other: two builds of one project share Astro's prerender folder.
    before = await buildSite({ PLAINBOOK_CONTENT_DIR: content, PLAINBOOK_TODAY: '2026-12-04' });
    after = await buildSite({ PLAINBOOK_CONTENT_DIR: content, PLAINBOOK_TODAY: '2027-02-01' });
    expect(before.code, before.output).toBe(0);
    expect(after.code, after.output).toBe(0);
  }, 240_000);

  it('shows the words in force, with a notice of the change, its redline and a link to it', () => {
    const html = page(before, 'policies/refunds');
    expect(html).toContain(NOW);
    expect(html).not.toContain(NEXT);
    expect(html).toMatch(/<strong>A change takes effect on 1 Feb 2027\.<\/strong> Until then, this page shows the words in force today\. <a href="[^"]*\/versions\/refunds\/3\/">Read the new version\.<\/a>/);
    expect(html).toMatch(/<del>[\s\S]*14[\s\S]*<\/del>[\s\S]*<ins>[\s\S]*21[\s\S]*<\/ins>/);
    // The header is the words' in force: effective from January, not the waiting change's February.
    expect(html).toMatch(/<dt>Effective<\/dt>\s*<dd><time datetime="2026-01-05">5 Jan 2026<\/time>/);
    // "On this page" lists the headings of the words shown, with the ids Astro would give them.
    expect(html).toContain('<h2 id="how-long">How long</h2>');
    expect(html).toMatch(/<a href="#how-long"[^>]*><span[^>]*>How long<\/span>/);
    expect(html).not.toContain('href="#how-many-days"');
  });

  it('shows the new words from the day they take effect, with no notice', () => {
    const html = page(after, 'policies/refunds');
    expect(html).toContain(NEXT);
    expect(html).not.toContain('data-upcoming-change');
    expect(html).toMatch(/<a href="#how-many-days"[^>]*><span[^>]*>How many days<\/span>/);
    expect(html).not.toContain('href="#how-long"');
  });

  it('gives each earlier version its page: the words then, the days in force, the change that made it', () => {
    const first = page(before, 'versions/refunds/1');
    expect(first).toContain(OLD);
    expect(first).toContain('This version was in force from 5 Jan 2026 to 9 Mar 2026.');
    expect(first).toContain('<meta name="robots" content="noindex, nofollow"');
    expect(first).not.toContain('data-pagefind-body');
    const waiting = page(before, 'versions/refunds/3');
    expect(waiting).toContain(NEXT);
    expect(waiting).toContain('This version takes effect on 1 Feb 2027.');
    expect(waiting).toMatch(/Made by <a href="[^"]*\/pull\/9">#9<\/a> Longer refunds/);
    // While a change waits, the words in force have a page of their own too; once nothing waits, the policy page is theirs.
    expect(page(before, 'versions/refunds/2')).toContain('This version has been in force since 10 Mar 2026.');
    expect(existsSync(join(after.outDir, 'versions/refunds/3/index.html'))).toBe(false);
    expect(page(after, 'versions/refunds/2')).toContain('This version was in force from 10 Mar 2026 to 31 Jan 2027.');
  });

  it('keeps version pages out of the search index and off phones', () => {
    const offline = readFileSync(join(before.outDir, readFileSync(join(before.outDir, 'sw.js'), 'utf8').match(/offline-[0-9a-f]+\.json/)?.[0] ?? 'missing'), 'utf8');
    expect(offline).not.toContain('versions/');
  });

  it('lists the versions on the policy page, with a date field that holds the days each was in force', () => {
    const html = page(before, 'policies/refunds');
    expect(html).toContain('<h2 id="policy-versions">Versions</h2>');
    expect(html).toMatch(/From 1 Feb 2027 \(not yet in force\)<\/a>\s*: Longer refunds \(#9\)/);
    expect(html).toMatch(/10 Mar 2026 to 31 Jan 2027<\/a>\s*: Shorter refunds \(#4\)/);
    const ranges = JSON.parse(html.match(/data-ranges="([^"]*)"/)?.[1]?.replaceAll('&quot;', '"') ?? '[]') as { from: string; until?: string; href: string }[];
    expect(ranges.map(({ from, until }) => [from, until])).toEqual([
      ['2027-02-01', undefined],
      ['2026-03-10', '2027-02-01'],
      ['2026-01-05', '2026-03-10'],
    ]);
  });

  it('dates a change by the day it took effect in What changed and the feed; one still waiting is not there yet', () => {
    // The feed and the "What changed" page share one list of changes (src/site/changes.ts).
    const waiting = readFileSync(join(before.outDir, 'changes.xml'), 'utf8');
    expect(waiting).toContain('Shorter refunds (#4)');
    expect(waiting).not.toContain('Longer refunds');
    const feed = readFileSync(join(after.outDir, 'changes.xml'), 'utf8');
    expect(feed).toMatch(/<title>Refunds: Longer refunds \(#9\)<\/title>[\s\S]*?<pubDate>Mon, 01 Feb 2027 00:00:00 GMT<\/pubDate>/);
    expect(page(before, 'policies/refunds')).toMatch(/Last changed<\/dt><dd><time datetime="2026-03-10T09:00:00.000Z">/);
  });
});
