/**
 * Untrusted words put into a policy stay words: for every Markdown, GFM, directive and MDX
 * construct, in every place a quote can stand, the new document parses with no construct the old
 * one lacked, and its text is the old text with the quote swapped for exactly the suggestion.
 */
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { plainTextToMarkdown, stripControls } from '../../src/markdown/plain-text.ts';
import { replaceWithPlainText } from '../../src/markdown/replace-words.ts';
import { parseDocument, type Flavour } from '../../src/markdown/syntax.ts';
import { gainedConstructs, gainedRenderedParts, visible } from '../helpers/markdown.ts';

export const HOSTILE: readonly (readonly [string, string])[] = [
  ['an inline link to javascript:', '[read this](javascript:alert(document.cookie))'],
  ['an image (a tracking pixel)', '![](https://tracker.example/p.gif)'],
  ['a reference link and its definition', 'see [here][x]\n\n[x]: https://evil.example'],
  ['a shortcut reference to a definition the page has', 'read [the rules] now'],
  ['a footnote and its definition', 'text[^1]\n\n[^1]: https://evil.example'],
  ['an autolink', '<https://evil.example>'],
  ['a bare web address', 'go to https://evil.example/path now'],
  ['a www address', 'www.evil.example'],
  ['an e-mail address', 'write to boss@evil.example'],
  // micromark links neither of these; Sätteri, which renders the site, links the first.
  ['an address only the site\'s renderer links', 'go to http://.evil.example now'],
  ['a www address before a tag', 'see www.<!--/> here'],
  ['raw HTML', '<img src=x onerror=alert(1)>'],
  ['a script element', '<script>alert(document.cookie)</script>'],
  ['an HTML comment', '<!-- hidden -->'],
  ['a JSX component', '<SayThis kind="avoid">Go away.</SayThis>'],
  ['a JSX fragment', '<>x</>'],
  ['an MDX expression', 'Call {process.env.GITHUB_TOKEN} now.'],
  ['an MDX comment', '{/* plainbook-disable */}'],
  ['import and export lines', "import fs from 'node:fs'\nexport const x = fs.readFileSync('/etc/passwd')"],
  ['an ATX heading', '# Not a heading'],
  ['a setext heading', 'Title\n====='],
  ['a thematic break', 'above\n\n---\n\nbelow'],
  ['bullet lists', '- one\n* two\n+ three'],
  ['an ordered list', '1. one\n2) two'],
  ['a task list', '- [ ] do this'],
  ['a block quote', '> quoted'],
  ['a fenced code block', '```js\nalert(1)\n```'],
  ['a tilde code block', '~~~\ncode\n~~~'],
  ['indented code', 'para\n\n    code here'],
  ['inline code', 'use `rm -rf`'],
  ['emphasis and strong', '*em* **strong** _em_ __strong__'],
  ['strikethrough', '~~gone~~'],
  ['a table', '| a | b |\n| - | - |\n| 1 | 2 |'],
  ['a directive aside', ':::caution\nDanger\n:::'],
  ['a text directive', 'an :abbr[HTML]{title="x"} here'],
  ['character references', '&lt;script&gt; &amp; &#x41;'],
  ['hard line breaks', 'one\\\ntwo  \nthree'],
  ['a workflow expression', 'Leak ${{ secrets.NPM_TOKEN }} here.'],
  ['bidirectional controls', 'Refund \u202Eevil\u202C now'],
  ['a trailing backslash', 'ends with \\'],
  ['an image made with the text after the quote', 'Click!'],
];

const POLICY = `---
title: Answering the phone
---
import { SayThis } from '../../src/components/index.ts';

Answer within three rings. See [the list](https://example.com/list) for more.

## Say your name

- Say our name first.
- **Be kind** to every caller.

| Channel | Time |
| --- | --- |
| Phone | three rings |

<SayThis>Thank you for calling.</SayThis>

> Stay calm and polite.

Read [the rules] before your first shift.

[the rules]: https://example.com/rules
`;

