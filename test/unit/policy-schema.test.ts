import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/errors/index.ts';
import { validatePolicy } from '../../src/policies/validate-policy.ts';
import { policyFrontmatterSchema } from '../../src/schema/policy.ts';

const goalIds = new Set(['warm-welcome', 'fast-answers']);

const GOOD = `---
title: Greeting customers
owner: jane-doe
status: published
effective: 2026-01-05
reviewed: 2026-06-01
reviewEvery: 6
audience: [front desk]
goals: [warm-welcome]
version: 2
sidebar:
  order: 1
---

Say hello.
`;

/** GOOD with one frontmatter line replaced (or removed when `replacement` is empty). */
function withLine(prefix: string, replacement: string): string {
  const lines = GOOD.split('\n');
  const index = lines.findIndex((line) => line.startsWith(prefix));
  if (index === -1) throw new Error(`no line starts with ${prefix}`);
  if (replacement) lines[index] = replacement;
  else lines.splice(index, 1);
  return lines.join('\n');
}

function errorFor(source: string): string {
  try {
    validatePolicy({ file: 'content/policies/greeting.mdx', source, goalIds });
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).message;
  }
  throw new Error('expected the policy to be rejected');
}

describe('policy frontmatter', () => {
  it('accepts a complete policy and normalises its fields', () => {
    const policy = validatePolicy({ file: 'content/policies/greeting.mdx', source: GOOD, goalIds });
    expect(policy).toMatchObject({
      title: 'Greeting customers',
      owner: '@jane-doe',
      status: 'published',
      effective: '2026-01-05',
      reviewed: '2026-06-01',
      reviewEvery: 6,
      audience: ['front desk'],
      goals: ['warm-welcome'],
      version: '2',
      sidebar: { order: 1 },
    });
  });

  it('fills in the defaults: a 12-month review cycle and no goals', () => {
    const source = withLine('goals:', '').replace('reviewEvery: 6\n', '');
    const policy = validatePolicy({ file: 'x.mdx', source, goalIds });
    expect(policy.reviewEvery).toBe(12);
    expect(policy.goals).toEqual([]);
  });

  it('accepts a team as owner', () => {
    const policy = validatePolicy({ file: 'x.mdx', source: withLine('owner:', 'owner: "@acme/support-leads"'), goalIds });
    expect(policy.owner).toBe('@acme/support-leads');
  });

  it('rejects a missing owner', () => {
    expect(errorFor(withLine('owner:', ''))).toMatchInlineSnapshot(`
      "Invalid policy frontmatter in content/policies/greeting.mdx (1 problem):
        content/policies/greeting.mdx:2:1: Missing \`owner\`, expected a GitHub user or team such as \`@jane-doe\` or \`@acme/support-leads\`.
          Fix: write it like \`owner: "@acme/support-leads"\`"
    `);
  });

  it('rejects an owner that is not a GitHub user or team', () => {
    expect(errorFor(withLine('owner:', 'owner: Jane Doe'))).toMatchInlineSnapshot(`
      "Invalid policy frontmatter in content/policies/greeting.mdx (1 problem):
        content/policies/greeting.mdx:3:8: Unexpected \`Jane Doe\` in \`owner\`, expected a GitHub user or team such as \`@jane-doe\` or \`@acme/support-leads\`.
          Fix: write it like \`owner: "@acme/support-leads"\`"
    `);
  });

  it('rejects an unknown status', () => {
    expect(errorFor(withLine('status:', 'status: live'))).toMatchInlineSnapshot(`
      "Invalid policy frontmatter in content/policies/greeting.mdx (1 problem):
        content/policies/greeting.mdx:4:9: Unexpected \`live\` in \`status\`, expected one of \`draft\`, \`pilot\`, \`published\`, \`retired\`.
          Fix: write it like \`status: published\`"
    `);
  });

  it('rejects a date that does not exist, which js-yaml would roll into March', () => {
    expect(errorFor(withLine('effective:', 'effective: 2026-02-30'))).toMatchInlineSnapshot(`
      "Invalid policy frontmatter in content/policies/greeting.mdx (1 problem):
        content/policies/greeting.mdx:5:12: Unexpected \`2026-02-30\` in \`effective\`, expected the date the policy takes effect, as YYYY-MM-DD.
          Fix: write it like \`effective: 2026-03-01\`"
    `);
  });

  it('rejects a date in another format', () => {
    expect(errorFor(withLine('reviewed:', 'reviewed: 06/01/2026'))).toContain(
      'content/policies/greeting.mdx:6:11: Unexpected `06/01/2026` in `reviewed`, expected the date of the last review, as YYYY-MM-DD.',
    );
  });

  it('takes a change reviewed before the day it takes effect', () => {
    const policy = validatePolicy({ file: 'content/policies/greeting.mdx', source: withLine('reviewed:', 'reviewed: 2025-12-01'), goalIds });
    expect(policy).toMatchObject({ effective: '2026-01-05', reviewed: '2025-12-01' });
  });

  it('rejects a review cycle that is not a whole number of months', () => {
    expect(errorFor(withLine('reviewEvery:', 'reviewEvery: 1.5'))).toMatchInlineSnapshot(`
      "Invalid policy frontmatter in content/policies/greeting.mdx (1 problem):
        content/policies/greeting.mdx:7:14: Unexpected \`1.5\` in \`reviewEvery\`, expected a whole number of months from 1 to 60.
          Fix: write it like \`reviewEvery: 12\`"
    `);
  });

  it('rejects an audience that is not a list', () => {
    expect(errorFor(withLine('audience:', 'audience: front desk'))).toContain(
      ":8:11: Unexpected `front desk` in `audience`, expected a list of staff roles in words (letters, digits, spaces and `& . , ( ) / + - '`).",
    );
  });

  it('rejects a role with markup, which the search filters would show as HTML, and keeps ordinary punctuation', () => {
    expect(errorFor(withLine('audience:', 'audience: [front desk, "<img src=x onerror=alert(1)>"]'))).toContain(
      'content/policies/greeting.mdx:8:24: Unexpected `<img src=x onerror=alert(1)>` in `audience.1`, expected a list of staff roles in words',
    );
    expect(() => validatePolicy({ file: 'p.mdx', source: withLine('audience:', "audience: [R&D, sales (EMEA), 'after-hours/on-call', team 2, O’Brien's crew]"), goalIds })).not.toThrow();
  });

  it('rejects a goal that goals.yml does not define, naming the goals that exist', () => {
    expect(errorFor(withLine('goals:', 'goals: [warm-welcome, world-peace]'))).toMatchInlineSnapshot(`
      "Invalid policy frontmatter in content/policies/greeting.mdx (1 problem):
        content/policies/greeting.mdx:9:23: Unexpected unknown goal \`world-peace\`, expected one of \`warm-welcome\`, \`fast-answers\` (from goals.yml). Add the goal there or fix the id.
          Fix: write it like \`goals: [fast-answers]\`"
    `);
  });

  it('names the field a misspelt one was meant to be, even when other fields fail too', () => {
    const source = withLine('reviewed:', 'reviwed: 2026-06-01').replace('status: published', 'status: live');
    const message = errorFor(source);
    expect(message).toContain('(2 problems)');
    expect(message).toContain(':4:9: Unexpected `live` in `status`');
    expect(message).toContain(':6:10: Unexpected field `reviwed`, expected `reviewed`. Rename the field.');
  });

  it('leaves fields of other tools alone', () => {
    const source = withLine('version:', 'pagefind: false');
    expect(() => validatePolicy({ file: 'x.mdx', source, goalIds })).not.toThrow();
  });

  it('reports every problem in a file at once, in line order', () => {
    const source = withLine('status:', 'status: live').replace('owner: jane-doe', 'owner: ""');
    const message = errorFor(source);
    expect(message.indexOf(':3:')).toBeLessThan(message.indexOf(':4:'));
    expect(message).toContain('(2 problems)');
  });

  it('rejects a policy without frontmatter and shows a block to start from', () => {
    expect(errorFor('# Greeting\n\nSay hello.\n')).toMatchInlineSnapshot(`
      "Invalid policy frontmatter in content/policies/greeting.mdx (1 problem):
        content/policies/greeting.mdx:1:1: Unexpected policy without frontmatter, expected a \`---\` block at the top with \`title\`, \`owner\`, \`status\` and \`effective\`.
          Fix: write it like this:
            ---
            title: Greeting customers
            owner: "@acme/front-desk"
            status: draft
            effective: 2026-03-01
            ---"
    `);
  });

  it('reports a YAML syntax error with its line', () => {
    expect(errorFor(withLine('audience:', 'audience: [front desk'))).toMatch(
      /^Invalid policy frontmatter in content\/policies\/greeting\.mdx \(1 problem\):\n {2}content\/policies\/greeting\.mdx:\d+:\d+: Unexpected YAML syntax: /,
    );
  });

  it('builds one schema per goal list and reuses it (zod compiles each schema on first use)', () => {
    expect(policyFrontmatterSchema(goalIds)).toBe(policyFrontmatterSchema(goalIds));
    expect(policyFrontmatterSchema()).toBe(policyFrontmatterSchema());
    const otherGoals = new Set(['world-peace']);
    expect(policyFrontmatterSchema(otherGoals)).not.toBe(policyFrontmatterSchema(goalIds));
    // The reused schema still checks against its own list: a goal from the other list fails here.
    const source = withLine('goals:', 'goals: [world-peace]');
    expect(() => validatePolicy({ file: 'x.mdx', source, goalIds: otherGoals })).not.toThrow();
    expect(() => validatePolicy({ file: 'x.mdx', source, goalIds })).toThrow(/unknown goal `world-peace`/);
  });
});
