/** Accepted feedback to a new policy text, or to problems the reporter can fix: no GitHub here. */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { needsEditComment } from '../../src/feedback/messages.ts';
import { MAX_BODY_BYTES, prepareChange, type PrepareInput } from '../../src/feedback/prepare.ts';
import { renderFeedbackForm } from '../../src/pilot/feedback-form.ts';
import type { PolicyRecord } from '../../src/policies/catalog.ts';
import { feedbackBody, type FeedbackFields } from '../helpers/pilot-project.ts';

const TEXT = '---\ntitle: Policy 1\nowner: "@acme/leads"\n---\n\nAnswer within three rings.\n\nSee [the list](https://example.com) first.\n';
const policies = [{ id: 'policy-01', file: 'content/policies/policy-01.mdx', frontmatter: { title: 'Policy 1', owner: '@acme/leads' } } as PolicyRecord];
const formYaml = renderFeedbackForm([{ id: 'policy-01', title: 'Policy 1' }]);

function prepare(fields: Partial<FeedbackFields>, overrides: Partial<PrepareInput> = {}) {
  return prepareChange({ body: feedbackBody({ policy: 1, ...fields }), formYaml, policies, branch: 'main', readPolicy: async () => ({ text: TEXT, sha: 'abc' }), ...overrides });
}

describe('preparing a change', () => {
  it('puts the suggestion in place of the quoted words, with the paragraph before and after', async () => {
    const result = await prepare({ current: 'within three rings', suggested: 'by the [third](x) ring' });
    expect(result).toMatchObject({ ok: true, text: TEXT.replace('within three rings', 'by the \\[third]\\(x) ring'), paragraphBefore: 'Answer within three rings.', paragraphAfter: 'Answer by the \\[third]\\(x) ring.', section: undefined });
  });

  it('takes a body of exactly 64 KB, and refuses one byte more before reading anything', async () => {
    const base = feedbackBody({ policy: 1, current: 'within three rings', suggested: 'fast' });
    const padded = (bytes: number) => `${base}\n\n${'x'.repeat(bytes - Buffer.byteLength(base) - 2)}`;
    let reads = 0;
    const readPolicy = async () => (reads++, { text: TEXT, sha: 'abc' });
    expect((await prepareChange({ body: padded(MAX_BODY_BYTES), formYaml, policies, branch: 'main', readPolicy })).ok).toBe(true);
    expect(await prepareChange({ body: padded(MAX_BODY_BYTES + 1), formYaml, policies, branch: 'main', readPolicy })).toEqual({ ok: false, feedback: {}, problems: ['The issue is longer than 64 KB. Shorten it to the words that need to change.'] });
    expect(reads).toBe(1);
  });

  it('lists every problem the reporter can fix at once, reading no policy', async () => {
    let reads = 0;
    const result = await prepare({ current: undefined as unknown as string, suggested: '   ', clarity: 'very', problem: 'Rude' }, { readPolicy: async () => (reads++, { text: TEXT, sha: 'abc' }), body: feedbackBody({ policy: 1, suggested: '   ', clarity: 'very', problem: 'Rude' }).replace('### Current wording\n\nSay hello.', '### Current wording\n\n_No response_') });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      'Copy the words you want changed into "Current wording", exactly as they are on the page.',
      'Write your new words in "Suggested wording". It is empty.',
      'Check the "problem" field: `rude` is not one of Unclear, Incorrect, Missing, Tone, Other.',
      'Check the "clarity" field: `very` is not a number from 1 to 5.',
    ]);
    expect(reads).toBe(0);
  });

  it('refuses a suggestion that is the same as the words now', async () => {
    expect(await prepare({ current: 'within three rings', suggested: 'within three rings' })).toMatchObject({ ok: false, problems: ['The "Suggested wording" is the same as the "Current wording". Write the words as they should be.'] });
  });

  it('says when the policy is gone from the branch', async () => {
    expect(await prepare({ current: 'within three rings', suggested: 'fast' }, { readPolicy: async () => undefined })).toMatchObject({
      ok: false,
      problems: ['Policy 1 is no longer on main. If it moved, choose its new name in the "Policy" field.'],
    });
  });

  it('explains words quoted across a link, and words from a page that does not build', async () => {
    expect(await prepare({ current: 'the list](https://example.com) first', suggested: 'x' })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^The "Current wording" runs across formatting or across paragraphs in Policy 1 \(a link, bold text, a list\)\./)] });
    expect(await prepare({ current: 'within three rings', suggested: 'x' }, { readPolicy: async () => ({ text: `${TEXT}\n<Broken\n`, sha: 'abc' }) })).toMatchObject({ ok: false, problems: ['Policy 1 does not build as it is now, so no change can be made to it. An editor needs to fix the page first.'] });
    expect(await prepare({ current: 'title: Policy 1', suggested: 'x' })).toMatchObject({ ok: false, problems: [expect.stringContaining('is not in Policy 1 as it is now on main')] });
    // Words quoted twice on such a page: which section they are under cannot be told either.
    const twice = `${TEXT}\nAnswer within three rings.\n\n<Broken\n`;
    expect(await prepare({ current: 'within three rings', suggested: 'x' }, { readPolicy: async () => ({ text: twice, sha: 'abc' }) })).toMatchObject({ ok: false, problems: ['Policy 1 does not build as it is now, so no change can be made to it. An editor needs to fix the page first.'] });
  });

  it('takes a page without frontmatter', async () => {
    const bare = 'Answer within three rings.\n';
    expect(await prepare({ current: 'Answer within', suggested: 'Reply within' }, { readPolicy: async () => ({ text: bare, sha: 'abc' }) })).toMatchObject({ ok: true, text: 'Reply within three rings.\n' });
  });

  it('does not look for the words in the frontmatter of a page without a blank line after it', async () => {
    const tight = '---\ntitle: Policy 1\n---\nAnswer within three rings.\n';
    expect(await prepare({ current: 'Answer within', suggested: 'Reply within' }, { readPolicy: async () => ({ text: tight, sha: 'abc' }) })).toMatchObject({ ok: true, text: tight.replace('Answer within', 'Reply within') });
  });
});