/** Each place a quote can stand, by the words quoted there. */
const PLACES: readonly (readonly [string, string])[] = [
  ['a whole top-level paragraph', 'Answer within three rings. See [the list](https://example.com/list) for more.'],
  ['the middle of a sentence', 'within three rings'],
  ['a heading', 'Say your name'],
  ['a list item', 'Say our name first.'],
  ['strong text', 'Be kind'],
  ['a table cell', 'three rings |'.slice(0, -2)],
  ['a component', 'Thank you for calling.'],
  ['link text', 'the list'],
  ['a block quote', 'Stay calm'],
  ['just before a link', 'See '],
];


function replaceQuote(source: string, quote: string, words: string, flavour: Flavour) {
  const start = source.indexOf(quote);
  if (start === -1) throw new Error(`no ${quote} in the policy`);
  return replaceWithPlainText(source, { start, end: start + quote.length }, words, flavour);
}

describe('suggested words become text, whatever they contain', () => {
  const before = parseDocument(POLICY, 'mdx');
  const cases = HOSTILE.flatMap(([construct, words]) => PLACES.map(([place, quote]) => ({ construct, words, place, quote })));

  it.each(cases)('$construct, in $place', ({ words, quote }) => {
    const result = replaceQuote(POLICY, quote, words, 'mdx');
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect(gainedConstructs(POLICY, result.text)).toEqual([]);
    expect(gainedRenderedParts(POLICY, result.text, 'mdx')).toEqual([]);
    expect(visible(toString(parseDocument(result.text, 'mdx')))).toBe(visible(toString(before).replace(toString(parseDocument(quote, 'mdx')), stripControls(words))));
  });

  it.each(HOSTILE)('%s, in a Markdown (.md) policy', (_, words) => {
    const policy = POLICY.replace(/^import .*$/m, '').replace(/<SayThis>(.*)<\/SayThis>/, '$1');
    const result = replaceQuote(policy, 'within three rings', words, 'md');
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect(gainedConstructs(policy, result.text, 'md')).toEqual([]);
    expect(gainedRenderedParts(policy, result.text, 'md')).toEqual([]);
  });

  const MD_POLICY = POLICY.replace(/^import .*$/m, '').replace(/<SayThis>(.*)<\/SayThis>/, '$1');
  const mdCases = HOSTILE.flatMap(([construct, words]) => PLACES.map(([place, quote]) => ({ construct, words, place, quote })));
  it.each(mdCases)('$construct, in $place of a Markdown (.md) policy, as the site renders it', ({ words, quote }) => {
    const result = replaceQuote(MD_POLICY, quote, words, 'md');
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect(gainedRenderedParts(MD_POLICY, result.text, 'md')).toEqual([]);
  });
});

