/** The lint's pull-request comment shows what the pull request changes in each policy's words: the site's redline, inert. */
import type { Element, Root as HastRoot, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { delimiter, join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterEach, describe, expect, it } from 'vitest';
import { htmlCode } from '../../src/github/inert-text.ts';
import { commentOnPullRequest } from '../../src/lint/comment.ts';
import { COMMENT_BUDGET, pullRequestReport, redlineLine, type ChangedFileReport } from '../../src/lint/pr-report.ts';
import type { FileResult } from '../../src/lint/result.ts';
import { redline, type Redline } from '../../src/redline/redline.ts';
import { countingGit, createTempRepo, type TempRepo } from '../helpers/temp-git-repo.ts';

const originalPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = originalPath;
});

const metrics = { words: 20, sentences: 3, syllables: 25, longestSentence: 8, wordsPerSentence: 6, fleschKincaidGrade: 3.2, fleschReadingEase: 90 };
const result = (path: string): FileResult => ({ path, targetGrade: 6, metrics, messages: [] });
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

const LEAVE = '---\ntitle: Working from home\n---\n\nAsk your manager first.\n\n## Four steps\n\nStaff may work at home on Fridays. Tell the team in the morning.\n';
const OLD = '---\ntitle: Fax machine\n---\n\nSend faxes from the second floor.\n';
const SAME = '---\ntitle: Breaks\nstatus: draft\n---\n\nTake a break every two hours.\n';

/** A handbook at `main`, and a branch `change` that changes, adds and deletes a policy. */
function pullRequestRepo(): TempRepo {
  const repo = createTempRepo();
  repo.commit({ 'content/policies/leave.md': LEAVE, 'content/policies/old.md': OLD, 'content/policies/same.md': SAME }, 'Start', '2026-01-01T00:00:00Z');
  repo.git('checkout', '-q', '-b', 'change');
  repo.git('rm', '-q', 'content/policies/old.md');
  repo.commit(
    {
      'content/policies/leave.md': LEAVE.replace('may work at home', 'may stay home'),
      'content/policies/new.md': '---\ntitle: Parking\n---\n\nPark in the back. The front is for visitors.\n',
    },
    'Change leave, add parking, drop the fax',
    '2026-01-02T00:00:00Z',
  );
  return repo;
}

/** The comment `--dry-run` prints without a token, and the git commands it ran. */
async function dryRunComment(repo: TempRepo, results: FileResult[]): Promise<{ body: string; git: string[] }> {
  const git = countingGit();
  process.env.PATH = `${git.binDir}${delimiter}${originalPath}`;
  let stderr = '';
  await commentOnPullRequest(results, 'main', { pr: 12, dryRun: true, contentPath: join(repo.dir, 'content') }, { root: repo.dir, env: {}, stdout: () => {}, stderr: (text) => (stderr += text) });
  process.env.PATH = originalPath;
  return { body: stderr.slice(stderr.indexOf('\n\n') + 2), git: git.calls().map((call) => call.split(' ')[0] ?? '') };
}

/** The comment as GitHub renders it: GFM with its raw HTML parsed, as the browser would. */
function rendered(markdown: string): HastRoot {
  const mdast = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  return raw(toHast(mdast, { allowDangerousHtml: true }) as HastRoot) as HastRoot;
}

function elements(node: HastRoot | Element, found: Element[] = []): Element[] {
  for (const child of node.children as RootContent[]) {
    if (child.type === 'element') {
      found.push(child);
      elements(child, found);
    }
  }
  return found;
}

/** Text GitHub would show outside `<code>` (where it links mentions and addresses). */
function liveText(node: HastRoot | Element): string {
  return (node.children as RootContent[])
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' && child.tagName !== 'code' ? liveText(child) : ''))
    .join('');
}

const changeOf = (parts: Redline['blocks'][number]['parts'], section?: string): Redline => ({
  created: false,
  blocks: [{ section, parts }],
  wordsAdded: parts.filter((part) => part.kind === 'added').length,
  wordsRemoved: parts.filter((part) => part.kind === 'removed').length,
  sections: section ? [section] : [],
  details: [],
});

