import { describe, expect, it } from 'vitest';
import type { PolicyRecord } from '../../src/policies/catalog.ts';
import { addMonths } from '../../src/policies/review-dates.ts';
import { lineDiff, renderCodeowners } from '../../src/review/codeowners.ts';
import { dueReport, duePolicies } from '../../src/review/due.ts';

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
