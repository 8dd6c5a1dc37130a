/**
 * replaceWithPlainText at its edges: each kind of node that is not prose, each construct whose own
 * characters the words must not close, where paragraph breaks may stand, and the guard itself,
 * fed documents that escaping never produces (so it is seen to refuse them).
 */
import { describe, expect, it } from 'vitest';
import { addsOnlyText, rendersOnlyText, replaceWithPlainText } from '../../src/markdown/replace-words.ts';
import { parseDocument, type Flavour } from '../../src/markdown/syntax.ts';

function replace(source: string, quote: string, words = 'new words', flavour: Flavour = 'mdx') {
  const start = source.indexOf(quote);
  if (start === -1) throw new Error(`no ${quote}`);
  return replaceWithPlainText(source, { start, end: start + quote.length }, words, flavour);
}

describe('what is not prose', () => {
  it.each([
    ['inline code', 'Run `npm test` daily.\n', 'npm test', 'mdx'],
    ['raw HTML', 'Say <b>hi</b> now.\n', '<b>hi</b>', 'md'],
    ['TOML frontmatter', '+++\ntitle = "x"\n+++\n\nHello there.\n', 'title', 'md'],
    ['an expression block', 'Hello\n\n{1 + 1}\n', '1 + 1', 'mdx'],
    ['a whole inline component', 'Say <Badge text="x" /> now.\n', 'Say <Badge text="x" /> now.', 'mdx'],
    ['a component block in a list item', '- Item one\n\n  <Note>Hi</Note>\n', 'Item one\n\n  <Note>Hi</Note>', 'mdx'],
    ['a footnote definition', 'Text[^1].\n\n[^1]: The note here.\n', 'The note here', 'mdx'],
    ['image text', 'See ![a cat](cat.png) now.\n', 'a cat', 'mdx'],
    ['reference image text', 'See ![a cat][c] now.\n\n[c]: cat.png\n', 'a cat', 'mdx'],
    ['a bare address in angle brackets', 'See <https://example.com/x> now.\n', 'example.com', 'md'],
  ] as const)('refuses %s', (_, source, quote, flavour) => {
    expect(replace(source, quote, 'new words', flavour)).toEqual({ ok: false, reason: 'not-prose' });
  });

  it('takes words between the tags of raw HTML, and in a component\'s children', () => {
    expect(replace('Say <b>hi</b> now.\n', 'hi', 'x', 'md')).toEqual({ ok: true, text: 'Say <b>x</b> now.\n', start: 7, end: 8 });
    expect(replace('Say <Badge>hi</Badge> now.\n', 'hi')).toEqual({ ok: true, text: 'Say <Badge>new words</Badge> now.\n', start: 11, end: 20 });
  });
});

describe('formatting around the quote', () => {
  it('takes whole formatted words, and refuses a quote that cuts through them', () => {
    expect(replace('Say **hello** now.\n', 'Say **hello**')).toEqual({ ok: true, text: 'new words now.\n', start: 0, end: 9 });
    expect(replace('Say *a* and *b* now.\n', '*a* and *b*')).toEqual({ ok: true, text: 'Say new words now.\n', start: 4, end: 13 });
    expect(replace('Say **hello** now.\n', 'hello** now')).toEqual({ ok: false, reason: 'crosses-markup' });
    expect(replace('Say *a* x *b* now.\n', 'a* x *b')).toEqual({ ok: false, reason: 'crosses-markup' });
    expect(replace('Say *a* x *b* now.\n', '*a* x *b')).toEqual({ ok: false, reason: 'crosses-markup' });
  });
});

describe('the constructs that hold the words', () => {
  it('escapes what would end link text, a table cell or an ATX heading', () => {
    expect(replace('See [the list](https://e.test) now.\n', 'the list', 'a ] b')).toEqual({ ok: true, text: 'See [a \\] b](https://e.test) now.\n', start: 5, end: 11 });
    expect(replace('| A | B |\n| --- | --- |\n| one | two |\n', 'one', 'a | b')).toEqual({ ok: true, text: '| A | B |\n| --- | --- |\n| a \\| b | two |\n', start: 26, end: 32 });
    expect(replace('## Say hi\n', 'Say hi', 'a #')).toEqual({ ok: true, text: '## a \\#\n', start: 3, end: 7 });
  });

  it('keeps a setext heading one line', () => {
    expect(replace('Say hi\n======\n', 'Say hi', 'a\n===')).toEqual({ ok: true, text: 'a ===\n======\n', start: 0, end: 5 });
  });

  it('keeps paragraph breaks only in a top-level paragraph', () => {
    expect(replace('Top line here.\n', 'Top line here.', 'one\n\ntwo')).toEqual({ ok: true, text: 'one\n\ntwo\n', start: 0, end: 8 });
    expect(replace('- List line here.\n', 'List line here.', 'one\n\ntwo')).toEqual({ ok: true, text: '- one two\n', start: 2, end: 9 });
    expect(replace('> Quote line here.\n', 'Quote line here.', 'one\n\ntwo')).toEqual({ ok: true, text: '> one two\n', start: 2, end: 9 });
  });
});

