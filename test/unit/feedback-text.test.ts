/** Finding the quoted words in a policy, and what Plainbook writes on issues and pull requests. */
import { describe, expect, it } from 'vitest';
import { locate as locateIn, paragraphAround, sectionHeadings } from '../../src/feedback/locate.ts';
import { createdComment, declinedComment, editedAfterAcceptedProblem, fenced, inlineCode, needsEditComment, notAllowedComment, pullRequestBody } from '../../src/feedback/messages.ts';

const POLICY = `---
title: Phone
---

Intro line.

## On the phone

Answer within three rings.
Say our name first.

## In person ##

Say our name first.
Say "thanks" at the end.
`;
const BODY = POLICY.indexOf('Intro');

/** `locate` with the page's own headings, as prepare.ts calls it. */
function locate(text: string, quote: string, section: string | undefined, from: number) {
  return locateIn(text, quote, section, { from, headings: sectionHeadings(text, 'md') ?? [] });
}

describe('finding the quoted words', () => {
  it('finds words exactly, with where they start and end and the heading above', () => {
    const result = locate(POLICY, 'Answer within three rings.', undefined, BODY);
    const start = POLICY.indexOf('Answer');
    expect(result).toEqual({ found: true, how: 'exact', match: { start, end: start + 'Answer within three rings.'.length, section: 'On the phone' } });
  });

  it('trims the quote before looking', () => {
    expect(locate(POLICY, '  Intro line.\n', undefined, BODY)).toMatchObject({ found: true, how: 'exact', match: { start: BODY, end: BODY + 11 } });
  });

  it('ignores differences in spaces, line breaks and quote marks, and maps back to the source', () => {
    const result = locate(POLICY, 'three   rings. Say\tour name first.', 'On the phone', BODY);
    const start = POLICY.indexOf('three rings.');
    expect(result).toEqual({ found: true, how: 'loose', match: { start, end: POLICY.indexOf('first.') + 'first.'.length, section: 'On the phone' } });
    expect(locate(POLICY, 'Say \u201Cthanks\u201D at the end.', undefined, BODY)).toMatchObject({ found: true, how: 'loose' });
    expect(locate(POLICY.replace('"thanks"', "'thanks'"), 'Say \u2018thanks\u2019 at the end.', undefined, BODY)).toMatchObject({ found: true, how: 'loose' });
  });

  it('asks which section when the words appear twice, and names the sections', () => {
    expect(locate(POLICY, 'Say our name first.', undefined, BODY)).toEqual({ found: false, reason: 'ambiguous', candidates: 2, sections: ['On the phone', 'In person'] });
    expect(locate(POLICY, 'Say our name first.', '## in   PERSON', BODY)).toMatchObject({ found: true, match: { section: 'In person' } });
    expect(locate(POLICY, 'Say our name first.', 'Nowhere', BODY)).toMatchObject({ found: false, reason: 'ambiguous', candidates: 2 });
  });

  it('says "top of the page" for words above the first heading, and does not look in the frontmatter', () => {
    expect(locate(`${POLICY}`, 'Intro line.', undefined, BODY)).toMatchObject({ found: true, match: { section: undefined } });
    expect(locate(POLICY, 'title: Phone', undefined, BODY)).toEqual({ found: false, reason: 'not-found', candidates: 0, sections: [] });
    const twice = 'Hi.\n\n## A\n\nHi.\n';
    expect(locate(twice, 'Hi.', undefined, 0)).toMatchObject({ found: false, sections: ['(top of the page)', 'A'] });
  });

  it('finds nothing for words that are not there, or for white space alone', () => {
    expect(locate(POLICY, 'Answer within four rings.', undefined, BODY)).toEqual({ found: false, reason: 'not-found', candidates: 0, sections: [] });
    expect(locate(POLICY, ' \n ', undefined, BODY)).toMatchObject({ found: false, reason: 'not-found' });
  });

  it('names each section by its heading as the page shows it: no emphasis, code or link', () => {
    const page = '# Phone **calls**\n\nHi.\n\nSetext `code`\n---\n\nHi.\n\n### [Listed](https://example.com) <b>too</b> ###\n\nHi.\n';
    expect(sectionHeadings(page, 'md')).toEqual([
      { start: 0, text: 'Phone calls' },
      { start: page.indexOf('Setext'), text: 'Setext code' },
      { start: page.indexOf('###'), text: 'Listed too' },
    ]);
    expect(locate(page, 'Hi.', undefined, 0)).toMatchObject({ found: false, sections: ['Phone calls', 'Setext code', 'Listed too'] });
    expect(locate(page, 'Hi.', 'setext code', 0)).toMatchObject({ found: true, match: { start: page.indexOf('Hi.', page.indexOf('Setext')), section: 'Setext code' } });
    // A page that does not parse has no sections to tell.
    expect(sectionHeadings('# A\n\n<Broken\n', 'mdx')).toBeUndefined();
  });

  it('measures the paragraph around the words, between blank lines', () => {
    const start = POLICY.indexOf('Say our name first.');
    expect(paragraphAround(POLICY, start, start + 5)).toBe('Answer within three rings.\nSay our name first.');
    expect(paragraphAround('only one paragraph', 3)).toBe('only one paragraph');
    expect(paragraphAround('a\n\nb\n\nc', 3)).toBe('b');
  });
});