describe('plain text as Markdown', () => {
  it('escapes only what could start a construct, and keeps the rest readable', () => {
    expect(plainTextToMarkdown('Say "sorry" & smile: 100% of the time.', { flavour: 'mdx', placement: 'flow' })).toBe('Say "sorry" & smile: 100% of the time.');
    expect(plainTextToMarkdown('[x](javascript:alert(1))', { flavour: 'mdx', placement: 'flow' })).toBe('\\[x]\\(javascript\\:alert(1))');
    expect(plainTextToMarkdown('{x} <b>', { flavour: 'mdx', placement: 'flow' })).toBe('\\{x} \\<b>');
    expect(plainTextToMarkdown('import x', { flavour: 'mdx', placement: 'flow' })).toBe('&#x69;mport x');
    expect(plainTextToMarkdown('import x', { flavour: 'md', placement: 'flow' })).toBe('import x');
  });

  it('hides import and export only as the first word of a line, and only in MDX', () => {
    const md = (text: string, flavour: Flavour = 'mdx') => plainTextToMarkdown(text, { flavour, placement: 'flow' });
    expect(md('import x')).toBe('&#x69;mport x');
    expect(md('export x')).toBe('&#x65;xport x');
    expect(md('import x', 'md')).toBe('import x');
    for (const text of ['ideas and each export', 'we import goods', 'importer x', 'exports x']) expect(md(text)).toBe(text);
  });

  it('splits paragraphs at blank lines (white space and all) at the top, and folds every break inline', () => {
    expect(plainTextToMarkdown('one\n \t\n  two', { flavour: 'mdx', placement: 'flow' })).toBe('one\n\ntwo');
    expect(plainTextToMarkdown('one\n \t\n  two', { flavour: 'mdx', placement: 'inline' })).toBe('one two');
    expect(plainTextToMarkdown('  a \n b  ', { flavour: 'mdx', placement: 'inline' })).toBe('a b');
  });

  it('breaks a web address with a visible word-joiner reference, so GFM does not link it', () => {
    expect(plainTextToMarkdown('see https://a.example and b@c.example', { flavour: 'mdx', placement: 'flow' })).toBe('see h&#x2060;ttps\\://a.example and b&#x2060;@c.example');
  });

  it('keeps paragraph breaks at the top of a page, and folds line breaks elsewhere', () => {
    expect(plainTextToMarkdown('one\ntwo\n\n\nthree', { flavour: 'mdx', placement: 'flow' })).toBe('one\ntwo\n\nthree');
    expect(plainTextToMarkdown('one\ntwo\n\n\nthree', { flavour: 'mdx', placement: 'inline' })).toBe('one two three');
  });

  it('escapes a table cell bar only in a table cell', () => {
    expect(plainTextToMarkdown('a | b', { flavour: 'mdx', placement: 'inline', within: ['tableCell'] })).toBe('a \\| b');
    expect(plainTextToMarkdown('a | b', { flavour: 'mdx', placement: 'inline' })).toBe('a | b');
  });

  it('escapes what ends link text in link text, and a closing # in a heading', () => {
    expect(plainTextToMarkdown('a] b', { flavour: 'mdx', placement: 'inline', within: ['label'] })).toBe('a\\] b');
    expect(plainTextToMarkdown('a] b', { flavour: 'mdx', placement: 'inline' })).toBe('a] b');
    expect(plainTextToMarkdown('C #', { flavour: 'mdx', placement: 'inline', within: ['headingAtx'], after: '\n' })).toBe('C \\#');
  });

  it('escapes against the character that follows in the document', () => {
    expect(plainTextToMarkdown('Click!', { flavour: 'mdx', placement: 'inline', after: '[' })).toBe('Click\\!');
    expect(plainTextToMarkdown('Click!', { flavour: 'mdx', placement: 'inline', after: ' ' })).toBe('Click!');
  });

  it('strips bidirectional, control and invisible characters, and makes line endings \\n', () => {
    expect(stripControls('a\u202Eb\u2066c\u0000d\u0007e\r\nf\rg\th')).toBe('abcde\nf\ng\th');
    expect(stripControls('a\u200Bb\u2060c\uFEFFd\u00ADe\u{E0041}f\u0090g')).toBe('abcdefg');
    expect(stripControls('one\u2028two\u2029three\u0085four')).toBe('one\ntwo\nthree\nfour');
    expect(stripControls('\u{1F469}\u200D\u{1F4BB} \u0645\u200C\u06CC')).toBe('\u{1F469}\u200D\u{1F4BB} \u0645\u200C\u06CC');
  });

  it('breaks an e-mail address before its @, however long its first part', () => {
    expect(plainTextToMarkdown(`${'x'.repeat(150)}@evil.example`, { flavour: 'mdx', placement: 'flow' })).toBe(`${'x'.repeat(150)}&#x2060;@evil.example`);
  });
});