describe('the guard', () => {
  const guard = (before: string, after: string, range: [number, number], chain: string[], placement: 'flow' | 'inline' = 'inline', flavour: Flavour = 'mdx') =>
    addsOnlyText(parseDocument(before, flavour), after, flavour, range[0], range[1], chain, placement);

  it('lets plain words through', () => {
    expect(guard('Say hi now.\n', 'Say hello now.\n', [4, 9], ['root', 'paragraph'])).toBe(true);
  });

  it('refuses a page that gains a construct, a link target, a reference or a component', () => {
    expect(guard('Say hi now.\n', 'Say *hi* now.\n', [4, 8], ['root', 'paragraph'])).toBe(false);
    expect(guard('See [a](https://one.test).\n', 'See [a](https://two.test).\n', [5, 6], ['root', 'paragraph', 'link'])).toBe(false);
    expect(guard('See [a][x].\n\n[x]: https://one.test\n[y]: https://one.test\n', 'See [a][y].\n\n[x]: https://one.test\n[y]: https://one.test\n', [5, 6], ['root', 'paragraph', 'linkReference'])).toBe(false);
    expect(guard('Hi <A>x</A>.\n', 'Hi <B>x</B>.\n', [6, 7], ['root', 'paragraph', 'mdxJsxTextElement'])).toBe(false);
  });

  it('refuses words that leave their holders, or make anything but text where they stand', () => {
    expect(guard('- Say hi.\n', '- Say hi.\n\nNew.\n', [2, 15], ['root', 'list', 'listItem', 'paragraph'])).toBe(false);
    expect(guard('Say hi now.\n', 'Say hi\n\nnow.\n', [4, 12], ['root', 'paragraph'], 'inline')).toBe(false);
    expect(guard('Say hi now.\n', 'Say hi\n\nnow.\n', [0, 12], ['root', 'paragraph'], 'flow')).toBe(true);
    expect(guard('Say hi now.\n', 'Say hi\n\nnow.\n', [0, 12], ['root', 'paragraph'], 'inline')).toBe(false);
  });

  it('refuses a page that no longer parses', () => {
    expect(guard('Say hi now.\n', 'Say <hi now.\n', [4, 7], ['root', 'paragraph'])).toBe(false);
    expect(rendersOnlyText('Say hi now.\n', 'Say <hi now.\n', 'mdx', { start: 4, end: 6 }, 7, 'inline')).toBe(false);
  });

  it('reads the page again as the site renders it, whose GFM links what micromark does not', () => {
    const after = 'Say http\\://.evil.example now.\n';
    // micromark sees text; Sätteri, which renders the site, sees a link to http://.evil.example.
    expect(guard('Say hi now.\n', after, [4, 26], ['root', 'paragraph'])).toBe(true);
    for (const flavour of ['md', 'mdx'] as const) {
      expect(rendersOnlyText('Say hi now.\n', after, flavour, { start: 4, end: 6 }, 26, 'inline')).toBe(false);
      expect(rendersOnlyText('Say hi now.\n', 'Say h&#x2060;ttp\\://.evil.example now.\n', flavour, { start: 4, end: 6 }, 33, 'inline')).toBe(true);
      expect(rendersOnlyText('- Say hi.\n', '- Say hi.\n\nNew.\n', flavour, { start: 2, end: 8 }, 15, 'inline')).toBe(false);
    }
    expect(replaceWithPlainText('Say hi now.\n', { start: 4, end: 6 }, 'http://.evil.example', 'md')).toEqual({ ok: true, text: 'Say h&#x2060;ttp\\://.evil.example now.\n', start: 4, end: 33 });
  });
});