describe('choosing between two matches by the section the page shows', () => {
  // The page and the form send a heading as it reads ("When to say no"), not as it is written.
  const headed = (heading: string) => `---\ntitle: Policy 1\n---\n\n## Greeting\n\nSay sorry first.\n\n## ${heading}\n\nSay sorry first.\n`;
  it.each([
    ['emphasis', 'When to say **no**', 'When to say no'],
    ['code', 'Run `refund` _twice_', 'Run refund twice'],
    ['a link', 'See [the list](https://example.com/list) \\& more', 'See the list & more'],
  ])('finds the words under a heading with %s', async (_, heading, section) => {
    const text = headed(heading);
    const result = await prepare({ current: 'Say sorry first.', suggested: 'Apologise.', section }, { readPolicy: async () => ({ text, sha: 'abc' }) });
    expect(result).toMatchObject({ ok: true, section, text: text.replace(/Say sorry first\.\n$/, 'Apologise.\n') });
  });

  it('names the sections as the page shows them when it cannot choose', async () => {
    const text = headed('When to say **no**');
    expect(await prepare({ current: 'Say sorry first.', suggested: 'Apologise.' }, { readPolicy: async () => ({ text, sha: 'abc' }) })).toMatchObject({
      ok: false,
      problems: ['The "Current wording" appears 2 times in Policy 1 (under Greeting, When to say no). Write the heading it is under in "Section heading", or quote more words.'],
    });
  });
});

describe('what a refusal quotes back', () => {
  /** The comment as GitHub reads it: GFM, where a bare address or `[text](url)` is a live link. */
  const commentTree = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;

  it('shows a field value with backticks in it as code, with no live mention or link', async () => {
    const hostile = '9` @acme/everyone [win](https://evil.example) `';
    const result = await prepare({ current: 'within three rings', suggested: 'fast', clarity: hostile });
    expect(result.ok).toBe(false);
    const comment = needsEditComment(7, result.ok ? [] : result.problems, 'edit');
    const tree = commentTree(comment);
    const links: string[] = [];
    visit(tree, 'link', (link) => void links.push(link.url));
    expect(links).toEqual([]);
    const mentionIn = { text: 0, inlineCode: 0 };
    visit(tree, (node) => {
      if ((node.type === 'text' || node.type === 'inlineCode') && node.value.includes('@acme/everyone')) mentionIn[node.type]++;
    });
    expect(mentionIn).toEqual({ text: 0, inlineCode: 1 });
  });
});
