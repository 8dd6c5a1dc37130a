import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExternalHyperlink, HeadingLevel, ImageRun, Paragraph, TextRun } from 'docx';
import type { Link } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { ContentError, UsageError } from '../../src/errors/index.ts';
import { importDocument, type ImportedPolicy } from '../../src/import/import-document.ts';
import { policySlug } from '../../src/policies/policy-slug.ts';
import { parseDocument } from '../../src/markdown/syntax.ts';
import { validatePolicy } from '../../src/policies/validate-policy.ts';
import { fullWordDocument, GOOGLE_DOCS_HTML, PNG, wordDocument, WORD_WEB_PAGE } from '../helpers/documents.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'plainbook-import-'));

async function importBytes(name: string, bytes: Buffer | string, dir = folder()): Promise<ImportedPolicy> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return importDocument({ absolutePath: path, shownPath: name, owner: '@acme/leads', today: '2026-11-23', contentDir: 'content' });
}

function body(policy: ImportedPolicy): string {
  return policy.text.slice(policy.text.indexOf('---\n\n', 4) + 5);
}

/** What MDX makes of the page: nothing but Markdown, and the links as written. */
function parsedLinks(policy: ImportedPolicy): { url: string; text: string }[] {
  const tree = parseDocument(policy.text, 'mdx');
  const links: { url: string; text: string }[] = [];
  visit(tree, (node) => {
    expect(node.type).not.toMatch(/^mdx|^html$/);
    if (node.type === 'link') links.push({ url: (node as Link).url, text: ((node as Link).children[0] as { value: string }).value });
  });
  return links;
}

