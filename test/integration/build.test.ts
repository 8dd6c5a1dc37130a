import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatGrade } from '../../src/lint/metrics.ts';
import { buildSite } from '../helpers/build-site.ts';
import { countingGit, createTempRepo } from '../helpers/temp-git-repo.ts';

const FRONTMATTER = (title: string, extra = '') => `---
title: ${title}
owner: "@acme/leads"
status: published
effective: 2026-01-01
goals: [warm-welcome]
${extra}---

${title} is a policy. Say hello to every customer.
`;

describe('astro build', () => {
  it('stops on an unknown option with a usage message, not a stack trace', () => {
    const result = spawnSync(process.execPath, ['src/bin/plainbook.ts', 'build', '--out', 'x'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Unknown option '--out'/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails on a broken policy, naming the file, line and field, and writes no site', async () => {
    const result = await buildSite({ PLAINBOOK_CONTENT_DIR: resolve('test/fixtures/broken-content') });

    // 1: a finding in the content, for an editor to fix.
    expect(result.code).toBe(1);
    expect(result.output).toContain('Invalid policy frontmatter in test/fixtures/broken-content/policies/broken.mdx');
    expect(result.output).toContain(
      'test/fixtures/broken-content/policies/broken.mdx:4:9: Unexpected `live` in `status`, expected one of `draft`, `pilot`, `published`, `retired`.',
    );
    expect(result.output).toContain('Fix: write it like `status: published`');
    expect(result.output).not.toMatch(/\n\s+at /); // no stack trace for a content mistake
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
  });

  it('fails on a page whose MDX does not parse as a content mistake, with the page, line and column', async () => {
    const result = await buildSite({ PLAINBOOK_CONTENT_DIR: resolve('test/fixtures/broken-mdx') });
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      'The handbook did not build: a page has a mistake.\n  test/fixtures/broken-mdx/policies/angle.mdx:10:10: Unexpected character after `<`, expected a valid JSX tag',
    );
    expect(result.output).toContain('Fix: correct that line (in MDX, write `\\<` and `\\{` for a plain `<` and `{`), then build again.');
    expect(result.output).not.toContain('This is a bug');
    expect(result.output).not.toMatch(/\n\s+at /);
  });

  it('fails on a pilot results file that is not JSON, naming the file and line', async () => {
    const result = await buildSite({ PLAINBOOK_CONTENT_DIR: resolve('test/fixtures/broken-results') });
    expect(result.code).toBe(1);
    expect(result.output).toContain('Invalid pilot results in test/fixtures/broken-results/pilots/spring.results.json (1 problem):\n  test/fixtures/broken-results/pilots/spring.results.json:3:3: Unexpected JSON syntax: Missing , between flow map items');
  });

  it('fails on a component with a bad prop, naming the page, line, prop and the ids that exist', async () => {
    const result = await buildSite({ PLAINBOOK_CONTENT_DIR: resolve('test/fixtures/bad-props') });

    expect(result.code).toBe(1);
    expect(result.output).toContain('Invalid props of <EscalationLadder> in test/fixtures/bad-props/policies/escalation.mdx (1 problem):');
    expect(result.output).toContain(
      'test/fixtures/bad-props/policies/escalation.mdx:13:1: <EscalationLadder>: Unexpected `complaint` in `ladder`, expected one of `complaints`.',
    );
    expect(result.output).toContain('Fix: write it like `<EscalationLadder ladder="complaints" />`');
  });

  it('builds pages with last-changed dates from one git log pass, whatever the page count', async () => {
    const repo = createTempRepo();
    const goals = 'mission: We help.\ngoals:\n  - { id: warm-welcome, title: Welcome, statement: Greet., serves: Help. }\n';
    const policies = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`content/policies/policy-${i}.mdx`, FRONTMATTER(`Policy ${i}`)]),
    );
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const round = `title: Now\npolicies: [policy-2]\ntesters: [{ login: ana, group: staff }]\nopens: ${day(-1)}\ncloses: ${day(10)}\ninstructions: Read it.\n`;
    repo.commit({ 'content/goals.yml': goals, 'content/index.mdx': '---\ntitle: Home\n---\n\nHello.\n', 'content/pilots/now.yml': round, ...policies }, 'Start', '2026-02-03T10:00:00Z');
    repo.commit({ 'content/policies/policy-3.mdx': FRONTMATTER('Policy 3', 'version: "2"\n') }, 'Change policy 3 (#41)', '2026-04-15T08:00:00Z');
    const git = countingGit();

    const result = await buildSite({
      PLAINBOOK_CONTENT_DIR: join(repo.dir, 'content'),
      PATH: `${git.binDir}${delimiter}${process.env.PATH}`,
    });

    expect(result.code, result.output).toBe(0);
    const page = (n: number) => readFileSync(join(result.outDir, `policies/policy-${n}/index.html`), 'utf8');
    expect(page(3)).toMatch(/Last changed<\/dt><dd><time datetime="2026-04-15T08:00:00.000Z">15 Apr 2026<\/time>/);
    expect(page(7)).toMatch(/Last changed<\/dt><dd><time datetime="2026-02-03T10:00:00.000Z">3 Feb 2026<\/time>/);
    expect(git.calls().filter((call) => call.startsWith('log'))).toHaveLength(1);
    expect(page(2)).toMatch(/<p class="pilot-banner[^"]*" role="note"><strong>In pilot until [^<]+:<\/strong> tell us what is unclear\. <a href="[^"]*round=now/);
    expect(page(3)).not.toContain('pilot-banner');
    expect(result.output).not.toContain('MODULE_LEVEL_DIRECTIVE');
  });

  it('lints beside the build with --lint: the site is built, the report printed, and lint errors exit 1', async () => {
    const repo = createTempRepo();
    const goals = 'mission: We help.\ngoals:\n  - { id: warm-welcome, title: Welcome, statement: Greet., serves: Help. }\n';
    repo.commit(
      {
        'content/goals.yml': goals,
        'content/index.mdx': '---\ntitle: Home\n---\n\nHello.\n',
        'content/policies/greeting.mdx': FRONTMATTER('Greeting'),
        'content/policies/refunds.mdx': FRONTMATTER('Refunds').replace('Say hello to every customer.', 'Give the the money back the same day.'),
      },
      'Start',
      '2026-02-03T10:00:00Z',
    );
    const result = await buildSite({ PLAINBOOK_CONTENT_DIR: join(repo.dir, 'content') }, undefined, ['--lint', '--format', 'json', '--no-cache']);

    expect(result.code, result.output).toBe(1);
    expect(existsSync(join(result.outDir, 'policies/refunds/index.html'))).toBe(true);
    const report = JSON.parse(result.output.slice(result.output.indexOf('{\n  "version"'))) as { files: { path: string; metrics?: { fleschKincaidGrade: number }; messages: { ruleId: string; line: number }[] }[] };
    const refunds = report.files.find((file) => file.path.endsWith('policies/refunds.mdx'));
    expect(refunds?.messages.map((message) => `${message.line} ${message.ruleId}`)).toContain('9 repeated-words');
    // The page header shows the grade the lint computed.
    const grade = refunds?.metrics?.fleschKincaidGrade;
    const page = readFileSync(join(result.outDir, 'policies/refunds/index.html'), 'utf8');
    expect(page).toContain(`<dt>Reading grade</dt>`);
    expect(page).toMatch(new RegExp(`Reading grade</dt>\\s*<dd[^>]*>\\s*${formatGrade(grade ?? -1).replace('.', '\\.')}`));
  });

  it('refuses lint report options without --lint', () => {
    const result = spawnSync(process.execPath, ['src/bin/plainbook.ts', 'build', '--format', 'github'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unexpected --format without --lint, expected `plainbook build --lint --format …`');
  });
});
