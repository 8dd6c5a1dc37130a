/** Accepted feedback to a new policy text, or to problems the reporter can fix: no GitHub here. */
import { describe, expect, it } from 'vitest';
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
  });

  it('does not look for the words in the frontmatter of a page without a blank line after it', async () => {
    const tight = '---\ntitle: Policy 1\n---\nAnswer within three rings.\n';
    expect(await prepare({ current: 'Answer within', suggested: 'Reply within' }, { readPolicy: async () => ({ text: tight, sha: 'abc' }) })).toMatchObject({ ok: true, text: tight.replace('Answer within', 'Reply within') });
  });
});
