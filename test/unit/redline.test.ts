import { describe, expect, it } from 'vitest';
import { proseSentences } from '../../src/redline/prose.ts';
import { redline, redlineSummary } from '../../src/redline/redline.ts';

const PAGE = `---
title: Saying no
owner: ana
status: published
effective: 2026-01-05
---

import { SayThis } from 'plainbook/components';

Sometimes we cannot give a customer what they want. Saying no does not have to lose us a customer.

## Four steps

1. Listen to the **whole** request.
2. Say what you *can* do.

<SayThis>
  I am sorry, we have run out.
</SayThis>

\`\`\`text
not prose
\`\`\`

| Step | Time |
| ---- | ---- |
| Call back | 1 hour |
`;

const edit = (from: string, to: string) => {
  if (!PAGE.includes(from)) throw new Error(`not in the page: ${from}`);
  return PAGE.replace(from, to);
};

describe('the prose of a page', () => {
  it('is its sentences without marks, code, imports or frontmatter, each under its heading', () => {
    const under = (section: string | undefined) => (text: string) => ({ section, text });
    expect(proseSentences(PAGE, 'mdx')).toEqual([
      ...['Sometimes we cannot give a customer what they want.', 'Saying no does not have to lose us a customer.'].map(under(undefined)),
      ...['Four steps', 'Listen to the whole request.', 'Say what you can do.', 'I am sorry, we have run out.', 'Step', 'Time', 'Call back', '1 hour'].map(under('Four steps')),
    ]);
  });
});

describe('a redline of one change', () => {
  it('shows the exact words removed and added inside the sentence that changed, and nothing else', () => {
    const change = redline(PAGE, edit('Saying no does not have to lose us a customer.', 'Saying no kindly keeps the customer coming back.'), 'mdx');
    expect(change.blocks).toEqual([
      {
        section: undefined,
        parts: [
          { kind: 'same', text: 'Saying no ' },
          { kind: 'removed', text: 'does not have to lose us a' },
          { kind: 'added', text: 'kindly keeps the' },
          { kind: 'same', text: ' customer ' },
          { kind: 'added', text: 'coming back' },
          { kind: 'same', text: '.' },
        ],
      },
    ]);
    expect([change.wordsAdded, change.wordsRemoved]).toEqual([5, 7]);
    expect(redlineSummary(change)).toBe('5 words added and 7 removed.');
  });

  it('names the sections touched, and counts a new sentence and a removed one', () => {
    const change = redline(PAGE, edit('2. Say what you *can* do.', '2. Say what you *can* do. Offer a callback.').replace('| Call back | 1 hour |\n', ''), 'mdx');
    expect(change.blocks.map((block) => block.parts.map((part) => `${part.kind}:${part.text}`))).toEqual([
      ['added:Offer a callback.'],
      ['removed:Call back 1 hour'],
    ]);
    expect(change.sections).toEqual(['Four steps']);
    expect(redlineSummary(change)).toBe('3 words added and 4 removed, in Four steps.');
  });

  it('says in one line when only the details changed, naming them', () => {
    const change = redline(PAGE, edit('status: published', 'status: retired').replace('owner: ana', 'owner: bo'), 'mdx');
    expect(change.blocks).toEqual([]);
    expect(change.details).toEqual(['owner', 'status']);
    expect(redlineSummary(change)).toBe("Only the page's details changed (owner, status), not its words.");
  });

  it('ignores a change of Markdown marks or line breaks that leaves the words the same', () => {
    const change = redline(PAGE, edit('Listen to the **whole** request.', 'Listen to the _whole_\n   request.'), 'mdx');
    expect(change.blocks).toEqual([]);
    expect(redlineSummary(change)).toBe('No change to the words.');
  });

  it('lists every section touched, in page order, and says "Words moved" when only punctuation changed', () => {
    const moved = redline(PAGE, edit('Say what you *can* do.', 'Say what you *can* do!'), 'mdx');
    expect(redlineSummary(moved)).toBe('Words moved, in Four steps.');
    const three = `${PAGE}\n## Last part\n\nOne more line here.\n\n## Very last\n\nAnd the end.\n`;
    const change = redline(three, three.replace('Saying no does not', 'Saying no need not').replace('Listen to the', 'Hear the').replace('One more line', 'A new line'), 'mdx');
    expect(change.sections).toEqual(['Four steps', 'Last part']);
    expect(redlineSummary(change)).toBe('4 words added and 5 removed, in Four steps and Last part.');
    const all = redline(three, three.replace('Listen to the', 'Hear the').replace('One more line', 'A new line').replace('And the end.', 'And that is all.'), 'mdx');
    expect(redlineSummary(all)).toBe('6 words added and 6 removed, in Four steps, Last part and Very last.');
  });

  it('says "words removed" when nothing was added', () => {
    expect(redlineSummary(redline(PAGE, edit(' Saying no does not have to lose us a customer.', ''), 'mdx'))).toBe('10 words removed.');
  });

  it('calls the first version a new page, with its length', () => {
    const change = redline(undefined, PAGE, 'mdx');
    expect(change.created).toBe(true);
    expect(redlineSummary(change)).toBe('New page, 44 words.');
  });
});