describe('import from Word (.docx)', () => {
  it('turns every construct into Markdown and leaves out comments, tracked deletions, headers and footers', async () => {
    const policy = await importBytes('Refunds.docx', await fullWordDocument());

    expect(policy.policyPath).toBe('content/policies/refunds-and-returns.mdx');
    expect(policy.text.slice(0, policy.text.indexOf('\n\n'))).toBe('---\ntitle: Refunds and Returns\nowner: "@acme/leads"\nstatus: draft\neffective: 2026-11-23\n---');
    expect(body(policy)).toMatchInlineSnapshot(`
      "## Who this is for

      Front desk staff **must** _always_ follow this. Write \\{order} and \\<name> as "shown", don't guess, refund.

      Ask for the receipt first.

      ### How to refund

      1. Check the receipt.
         1. Look at the date.
      2. Give the money back.

      - Be kind.
        - Smile.

      #### Contacts

      [refund page](https://example.com/refunds), [write to us](mailto\\:help@example.com) or click here.

      &#x69;mport refunds from "./old"

      &#x65;xport the list every week.

      | Day    | Hours  |
      | ------ | ------ |
      | Monday | 9 \\| 5 |

      ![The refund stamp](./refunds-and-returns/image-1.png)
      "
    `);
    expect(policy.leftOut).toEqual([
      '1 comment',
      '2 tracked changes (imported as if accepted: 1 insertion kept, 1 deletion left out)',
      '1 header',
      '1 footer with page numbers',
      'the address of 1 link that did not start with http, https or mailto (their words are kept)',
    ]);
    expect(policy.images).toEqual([{ name: 'image-1.png', bytes: PNG }]);
    expect(parsedLinks(policy)).toEqual([
      { url: 'https://example.com/refunds', text: 'refund page' },
      { url: 'mailto:help@example.com', text: 'write to us' },
    ]);
    expect(validatePolicy({ file: policy.policyPath, source: policy.text })).toMatchObject({ title: 'Refunds and Returns', owner: '@acme/leads', status: 'draft', effective: '2026-11-23' });
  });

  it('takes the first heading as the title when there is no Title style, and starts the page at ##', async () => {
    const policy = await importBytes(
      'x.docx',
      await wordDocument([
        new Paragraph({ text: 'Chat Policy', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: 'Reply within two minutes.' }),
        new Paragraph({ text: 'Tone', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: 'Emoji', heading: HeadingLevel.HEADING_2 }),
        new Paragraph({ text: 'Use them rarely.' }),
      ]),
    );
    expect(policy.title).toBe('Chat Policy');
    expect(body(policy)).toBe('Reply within two minutes.\n\n## Tone\n\n### Emoji\n\nUse them rarely.\n');
  });

  it('falls back to the title in File > Properties, then to the file name', async () => {
    const untitled = [new Paragraph('Reply within two minutes.')];
    expect((await importBytes('x.docx', await wordDocument(untitled, { title: 'Chat rules' }))).title).toBe('Chat rules');
    const named = await importBytes('Phone_etiquette-v2.docx', await wordDocument(untitled));
    expect(named.title).toBe('Phone etiquette v2');
    expect(named.policyPath).toBe('content/policies/phone-etiquette-v2.mdx');
  });

  it('leaves out images browsers cannot show, and says which have no description', async () => {
    const bmp = Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)]);
    const policy = await importBytes(
      'x.docx',
      await wordDocument([
        new Paragraph({ text: 'Pictures', heading: HeadingLevel.TITLE }),
        new Paragraph({ children: [new ImageRun({ type: 'bmp', data: bmp, transformation: { width: 5, height: 5 } })] }),
        new Paragraph({ children: [new TextRun('A dot: '), new ImageRun({ type: 'png', data: PNG, transformation: { width: 5, height: 5 } })] }),
      ]),
    );
    expect(body(policy)).toBe('A dot: ![](./pictures/image-1.png)\n');
    expect(policy.leftOut).toEqual([
      '1 image in a format browsers cannot show (such as EMF or TIFF): save as PNG and add by hand',
      'a description for 1 image: write what it shows between the brackets of `![]`',
    ]);
  });

  it('refuses a corrupt, password-protected or empty document with the file name and what to do', async () => {
    const corrupt = importBytes('broken.docx', Buffer.from('PK\u0003\u0004 this is not really a zip'));
    await expect(corrupt).rejects.toThrow(ContentError);
    await expect(corrupt).rejects.toThrow(/^Cannot read broken\.docx: the archive is damaged \(.+\)\. Open it in Word and save it again as \.docx\.$/);

    // Word writes a password-protected .docx as an OLE compound file (as old .doc files are).
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    await expect(importBytes('secret.docx', ole)).rejects.toThrow(
      'Cannot read secret.docx: it is protected with a password, or it is an old Word 97-2003 document saved with a .docx name. Open it in Word, remove the password (File > Info > Protect Document) or save it as a Word Document (.docx), then import it again.',
    );
    await expect(importBytes('notes.docx', 'plain words')).rejects.toThrow('Cannot read notes.docx: it is not a Word document (a .docx file is a zip archive, and this one is not).');
    await expect(importBytes('zero.docx', Buffer.alloc(0))).rejects.toThrow('Cannot import zero.docx: the file is empty (0 bytes). Check that this is the right file.');
    await expect(importBytes('blank.docx', await wordDocument([new Paragraph('')]))).rejects.toThrow('Cannot import blank.docx: the document is empty apart from its title "blank".');
    await expect(importBytes('title-only.docx', await wordDocument([new Paragraph({ text: 'Just a title', heading: HeadingLevel.TITLE })]))).rejects.toThrow(
      'Cannot import title-only.docx: the document is empty apart from its title "Just a title".',
    );
  });

  it('keeps only web and e-mail addresses as links, whatever the case of the scheme', async () => {
    const links = [
      ['HTTPS://Example.com/a', 'one'],
      ['file:///etc/passwd', 'two'],
      ['vbscript:run', 'three'],
      ['mailto:a@example.com', 'four'],
    ].map(([link = '', text]) => new Paragraph({ children: [new ExternalHyperlink({ link, children: [new TextRun(text ?? '')] })] }));
    const policy = await importBytes('x.docx', await wordDocument([new Paragraph({ text: 'Links', heading: HeadingLevel.TITLE }), ...links]));
    expect(parsedLinks(policy)).toEqual([
      { url: 'HTTPS://Example.com/a', text: 'one' },
      { url: 'mailto:a@example.com', text: 'four' },
    ]);
    expect(policy.leftOut).toEqual(['the address of 2 links that did not start with http, https or mailto (their words are kept)']);
  });
});

