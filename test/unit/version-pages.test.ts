/**
 * The version pages as plain HTML written after the build (and served by the dev server): which
 * versions get one, what each says, that a policy's words and git's subjects stay text, and the
 * "On this page" of a policy page that shows the words in force.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { versionPageAt, writeVersionPages, type VersionSite } from '../../src/site/version-pages.ts';
import { tocWithHeadings, type Toc } from '../../src/site/version-toc.ts';
import { createTempRepo } from '../helpers/temp-git-repo.ts';

const FILE = 'content/policies/refunds.mdx';
const policy = (title: string, heading: string, words: string, effective: string) =>
  `---\ntitle: ${JSON.stringify(title)}\nowner: "@ana"\nstatus: published\neffective: ${effective}\n---\n\n## ${heading}\n\n${words}\n`;

function handbook(): VersionSite {
  const repo = createTempRepo();
  repo.commit({ [FILE]: policy('Refunds <b>now</b>', 'How long', 'Refund within 30 days.', '2026-01-05') }, 'Add refunds', '2026-01-05T09:00:00Z');
  repo.commit({ [FILE]: policy('Refunds', 'How long', 'Refund within 14 days.', '2026-01-05') }, 'Shorter <img src=x onerror=alert(1)> refunds (#4)', '2026-03-10T09:00:00Z');
  repo.commit({ [FILE]: policy('Refunds', 'How many days', 'Refund within 21 days.', '2027-02-01') }, 'Longer refunds (#9)', '2026-11-20T09:00:00Z');
  return { root: repo.dir, contentPath: join(repo.dir, 'content'), title: 'Acme & Co handbook', repoUrl: 'https://github.com/acme/handbook', today: '2026-12-04' };
}

describe('version pages', () => {
  it('writes a page for each version but the newest in force, and one stylesheet', async () => {
    const site = handbook();
    const out = mkdtempSync(join(tmpdir(), 'plainbook-versions-'));
    // All three have pages while the newest waits; the day it starts, the policy page is its.
    expect(await writeVersionPages(site, '/handbook/', out)).toBe(3);
    expect(readdirSync(join(out, 'versions'), { recursive: true, encoding: 'utf8' }).sort()).toEqual(['refunds', 'refunds/1', 'refunds/1/index.html', 'refunds/2', 'refunds/2/index.html', 'refunds/3', 'refunds/3/index.html', 'version.css']);
    expect(readFileSync(join(out, 'versions/version.css'), 'utf8')).toContain('.version-banner');
    const later = mkdtempSync(join(tmpdir(), 'plainbook-versions-'));
    expect(await writeVersionPages({ ...site, root: site.root, today: '2027-02-01' }, '/handbook/', later)).toBe(2);
  });

  it('says when the version was in force, who made it, what it changed, and its words, as text', async () => {
    const site = handbook();
    const first = await versionPageAt(site, '/handbook/', 'refunds/1');
    expect(first).toContain('<title>Refunds &#x3C;b>now&#x3C;/b>: as from 5 Jan 2026 | Acme &#x26; Co handbook</title>');
    expect(first).toContain('<h1>Refunds &#x3C;b>now&#x3C;/b></h1>');
    expect(first).toContain('<strong>This version was in force from 5 Jan 2026 to 9 Mar 2026.</strong> <a href="/handbook/policies/refunds/">Read the current version.</a>');
    expect(first).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(first).toContain('<link rel="stylesheet" href="/handbook/versions/version.css">');
    expect(first).toContain('<h2 id="how-long">How long</h2>');
    const second = await versionPageAt(site, '/handbook/', 'refunds/2/');
    expect(second).toContain('Made by <a href="https://github.com/acme/handbook/pull/4">#4</a> Shorter &#x3C;img src=x onerror=alert(1)> refunds, Ana Editor, 10 Mar 2026.');
    expect(second).toMatch(/<del><span class="sr-only">\[removed: <\/span>30<span class="sr-only">\]<\/span><\/del>/);
    expect(second).toMatch(/<li><a href="\/handbook\/versions\/refunds\/1\/">5 Jan 2026<\/a><\/li><li><strong>10 Mar 2026 \(this one\)<\/strong><\/li><li><a href="\/handbook\/versions\/refunds\/3\/">1 Feb 2027<\/a><\/li>/);
  });

  it('answers no page for a version that has none', async () => {
    const site = handbook();
    for (const rest of ['refunds/0', 'refunds/4', 'refunds', 'greeting/1', '../refunds/1', 'refunds/x']) expect(await versionPageAt(site, '/', rest), rest).toBeUndefined();
    expect(await versionPageAt({ ...site, today: '2027-02-01' }, '/', 'refunds/3')).toBeUndefined();
  });
});

describe('"On this page" for the words in force', () => {
  const toc: Toc = {
    minHeadingLevel: 2,
    maxHeadingLevel: 3,
    items: [
      { depth: 2, slug: '_top', text: 'Overview', children: [] },
      { depth: 2, slug: 'how-many-days', text: 'How many days', children: [] },
    ],
  };

  it('keeps the title entry and nests the headings within the levels chosen', () => {
    const headings = [
      { depth: 2, slug: 'how-long', text: 'How long' },
      { depth: 3, slug: 'exceptions', text: 'Exceptions' },
      { depth: 4, slug: 'too-deep', text: 'Too deep' },
      { depth: 2, slug: 'who-decides', text: 'Who decides' },
    ];
    expect(tocWithHeadings(toc, headings)).toEqual({
      minHeadingLevel: 2,
      maxHeadingLevel: 3,
      items: [
        { depth: 2, slug: '_top', text: 'Overview', children: [] },
        { depth: 2, slug: 'how-long', text: 'How long', children: [{ depth: 3, slug: 'exceptions', text: 'Exceptions', children: [] }] },
        { depth: 2, slug: 'who-decides', text: 'Who decides', children: [] },
      ],
    });
  });

  it('leaves out a heading above the levels chosen', () => {
    expect(tocWithHeadings({ ...toc, minHeadingLevel: 3 }, [{ depth: 2, slug: 'a', text: 'A' }]).items.map((item) => item.slug)).toEqual(['_top']);
  });
});
