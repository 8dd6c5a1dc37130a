import { describe, expect, it } from 'vitest';
import { versionMarkdown } from '../../src/policies/version-words.ts';
import { versionForDay } from '../../src/site/version-on-day.ts';

describe("an earlier version's words", () => {
  it('keeps the Markdown and a component\'s own words, and names a component that has none', () => {
    const text = [
      '---',
      'title: Refunds',
      '---',
      '',
      "import { ServiceStandard, Scenario } from 'plainbook/components';",
      '',
      '## How long',
      '',
      'Give the money back within **14** days.',
      '',
      '<ServiceStandard id="refund-time" />',
      '',
      '<Scenario title="A late refund">',
      'Say sorry first.',
      '</Scenario>',
      '',
      'It costs {1 + 1} pounds.',
      '',
    ].join('\n');
    expect(versionMarkdown(text, 'mdx')).toBe(['## How long', '', 'Give the money back within **14** days.', '', '_(ServiceStandard: not shown for earlier versions.)_', '', 'Say sorry first.', '', 'It costs  pounds.', ''].join('\n'));
  });

  it('takes a Markdown version as it is, after its frontmatter, and shows MDX that no longer parses as text', () => {
    expect(versionMarkdown('---\ntitle: X\n---\n\nHello <b>there</b>.\n', 'md')).toBe('\nHello <b>there</b>.\n');
    expect(versionMarkdown('---\ntitle: X\n---\n\nBroken <Tag\n', 'mdx')).toBe('```text\n\nBroken <Tag\n\n```\n');
  });
});

describe('what the policy said on a day', () => {
  const ranges = [
    { from: '2026-03-10', until: '2027-02-01', href: '/versions/refunds/2/' },
    { from: '2026-01-05', until: '2026-03-10', href: '/versions/refunds/1/' },
    { from: '2027-02-01', href: '/policies/refunds/' },
  ];

  it('opens the version in force that day, on its first and last day', () => {
    expect(versionForDay(ranges, '2026-01-05')).toEqual({ href: '/versions/refunds/1/' });
    expect(versionForDay(ranges, '2026-03-09')).toEqual({ href: '/versions/refunds/1/' });
    expect(versionForDay(ranges, '2026-03-10')).toEqual({ href: '/versions/refunds/2/' });
    expect(versionForDay(ranges, '2030-01-01')).toEqual({ href: '/policies/refunds/' });
  });

  it('says plainly when the policy did not exist yet', () => {
    expect(versionForDay(ranges, '2025-12-31')).toEqual({ answer: 'This policy did not exist yet on 31 Dec 2025. It started on 5 Jan 2026.' });
    expect(versionForDay([], '2026-01-01')).toEqual({ answer: 'No version of this policy was in force on 1 Jan 2026.' });
  });
});