describe('what Plainbook writes', () => {
  it('fences untrusted text with more backticks than it holds', () => {
    expect(fenced('plain')).toBe('```text\nplain\n```');
    expect(fenced('has ``` inside')).toBe('````text\nhas ``` inside\n````');
    expect(fenced('a ````` run')).toBe('``````text\na ````` run\n``````');
  });

  it('shows untrusted text on one line as code, at most 200 characters', () => {
    expect(inlineCode('In `person`\nnow')).toBe('`In  person  now`');
    expect(inlineCode('x'.repeat(300))).toBe(`\`${'x'.repeat(200)}\``);
  });

  it('writes the pull request body with the marker, the section, the grades and Closes', () => {
    const body = pullRequestBody({
      issue: 7,
      reporter: 'ana-lee',
      policyTitle: 'Phone',
      policyFile: 'content/policies/phone.mdx',
      section: 'On the phone',
      round: 'spring',
      before: 'Answer within three rings.',
      after: 'Answer within 3 rings.',
      gradeBefore: { fleschKincaidGrade: 2.345 } as never,
      gradeAfter: { fleschKincaidGrade: -0.5 } as never,
    });
    expect(body).toMatchInlineSnapshot(`
      "<!-- plainbook:feedback-pr issue=7 -->
      Applies the feedback in #7 from @ana-lee to **Phone** (\`content/policies/phone.mdx\`).

      - **Section:** \`On the phone\`
      - **Pilot round:** \`spring\`
      - **Reading grade of the paragraph:** 2.3 → -0.5

      **Before**

      \`\`\`text
      Answer within three rings.
      \`\`\`

      **After**

      \`\`\`text
      Answer within 3 rings.
      \`\`\`

      The suggested words were added as plain text: no link, formatting or code in them takes effect. Please read the change before you merge it.

      Closes #7
      "
    `);
    const bare = pullRequestBody({ issue: 8, reporter: 'bo', policyTitle: 'T', policyFile: 'f.mdx', before: 'a', after: 'b' });
    expect(bare).toContain('- **Section:** (top of the page)\n- **Reading grade of the paragraph:** – → –\n');
    expect(bare).not.toContain('Pilot round');
  });

  it('writes each issue comment with its marker first', () => {
    expect(createdComment(7, 'https://x/pull/9', 'created')).toBe('<!-- plainbook:feedback issue=7 -->\nThank you. We opened a pull request with your suggestion: https://x/pull/9\nThe policy owner will review it.\n');
    expect(createdComment(7, 'https://x/pull/9', 'updated')).toContain('Thank you. We updated a pull request');
    expect(needsEditComment(7, ['One.', 'Two.'], 'edit')).toBe(
      '<!-- plainbook:feedback issue=7 -->\nThank you for this feedback. We could not turn it into a change yet:\n\n- One.\n- Two.\n\nPlease edit the issue to fix this. We took the `accepted` label off: an editor adds it again once the issue is fixed, and we try again.\n',
    );
    expect(needsEditComment(7, [editedAfterAcceptedProblem('2026-03-02T10:04:05Z', '2026-03-02T09:00:00.000Z')], 'review')).toBe(
      '<!-- plainbook:feedback issue=7 -->\nThank you for this feedback. We could not turn it into a change yet:\n\n- The issue was edited at 2026-03-02 10:04:05 UTC, after the `accepted` label was added at 2026-03-02 09:00:00 UTC, so its words are not the ones an editor accepted.\n\nWe took the `accepted` label off. An editor needs to read the issue as it is now, and add the `accepted` label again if the new words should go in.\n',
    );
    expect(notAllowedComment(7, 'visitor', 'declined')).toBe(
      '<!-- plainbook:feedback issue=7 -->\nThe `declined` label was added by @visitor, who cannot change this repository, so nothing was done. An editor with write access needs to add it.\n',
    );
    expect(declinedComment(7).startsWith('<!-- plainbook:feedback issue=7 -->\nThank you for taking the time to send this.')).toBe(true);
  });
});