describe('where the words may go', () => {
  const refused = (quote: string, source = POLICY) => {
    const result = replaceQuote(source, quote, 'new words', 'mdx');
    return result.ok ? 'ok' : result.reason;
  };

  it.each([
    ['part of a link and the words after it', 'list](https://example.com/list) for'],
    ['the start of bold text', '**Be'],
    ['two list items', 'Say our name first.\n- **Be kind**'],
    ['two table cells', 'Phone | three'],
    ['the address of a link', 'https://example.com/list'],
    ['a component tag', '<SayThis>Thank'],
  ])('refuses a quote across formatting: %s', (_, quote) => {
    expect(refused(quote)).toBe('crosses-markup');
  });

  it.each([
    ['an import line', "import { SayThis }"],
    ['frontmatter', 'Answering the phone'],
    ['a link definition', 'https://example.com/rules'],
  ])('refuses a quote that is not prose: %s', (_, quote) => {
    expect(refused(quote)).toBe('not-prose');
  });

  it('refuses code, inline code, expressions and component attributes', () => {
    const source = 'Use `npm test` daily.\n\n```sh\nnpm test\n```\n\n{props.count} calls\n\n<SayThis kind="avoid">Go away.</SayThis>\n';
    expect(refused('npm test` daily', source)).toBe('crosses-markup');
    expect(refused('npm test\n```', source)).toBe('not-prose');
    expect(refused('props.count', source)).toBe('not-prose');
    expect(refused('avoid', source)).toBe('crosses-markup');
  });

  it('takes an escaping backslash with the character it escapes, at either end', () => {
    const result = replaceQuote('Costs \\*nothing\\*.\n', '*nothing\\*', '[x](y)', 'mdx');
    expect(result).toMatchObject({ ok: true, text: 'Costs \\[x]\\(y).\n' });
    // The quote ends on the backslash that escapes `<`: it stays with the `<`, and no component appears.
    expect(replaceQuote('Type \\<Badge /> here.\n', 'Type \\', 'Write', 'mdx')).toMatchObject({ ok: true, text: 'Write\\<Badge /> here.\n' });
    expect(replaceQuote('Dear \\{name} hi.\n', 'Dear \\', 'Hi', 'mdx')).toMatchObject({ ok: true, text: 'Hi\\{name} hi.\n' });
  });

  it('keeps a visible backslash, and keeps it from escaping the new words', () => {
    expect(replaceQuote('Save to C:\\new folder.\n', 'new folder', 'old folder', 'mdx')).toMatchObject({ ok: true, text: 'Save to C:\\old folder.\n' });
    const result = replaceQuote('Save to C:\\new folder.\n', 'new folder', '<x>{y}', 'mdx');
    expect(result).toMatchObject({ ok: true, text: 'Save to C:\\\\\\<x>\\{y}.\n' });
    expect(gainedConstructs('Save to C:\\new folder.\n', result.ok ? result.text : '')).toEqual([]);
  });

  it('keeps the new words from joining a & before them into a character reference', () => {
    const result = replaceQuote('Ask the R&D team.\n', 'D team', 'rlm;evil', 'mdx');
    expect(result).toMatchObject({ ok: true, text: 'Ask the R&&#x72;lm;evil.\n' });
    expect(visible(toString(parseDocument(result.ok ? result.text : '', 'mdx')))).toBe(visible('Ask the R&rlm;evil.'));
  });

  it('refuses words inside a bare address, whose text is where the link goes', () => {
    expect(refused('example.com/list', 'See https://example.com/list now.\n')).toBe('not-prose');
    expect(refused('help', 'Write to help@example.com now.\n')).toBe('not-prose');
    expect(refused('www.example', 'See www.example.com now.\n')).toBe('not-prose');
  });

  it('refuses new words that would join the page around them into a construct', () => {
    expect(refused('bar', 'Use *foo.*bar now.\n')).toBe('ok');
    const result = replaceQuote('Use *foo.*bar now.\n', 'bar', '!bar', 'mdx');
    expect(result.ok ? gainedConstructs('Use *foo.*bar now.\n', result.text) : []).toEqual([]);
  });

  it('says so when the page does not parse', () => {
    expect(refused('calls', 'Broken <SayThis calls\n')).toBe('unparsable');
  });
});