describe('import from web pages', () => {
  it('reads a Google Docs export: class styles, flat lists, redirect links, title, comments and frames', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'images'));
    writeFileSync(join(dir, 'images/image1.png'), PNG);
    const policy = await importBytes('Phone.html', GOOGLE_DOCS_HTML, dir);
    expect(policy.title).toBe('Answering the Phone');
    expect(body(policy)).toMatchInlineSnapshot(`
      "## Before you answer

      Pick up by the **third** ring, _every time_. Say "Hello" \\{warmly} \\<always>.

      - Smile
        - even on the phone
      - Give your name

      ### Steps

      1. Listen
      2. Answer

      See the [phone guide](https://example.com/phone).

      | Caller | Say         |
      | ------ | ----------- |
      | Angry  | I hear you. |

      ![Phone keypad](./answering-the-phone/image-1.png)
      "
    `);
    expect(policy.leftOut).toEqual(['1 comment', '1 header', '1 footer']);
    expect(policy.images).toEqual([{ name: 'image-1.png', bytes: PNG }]);
  });

  it('joins lists of the same kind that stand side by side, so no marker has to change', async () => {
    const policy = await importBytes('l.html', '<h1>Lists</h1><ol><li>one</li></ol><ol><li>two</li></ol><ul><li>a</li></ul><ul><li>b</li></ul>');
    expect(body(policy)).toBe('1. one\n2. two\n\n- a\n- b\n');
  });

  it('never reads an image from outside the document folder, nor from the web', async () => {
    const dir = folder();
    const secret = join(folder(), 'secret.png');
    writeFileSync(secret, PNG);
    const html = `<h1>Pics</h1><p>Text.</p><img src="../${secret}"><img src="${secret}"><img src="file://${secret}"><img src="https://example.com/a.png"><img src="missing.png">`;
    const policy = await importBytes('p.html', html, dir);
    expect(policy.images).toEqual([]);
    expect(body(policy)).toBe('Text.\n');
    expect(policy.leftOut).toEqual(['1 image on the web (save it beside the policy and add it by hand)', '4 images whose file was not found next to the document']);
  });

  it("reads Word's web page: title, lists from list paragraphs, windows-1252 text, comments", async () => {
    const policy = await importBytes('No.htm', Buffer.from(WORD_WEB_PAGE, 'latin1'));
    expect(policy.title).toBe('Saying No Nicely');
    expect(body(policy)).toBe('## When to say no\n\nSay **no** with _care_.\n\n- Listen first\n  - Do not interrupt\n- Offer another way\n\n1. Thank them\n\nIt costs € 5 to "reopen" a case.\n');
    expect(policy.leftOut).toEqual(['1 comment']);
  });

  it('escapes what MDX would run, and drops scripts, styles and raw HTML comments', async () => {
    const html = '<title>Hostile</title><p>{process.exit(1)} <b>&lt;Script/&gt;</b> <!-- note --> &lt;!-- x --&gt;</p><script>alert(1)</script><style>p{}</style><p>export const a = 1</p><p>import("x")</p>';
    const policy = await importBytes('h.html', html);
    expect(policy.title).toBe('Hostile');
    expect(body(policy)).toBe('\\{process.exit(1)} **\\<Script/>** \\<!-- x -->\n\n&#x65;xport const a = 1\n\n&#x69;mport("x")\n');
    expect(parsedLinks(policy)).toEqual([]);
  });
});

describe('import from Markdown and plain text', () => {
  it('reads Markdown with frontmatter and raw HTML as the same constructs', async () => {
    const markdown = '---\ntitle: Email replies\n---\n\n# Email\n\nAnswer in **one** day. <b>Bold</b> {x}\n\n* a\n    * b\n\n[bad](javascript:alert(1)) <span onclick="x">hi</span>\n';
    const policy = await importBytes('e.md', markdown);
    expect(policy.title).toBe('Email');
    expect(body(policy)).toBe('Answer in **one** day. **Bold** \\{x}\n\n- a\n  - b\n\nbad hi\n');
  });

  it('takes the metadata title when the Markdown has no heading', async () => {
    expect((await importBytes('e.md', '---\ntitle: Email replies\n---\n\nAnswer in one day.\n')).title).toBe('Email replies');
  });

  it('reads plain text: a title line, paragraphs and typed lists', async () => {
    const text = 'Returns\r\n\r\nBring the receipt.\r\nAsk for help.\r\n\r\n- first\r\n- second\r\n\r\nWhen to say no\r\n\r\n1. one\r\n2) two\r\n\r\n3. three\r\n\r\nNot a heading:\r\n';
    const policy = await importBytes('r.txt', text);
    expect(policy.title).toBe('Returns');
    expect(body(policy)).toBe('Bring the receipt. Ask for help.\n\n- first\n- second\n\n## When to say no\n\n1. one\n2. two\n3. three\n\nNot a heading:\n');
  });

  it('refuses an unknown extension, naming the file and the kinds it reads', async () => {
    const refused = importBytes('policy.pdf', 'x');
    await expect(refused).rejects.toThrow(UsageError);
    await expect(refused).rejects.toThrow('Unexpected file type `.pdf` for policy.pdf, expected one of `.docx`, `.html`, `.htm`, `.md`, `.txt`.');
  });
});

describe('policy file names', () => {
  it('are ASCII slugs of the title, cut at a word boundary', () => {
    expect(policySlug('Refunds & Returns (2026)')).toBe('refunds-returns-2026');
    expect(policySlug('Café Politesse — Été')).toBe('cafe-politesse-ete');
    expect(policySlug('../../etc/passwd')).toBe('etcpasswd');
    expect(policySlug('日本語')).toBeUndefined();
    const long = policySlug('How we answer the phone when the caller is upset and wants to speak to a manager right now');
    expect(long).toBe('how-we-answer-the-phone-when-the-caller-is-upset-and-wants');
    expect(long?.length).toBeLessThanOrEqual(60);
  });
});
