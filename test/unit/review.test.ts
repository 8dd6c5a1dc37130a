import { describe, expect, it } from 'vitest';
import type { PolicyRecord } from '../../src/policies/catalog.ts';
import { addMonths } from '../../src/policies/review-dates.ts';
import { lineDiff, renderCodeowners } from '../../src/review/codeowners.ts';
import { dueReport, duePolicies } from '../../src/review/due.ts';
import { reviewIssueBody } from '../../src/review/remind.ts';

function policy(id: string, fields: Partial<PolicyRecord['frontmatter']>): PolicyRecord {
  return {
    id,
    file: `content/policies/${id}.mdx`,
    frontmatter: { title: id, owner: '@acme/leads', status: 'published', effective: '2025-01-01', reviewEvery: 12, goals: [], ...fields } as PolicyRecord['frontmatter'],
  };
}

describe('review due dates', () => {
  it('handle leap days and month ends', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-05-31', 1)).toBe('2026-06-30');
  });

  it('list overdue and soon-due policies, most overdue first, leaving out retired ones', () => {
    const policies = [
      policy('late', { reviewed: '2025-06-01' }),
      policy('soon', { reviewed: '2025-12-10', reviewEvery: 12 }),
      policy('later', { reviewed: '2026-10-01' }),
      policy('gone', { status: 'retired' }),
      policy('leap', { effective: '2024-02-29', reviewed: '2024-02-29', reviewEvery: 24 }),
    ];
    const due = duePolicies(policies, '2026-11-22', 30);
    expect(due.map((p) => [p.id, p.nextReview, p.state, p.days])).toEqual([
      ['leap', '2026-02-28', 'overdue', -267],
      ['late', '2026-06-01', 'overdue', -174],
      ['soon', '2026-12-10', 'due-soon', 18],
    ]);
    expect(dueReport(due, 'table', '2026-11-22', 30)).toBe(
      '2026-02-28  overdue by 267 days   content/policies/leap.mdx  @acme/leads\n2026-06-01  overdue by 174 days   content/policies/late.mdx  @acme/leads\n2026-12-10  due in 18 days        content/policies/soon.mdx  @acme/leads\n',
    );
    expect(dueReport([], 'markdown', '2026-11-22', 30)).toBe('No policy is due for review in the next 30 days.\n');
  });
});

describe('CODEOWNERS', () => {
  it('lists each policy with its owner after the default owner, so the policy line wins', () => {
    const text = renderCodeowners([policy('a', { owner: '@ana' }), policy('b', { owner: '@acme/phone-team' })], '@acme/editors');
    expect(text.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual([
      '* @acme/editors',
      '/content/policies/a.mdx @ana',
      '/content/policies/b.mdx @acme/phone-team',
    ]);
  });

  it('says which lines drifted', () => {
    expect(lineDiff('* @x\n/a @ana\n', '* @x\n/a @bo\n')).toEqual(['- /a @ana', '+ /a @bo']);
  });
});

describe('review boundaries and reports', () => {
  const due = (reviewed: string) => duePolicies([policy('p', { reviewed })], '2026-11-22', 30);

  it('includes a policy due exactly `within` days from today, and not one a day later', () => {
    expect(due('2025-12-22').map((p) => p.days)).toEqual([30]);
    expect(due('2025-12-23')).toEqual([]);
  });

  it('says "due today" on the day, and counts overdue days from the day after', () => {
    expect(dueReport(due('2025-11-22'), 'table', '2026-11-22', 30)).toBe('2026-11-22  due today             content/policies/p.mdx  @acme/leads\n');
    expect(dueReport(due('2025-11-21'), 'table', '2026-11-22', 30)).toContain('overdue by 1 days');
    expect(dueReport([], 'table', '2026-11-22', 7)).toBe('No policy is due for review in the next 7 days (from 2026-11-22).\n');
  });

  it('writes a Markdown table for the job summary, and JSON with the day and window', () => {
    expect(dueReport(due('2025-12-01'), 'markdown', '2026-11-22', 30)).toBe(
      '| Policy | Owner | Last reviewed | Next review | |\n| --- | --- | --- | --- | --- |\n| p (`content/policies/p.mdx`) | @acme/leads | 2025-12-01 | 2026-12-01 | due in 9 days |\n',
    );
    expect(JSON.parse(dueReport(due('2025-12-01'), 'json', '2026-11-22', 30))).toMatchObject({ today: '2026-11-22', within: 30, policies: [{ id: 'p', days: 9, state: 'due-soon' }] });
  });

  it('writes CODEOWNERS with a header, escaped spaces, and no default line when there is no default owner', () => {
    expect(renderCodeowners([{ ...policy('a b', { owner: '@ana' }), file: 'content/policies/a b.mdx' }], undefined)).toBe(
      "# Made by `npx plainbook owners` from each policy's `owner:`. Do not edit by hand:\n# change the policy's frontmatter (or site.defaultOwner in plainbook.config.yml), then run `npx plainbook owners`.\n\n/content/policies/a\\ b.mdx @ana\n",
    );
  });
});

describe('review issue', () => {
  it('tells the owner what to check and how to record the review', () => {
    const body = reviewIssueBody(
      { id: 'greeting', title: 'Greeting customers', file: 'content/policies/greeting.mdx', owner: '@acme/front-desk', lastReviewed: '2025-06-01', nextReview: '2026-06-01', state: 'overdue', days: -10 },
      { siteUrl: 'https://acme.example/handbook', repoUrl: 'https://github.com/acme/handbook', branch: 'main' },
    );
    expect(body).toMatchInlineSnapshot(`
      "<!-- plainbook:review=greeting due=2026-06-01 -->
      @acme/front-desk (one of you, please): **Greeting customers** is due for review on 2026-06-01 (last reviewed 2025-06-01).

      ## What to check

      - Is every rule still what we do? Ask the people who use it.
      - Are the numbers still right: times, limits, names, contacts?
      - Has feedback come in about this page? Look at issues labelled \`feedback\`.
      - Does it still pass \`npx plainbook lint\`, and read at the target grade?

      ## How to record the review

      Open a pull request that sets \`reviewed:\` to the day you reviewed it in [\`content/policies/greeting.mdx\`](https://github.com/acme/handbook/edit/main/content/policies/greeting.mdx), with any changes. When it is merged, this issue closes by itself.

      [Read the policy](https://acme.example/handbook/policies/greeting/)
      "
    `);
    expect(reviewIssueBody({ id: 'g', title: 'G', file: 'f', owner: '@ana', lastReviewed: 'x', nextReview: 'y', state: 'overdue', days: -1 }, { siteUrl: 'https://acme.example/', repoUrl: 'r', branch: 'b' })).toContain(
      '@ana: **G** is due',
    );
  });
});
