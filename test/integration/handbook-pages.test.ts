import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, inject, it } from 'vitest';
import { formatDate } from '../../src/text/format-date.ts';
import { nextReviewDate, reviewState, todayIso } from '../../src/policies/review-dates.ts';
import { validatePolicy } from '../../src/policies/validate-policy.ts';
import { readContentHistory } from '../../src/policies/git-history.ts';
import { changeTimes, policyVersions } from '../../src/policies/versions.ts';
import { builtPage } from '../helpers/html.ts';

const site = inject('siteDir');
const policies = readdirSync('content/policies')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => {
    const file = `content/policies/${name}`;
    return { file, id: name.replace(/\.mdx$/, ''), data: validatePolicy({ file, source: readFileSync(file, 'utf8') }) };
  });
const order = (policy: (typeof policies)[number]) => (policy.data.sidebar as { order?: number } | undefined)?.order ?? Infinity;
/** Dates git knows for a file, newest first, as the build read them. */
const gitDates = (file: string) => spawnSync('git', ['log', '--first-parent', '-m', '--format=%aI', '--', file], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);

describe('the print page', () => {
  it('has a cover, a table of contents, and every published policy in sidebar order', () => {
    const page = builtPage(site, 'print');
    const published = policies
      .filter((policy) => policy.data.status === 'published')
      .sort((a, b) => order(a) - order(b) || a.data.title.localeCompare(b.data.title));
    expect(page.all('.print-policy').map((article) => article.properties.dataPolicy)).toEqual(published.map((policy) => policy.id));
    expect(page.all('.print-toc li').map((item) => page.text(item))).toEqual(published.map((policy) => policy.data.title));
    expect(page.text(page.one('.print-cover'))).toContain(`${published.length} policies`);
    expect(page.text(page.one('.print-policy[data-policy="escalation-list"]'))).toContain('Complaints escalation list');
  });

  it("shows each policy's content as its own page does, copied once the pages are built", () => {
    const page = builtPage(site, 'print');
    const articles = page.all('.print-policy');
    expect(articles.length).toBeGreaterThan(5);
    for (const article of articles) {
      const own = builtPage(site, `policies/${String(article.properties.dataPolicy)}`);
      const content = own.text(own.one('.sl-markdown-content'));
      expect(content.length).toBeGreaterThan(200);
      expect(page.text(page.one('.sl-markdown-content', article))).toBe(content);
    }
    expect(readFileSync(join(site, 'print/index.html'), 'utf8')).not.toContain('<!--plainbook:print ');
    // Copied, not rendered a second time: the build says how many it copied.
    expect(inject('siteLog')).toContain(`Print page: ${articles.length} policies copied from their pages`);
  });
});

describe('change history', () => {
  it('lists each policy’s changes from git on its page', () => {
    for (const policy of policies.slice(0, 4)) {
      const dates = gitDates(policy.file);
      const page = builtPage(site, `policies/${policy.id}`);
      const shown = page.all('.policy-history li time').map((time) => time.properties.dateTime);
      expect(shown, policy.file).toEqual(dates.slice(0, 10));
    }
  });

  it('summarises each change on the What changed page in words added and removed, or says what else changed', () => {
    const page = builtPage(site, 'what-changed');
    const summaries = page.all('.what-changed li').map((item) => page.text(item));
    expect(summaries.length).toBeGreaterThan(0);
    for (const summary of summaries) {
      expect(summary).toMatch(/(?:[\d,]+ words? added(?: and [\d,]+ removed)?|[\d,]+ words? removed|Words moved)(?:, in .+)?\.$|New page, [\d,]+ words?\.$|Only the page's details changed \([a-zA-Z, ]+\), not its words\.$|No change to the words\.$/);
    }
  });

  it('offers the changes that took effect as RSS that parses as XML, newest first', async () => {
    const xml = readFileSync(join(site, 'changes.xml'), 'utf8');
    expect(SyntaxValidator.validate(xml)).toBe(true);
    const feed = new XMLParser().parse(xml) as { rss: { channel: { title: string; item?: { title: string; link: string; pubDate: string }[] | { title: string; link: string; pubDate: string } } } };
    const items = [feed.rss.channel.item ?? []].flat();
    expect(feed.rss.channel.title).toBe('Customer Care Handbook: policy changes');
    // A change counts once it took effect; of several merged on one day, only the last one did.
    const history = await readContentHistory(process.cwd(), join(process.cwd(), 'content'));
    const expected = policies
      .map((policy) => {
        const commits = history.get(policy.file) ?? [];
        return [...changeTimes(policyVersions(readFileSync(policy.file, 'utf8'), commits), commits, todayIso()).values()].filter(Boolean).length;
      })
      .reduce((sum, count) => sum + count, 0);
    expect(expected).toBeGreaterThan(0);
    expect(items).toHaveLength(Math.min(50, expected));
    const times = items.map((item) => Date.parse(item.pubDate));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const item of items) expect(item.link).toMatch(/^https:\/\/plainbook\.github\.io\/plainbook\/policies\/[a-z-]+\/$/);
  });
});

describe('the due-for-review page', () => {
  it('lists every policy with its next review date and state, by date', () => {
    const page = builtPage(site, 'due-for-review');
    const rows = page.all('table.due-for-review tbody tr').map((row) => [page.text(page.one('th', row)), row.properties.dataNextReview, row.properties.dataReviewState]);
    const today = todayIso();
    const expected = policies
      .filter((policy) => policy.data.status !== 'retired')
      .map((policy) => {
        const schedule = { effective: policy.data.effective, reviewed: policy.data.reviewed, reviewEvery: policy.data.reviewEvery };
        return [policy.data.title, nextReviewDate(schedule), reviewState(schedule, today)];
      })
      .sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0])));
    expect(rows).toEqual(expected);
    expect(page.text(page.one('.due-summary'))).toContain(`Dates as of ${formatDate(today)}.`);
  });
});
