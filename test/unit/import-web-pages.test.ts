import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { isGoogleDocsExport, normaliseGoogleDocs } from '../../src/import/google-docs.ts';
import { decodeHtml, parseHtml } from '../../src/import/html.ts';
import { isWordExport, normaliseWordHtml } from '../../src/import/word-html.ts';

const GOOGLE_STYLE = '<style>.c1{font-weight:700}.c2{font-style:italic}.c3{font-weight:400;font-style:normal}.c4{font-weight: bold}.c5{font-weight:700;font-style:italic}</style>';

/** A Google Docs export with `body` as its body, normalised; the body's HTML and the notes. */
function google(body: string, style = GOOGLE_STYLE): { html: string; leftOut: string[] } {
  const tree = parseHtml(`<html><head>${style}</head><body class="c9 doc-content">${body}</body></html>`);
  const leftOut = normaliseGoogleDocs(tree);
  return { html: bodyHtml(tree), leftOut };
}

function word(body: string): { html: string; leftOut: string[] } {
  const tree = parseHtml(`<html><head><meta name=Generator content="Microsoft Word 15 (filtered)"></head><body>${body}</body></html>`);
  const leftOut = normaliseWordHtml(tree);
  return { html: bodyHtml(tree), leftOut };
}

function bodyHtml(tree: Root): string {
  const body = select('body', tree) as Element;
  return toHtml(body.children);
}

const item = (text: string, level: number, tag = 'ul', list = 'a') => `<${tag} class="c8 lst-kix_${list}-${level} start"><li class="c0">${text}</li></${tag}>`;

describe('Google Docs exports', () => {
  it('are recognised by the body class, list classes, redirect links or comment marks, and plain HTML is not', () => {
    expect(isGoogleDocsExport(parseHtml('<body class="doc-content"><p>x</p></body>'))).toBe(true);
    expect(isGoogleDocsExport(parseHtml('<ul class="lst-kix_abc-0"><li>x</li></ul>'))).toBe(true);
    expect(isGoogleDocsExport(parseHtml('<a href="https://www.google.com/url?q=https://a.test">x</a>'))).toBe(true);
    expect(isGoogleDocsExport(parseHtml('<sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup>'))).toBe(true);
    expect(isGoogleDocsExport(parseHtml('<body class="content"><p class="title">x</p><a href="https://www.google.com/search?q=x">x</a></body>'))).toBe(false);
  });

  it('turn bold and italic classes into strong and em, but not in headings', () => {
    const { html } = google('<p><span class="c1">b</span><span class="c2">i</span><span class="c3">n</span><span class="c4">b2</span><span class="c5">bi</span></p><h2><span class="c1">Head</span></h2>');
    expect(html).toBe('<p><strong>b</strong><em>i</em><span class="c3">n</span><strong>b2</strong><strong><em>bi</em></strong></p><h2><span class="c1">Head</span></h2>');
  });

  it('read styles only from style elements', () => {
    expect(google('<p><span class="c1">b</span></p><p class="c1">.c1{font-weight:700}</p>', '').html).toBe('<p><span class="c1">b</span></p><p class="c1">.c1{font-weight:700}</p>');
  });

  it('make the title a heading, and keep links to their real address only when they go through the redirect', () => {
    const links = [
      'https://www.google.com/url?q=https://acme.test/a%3Fb&sa=D',
      'https://www.google.com/search?q=refunds',
      'https://example.com/url?q=https://acme.test/',
      'https://www.google.com/url?sa=D',
      '#h.abc',
    ];
    const { html } = google(`<p class="c6 title">Refunds</p><p class="subtitle">For staff</p>${links.map((href) => `<p><a href="${href}">x</a></p>`).join('')}`);
    expect(html).toBe(
      '<h1 class="c6 title">Refunds</h1><p class="subtitle">For staff</p><p><a href="https://acme.test/a?b">x</a></p><p><a href="https://www.google.com/search?q=refunds">x</a></p><p><a href="https://example.com/url?q=https://acme.test/">x</a></p><p><a href="https://www.google.com/url?sa=D">x</a></p><p><a href="#h.abc">x</a></p>',
    );
  });

  it('leave out comments, headers and footers, keep footnotes and text boxes, and count what went', () => {
    const body = [
      '<div><p>Header</p></div>',
      '<div><p> </p></div>',
      '<p>One<sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup></p>',
      '<div><p>A text box</p></div>',
      '<p>Two</p>',
      '<hr>',
      '<div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a>A note</p></div>',
      '<div><p>Footer</p></div>',
      '<div><p><a href="#cmnt_ref1" id="cmnt1">[a]</a>First comment</p></div>',
      '<div><p><a href="#cmnt_ref2" id="cmnt2">[b]</a>Second comment</p></div>',
    ].join('');
    const { html, leftOut } = google(body);
    expect(html).toBe('<p>One<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup></p><div><p>A text box</p></div><p>Two</p><hr><div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a>A note</p></div>');
    expect(leftOut).toEqual(['2 comments', '1 header', '1 footer']);
    expect(google('<p>Only text</p>').leftOut).toEqual([]);
  });

  it('nest flat lists by the level in their class, and keep kinds apart at one level', () => {
    const body = [item('a', 0), item('a1', 1), item('a1i', 2), item('a2', 1), item('b', 0), item('one', 1, 'ol'), item('bullet', 1), item('c', 0)].join('');
    expect(google(body).html).toBe(
      '<ul class="c8 lst-kix_a-0 start"><li class="c0">a<ul class="c8 lst-kix_a-1 start"><li class="c0">a1<ul class="c8 lst-kix_a-2 start"><li class="c0">a1i</li></ul></li><li class="c0">a2</li></ul></li><li class="c0">b<ol class="c8 lst-kix_a-1 start"><li class="c0">one</li></ol><ul class="c8 lst-kix_a-1 start"><li class="c0">bullet</li></ul></li><li class="c0">c</li></ul>',
    );
  });

  it('start a new list after other text, read two-digit levels, and nest lists inside table cells', () => {
    expect(google(`${item('a', 0)}<p>Between</p>${item('b', 0)}`).html).toBe('<ul class="c8 lst-kix_a-0 start"><li class="c0">a</li></ul><p>Between</p><ul class="c8 lst-kix_a-0 start"><li class="c0">b</li></ul>');
    expect(google(`${item('a', 9)}${item('deep', 10)}`).html).toBe('<ul class="c8 lst-kix_a-9 start"><li class="c0">a<ul class="c8 lst-kix_a-10 start"><li class="c0">deep</li></ul></li></ul>');
    expect(google(`<table><tbody><tr><td>${item('a', 0)}${item('b', 1)}</td></tr></tbody></table>`).html).toBe(
      '<table><tbody><tr><td><ul class="c8 lst-kix_a-0 start"><li class="c0">a<ul class="c8 lst-kix_a-1 start"><li class="c0">b</li></ul></li></ul></td></tr></tbody></table>',
    );
    // A list whose class is not Google's level class is an ordinary list.
    expect(google('<ul class="lst-kix_a-x"><li>a</li></ul><ul class="other-1"><li>b</li></ul>').html).toBe('<ul class="lst-kix_a-x"><li>a</li></ul><ul class="other-1"><li>b</li></ul>');
  });
});