describe('what the pull request changes, in the lint comment', () => {
  it('shows the changed sentence word by word, and one line for a new and a deleted policy, read once from the base', async () => {
    const repo = pullRequestRepo();
    const results = [result('content/policies/leave.md'), result('content/policies/new.md')];
    const { body, git } = await dryRunComment(repo, results);

    expect(body.slice(body.indexOf('#### What changed'))).toMatchInlineSnapshot(`
      "#### What changed

      **\`content/policies/leave.md\`**: reading grade 1.2 → 3.2

      1 word added and 2 removed.

      In \`Four steps\`:\\
      \`Staff may\` <del>\`work at\`</del><ins>\`stay\`</ins> \`home on Fridays.\`

      **\`content/policies/new.md\`**: reading grade 3.2 (new)

      New policy, 9 words.

      **\`content/policies/old.md\`**

      Policy deleted.

      "
    `);
    // One read of each policy at the base serves both its grade and its redline.
    expect(git.filter((command) => command === 'show')).toHaveLength(results.length);
    expect(git.sort()).toEqual(['diff', 'merge-base', 'show', 'show']);
  });

  it('folds each policy in its own <details> past three, and says when only the details changed', async () => {
    const repo = pullRequestRepo();
    repo.commit({ 'content/policies/same.md': SAME.replace('draft', 'published') }, 'Publish breaks', '2026-01-03T00:00:00Z');
    const { body } = await dryRunComment(repo, [result('content/policies/leave.md'), result('content/policies/new.md'), result('content/policies/same.md')]);

    const whatChanged = body.slice(body.indexOf('#### What changed'));
    expect(whatChanged.match(/^<details><summary>.*<\/summary>$/gm)).toEqual([
      '<details><summary><code>content/policies/leave.md</code>: reading grade 1.2 → 3.2</summary>',
      '<details><summary><code>content/policies/new.md</code>: reading grade 3.2 (new)</summary>',
      '<details><summary><code>content/policies/old.md</code></summary>',
      '<details><summary><code>content/policies/same.md</code>: reading grade 0.5 → 3.2</summary>',
    ]);
    expect(whatChanged).toContain('<details><summary><code>content/policies/same.md</code>: reading grade 0.5 → 3.2</summary>\n\nOnly its details changed (`status`), not its words.\n\n</details>');
    expect(whatChanged).toContain('\n\nIn `Four steps`:\\\n`Staff may` <del>`work at`</del><ins>`stay`</ins> `home on Fridays.`\n\n</details>');
    const folded = elements(rendered(body)).filter((element) => element.tagName === 'details');
    expect(folded).toHaveLength(4);
    expect(folded.map((details) => details.properties.open)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('says nothing of what changed when there is no base to compare with, and one line when it cannot tell', () => {
    expect(pullRequestReport('<!-- m -->', [{ result: result('content/a.md') }])).not.toContain('What changed');
    const unchanged: Redline = { created: false, blocks: [], wordsAdded: 0, wordsRemoved: 0, sections: [], details: [] };
    const body = pullRequestReport('<!-- m -->', [
      { result: result('content/a.mdx'), gradeBefore: 3, change: 'unreadable' },
      { result: result('content/b.md'), gradeBefore: 3, change: unchanged },
    ]);
    expect(body).toContain('**`content/a.mdx`**: reading grade 3.0 → 3.2\n\nCannot show what changed: the policy does not parse.\n');
    expect(body).toContain('**`content/b.md`**: reading grade 3.0 → 3.2\n\nIts words did not change.\n');
    expect(pullRequestReport('<!-- m -->', [], { deleted: ['content/gone.md'] })).toBe(
      '<!-- m -->\n### Plainbook prose lint\n\nNo policies to lint in this pull request.\n\n#### What changed\n\n**`content/gone.md`**\n\nPolicy deleted.\n',
    );
  });

  it('lets no word of a policy become a link, mention, tag or formatting', () => {
    const hostile = ['@acme/everyone', '[x](https://evil.example)', '<img src=x onerror=alert(1)>', '</details>', 'a `tick` and ``two``', '*emphasis*', '**bold**', '#12', 'https://evil.example'];
    const before = '---\ntitle: Hostile\n---\n\n## Rules\n\nBe kind.\n';
    const after = '---\ntitle: Hostile\n---\n\n## Rules\n\nBe kind to @acme/everyone and see [x](https://evil.example) and \\<img src=x onerror=alert(1)> and \\</details> and `tick` and *emphasis* and https://evil.example.\n';
    const real = redline(before, after, 'md');
    const handMade = changeOf(
      hostile.flatMap((words, index) => [
        { kind: 'same', text: `${words} ` },
        { kind: index % 2 ? 'removed' : 'added', text: words },
        { kind: 'same', text: ' ' },
      ]),
      '</details> @acme/everyone <b>',
    );
    handMade.details = ['@acme/everyone', '<img src=x>'];
    const files = (count: number): ChangedFileReport[] =>
      Array.from({ length: count }, (_, index) => ({
        result: result(index === 0 ? 'content/@acme/everyone <img src=x onerror=alert(1)>.md' : `content/p${index}.md`),
        gradeBefore: 2,
        change: index % 2 ? real : handMade,
      }));

    for (const count of [2, 5]) {
      const body = pullRequestReport('<!-- m -->', files(count), { deleted: ['content/</details>@acme/everyone.md'] });
      const tree = rendered(body);
      const tags = new Set(elements(tree).map((element) => element.tagName));
      expect([...tags].filter((tag) => !['h3', 'h4', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'del', 'ins', 'details', 'summary', 'strong', 'br'].includes(tag))).toEqual([]);
      // Every <details> holds its whole policy: no `</details>` in a policy closed one early.
      expect(elements(tree).filter((element) => element.tagName === 'details')).toHaveLength(count > 3 ? count + 1 : 0);
      // `strong` only around the paths, which are code, and where the comment says **Files changed**.
      for (const strong of elements(tree).filter((element) => element.tagName === 'strong')) expect(['', 'Files changed']).toContain(liveText(strong));
      const live = liveText(tree);
      for (const words of ['@acme', 'evil.example', '<img', 'alert', '</details>', '<b>', 'tick', 'emphasis', '#12']) expect(live).not.toContain(words);
      expect(body).toContain('`Be kind` <ins>`to @acme/everyone and see x and <img src=x onerror=alert(1)> and </details> and tick and emphasis and https://evil`</ins>');
    }
  });

  it('keeps backticks from closing a code span early, and spaces outside the code', () => {
    expect(
      redlineLine([
        { kind: 'same', text: ' Use ' },
        { kind: 'removed', text: '`rm -rf`' },
        { kind: 'added', text: 'care' },
        { kind: 'same', text: ' here. ' },
      ]),
    ).toBe('`Use` <del>` rm -rf `</del><ins>`care`</ins> `here.`');
    // Two plain parts never touch (a code span of two backticks would swallow both).
    expect(redlineLine([{ kind: 'same', text: 'a' }, { kind: 'same', text: 'b' }])).toBe('`a` `b`');
    expect(htmlCode('@acme/x <img src="y"> & \'z\'')).toBe('<code>@acme/x &#60;img src=&#34;y&#34;&#62; &#38; &#39;z&#39;</code>');
  });

  it('stays within the budget, leaving out the largest redlines first and saying which', () => {
    const words = (count: number, word: string) => Array.from({ length: count }, () => word).join(' ');
    // 40 policies, each rewritten: 1,000 to 4,900 bytes of redline, 110 KB in all.
    const files: ChangedFileReport[] = Array.from({ length: 40 }, (_, index) => ({
      result: result(`content/policies/p${String(index).padStart(2, '0')}.md`),
      gradeBefore: 4,
      change: changeOf([
        { kind: 'removed', text: words(50 + index * 10, 'olé') },
        { kind: 'added', text: words(50 + index * 10, 'new') },
      ]),
    }));
    const body = pullRequestReport('<!-- m -->', files);
    expect(bytes(body)).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(body.length).toBeLessThan(65_536);
    const note = /\nRedlines of (\d+) policies left out to fit GitHub's comment limit \((.*)\): see \*\*Files changed\*\*\.\n$/.exec(body);
    expect(note).not.toBeNull();
    const left = note?.[2]?.split(', ') ?? [];
    expect(left).toHaveLength(Number(note?.[1]));
    // The largest (the last, here) went first, named in path order; the rest stay, in path order.
    expect(left).toEqual(Array.from({ length: left.length }, (_, index) => `\`content/policies/p${40 - left.length + index}.md\``));
    const kept = [...body.matchAll(/<summary><code>(.*?)<\/code>/g)].map((match) => match[1]);
    expect(kept).toEqual(Array.from({ length: 40 - left.length }, (_, index) => `content/policies/p${String(index).padStart(2, '0')}.md`));
    // Filled, not emptied: one more redline would not have fit.
    expect(bytes(body)).toBeGreaterThan(COMMENT_BUDGET - 5_000);

    const one = pullRequestReport('<!-- m -->', [{ ...files[0]!, change: changeOf([{ kind: 'added', text: words(20_000, 'word') }]) }]);
    expect(bytes(one)).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(one).toContain("\nRedline of 1 policy left out to fit GitHub's comment limit (`content/policies/p00.md`): see **Files changed**.\n");
  });

  it('cuts the table too when thousands of policies change, and still fits', () => {
    const files: ChangedFileReport[] = Array.from({ length: 3_000 }, (_, index) => ({
      result: result(`content/policies/a-rather-long-policy-name-${index}.md`),
      gradeBefore: 4,
      change: { created: true, blocks: [], wordsAdded: 100, wordsRemoved: 0, sections: [], details: [] },
    }));
    const body = pullRequestReport('<!-- m -->', files);
    expect(bytes(body)).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(body).toMatch(/\n…and [\d,]+ more policies: see the job summary\.\n/);
    expect(body).toMatch(/\nRedlines of [\d,]+ policies left out to fit GitHub's comment limit: see \*\*Files changed\*\*\.\n$/);
  });
});