const listParagraph = (marker: string, text: string, level: number, list = 0) =>
  `<p class=MsoListParagraph style='text-indent:-.25in;mso-list:l${list} level${level} lfo1'><![if !supportLists]><span>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>${text}</p>\n`;

describe("Word's web pages", () => {
  it('are recognised by the generator or an Mso class, and plain HTML is not', () => {
    expect(isWordExport(parseHtml('<meta name="generator" content="Microsoft Word 16"><p>x</p>'))).toBe(true);
    expect(isWordExport(parseHtml('<p class="MsoNormal">x</p>'))).toBe(true);
    expect(isWordExport(parseHtml('<meta name="generator" content="LibreOffice"><p class="normal">x</p>'))).toBe(false);
  });

  it('make list paragraphs lists: numbered when the marker is a number or letter, nested by level', () => {
    const body = [
      listParagraph('1.', 'One', 1),
      listParagraph('a)', 'One a', 2),
      listParagraph('iv.', 'One a iv', 3),
      listParagraph('·', 'Bullet under one', 2),
      listParagraph('10.', 'Ten', 1),
      listParagraph('§', 'Bullet', 1),
      listParagraph('abcde.', 'Long marker', 1),
    ].join('');
    expect(word(body).html).toBe(
      '<ol><li>One<ol><li>One a<ol><li>One a iv</li></ol></li></ol><ul><li>Bullet under one</li></ul></li><li>Ten</li></ol><ul><li>Bullet</li><li>Long marker</li></ul>',
    );
  });

  it('end a list at other text, and leave comments out of the marker', () => {
    const body = `${listParagraph('·', 'a', 1)}<p class=MsoNormal>Text</p>\n${listParagraph('·', 'b', 1)}<!--[if gte mso 9]><xml></xml><![endif]--><p class=MsoTitle>Title</p>`;
    expect(word(body).html).toBe('<ul><li>a</li></ul><p class="MsoNormal">Text</p>\n<ul><li>b</li></ul><!--[if gte mso 9]><xml></xml><![endif]--><h1 class="MsoTitle">Title</h1>');
  });

  it('leave out comments and their marks, and count them', () => {
    const body = `<p class=MsoNormal>Say no<span class=MsoCommentReference><a href="#_msocom_1">[A1]</a></span>.</p><div style='mso-element:comment-list'><div style='mso-element:comment'><p>One</p></div><div style='mso-element:comment'><p>Two</p></div></div>`;
    expect(word(body)).toEqual({ html: '<p class="MsoNormal">Say no.</p>', leftOut: ['2 comments'] });
    expect(word('<p class=MsoNormal>No comments</p>').leftOut).toEqual([]);
  });
});

describe('web page text', () => {
  it('is decoded in the charset the page declares, UTF-8 otherwise or when the charset is unknown', () => {
    const latin = Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>'), Buffer.from([0x93, 0x80, 0x94]), Buffer.from('</p>')]);
    expect(decodeHtml(latin)).toBe('<meta charset="windows-1252"><p>“€”</p>');
    expect(decodeHtml(Buffer.from('<meta http-equiv=Content-Type content="text/html; charset = iso-8859-1"><p>\u00e9</p>', 'latin1'))).toContain('<p>é</p>');
    expect(decodeHtml(Buffer.from('<p>café</p>'))).toBe('<p>café</p>');
    expect(decodeHtml(Buffer.from('<meta charset="x-no-such-charset"><p>café</p>'))).toBe('<meta charset="x-no-such-charset"><p>café</p>');
  });
});
