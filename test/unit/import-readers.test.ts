import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import type { Root } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ContentError, UsageError } from '../../src/errors/index.ts';
import { readDocx } from '../../src/import/docx.ts';
import { collectImages } from '../../src/import/images.ts';
import { importDocument } from '../../src/import/import-document.ts';
import { policySlug } from '../../src/policies/policy-slug.ts';
import { readMarkdown, readPlainText } from '../../src/import/text.ts';
import { PNG, wordDocument } from '../helpers/documents.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'plainbook-readers-'));
const html = (text: string) => toHtml(readPlainText(text).tree);

describe('plain text', () => {
  it('reads typed bullets and numbers, which need a space after the marker', () => {
    expect(html('- a\n* b\n• c\n  ‣ d\n◦ e\n▪ f')).toBe('<ul><li>a</li><li>b</li><li>c</li><li>d</li><li>e</li><li>f</li></ul>');
    expect(html('1. a\n2) b\n  10. c\n999. d')).toBe('<ol><li>a</li><li>b</li><li>c</li><li>d</li></ol>');
    expect(html('Intro text.\n\n-a\n-b')).toBe('<p>Intro text.</p><p>-a -b</p>');
    expect(html('Intro text.\n\n1000. a\n1001. b')).toBe('<p>Intro text.</p><p>1000. a 1001. b</p>');
    expect(html('Intro text.\n\n- a\nnot a bullet')).toBe('<p>Intro text.</p><p>- a not a bullet</p>');
  });

  it('takes short lines alone as headings: the first the title, then sections', () => {
    const atLimit = 'A'.repeat(120);
    expect(html(`${atLimit}\n\nText.\n\n${'B'.repeat(121)}\n\nSection\n\n- one`)).toBe(`<h1>${atLimit}</h1><p>Text.</p><p>${'B'.repeat(121)}</p><h2>Section</h2><ul><li>one</li></ul>`);
    for (const end of ['.', '!', '?', ':', ';', ',']) expect(html(`Not a heading${end}`)).toBe(`<p>Not a heading${end}</p>`);
    expect(html('- Only a bullet')).toBe('<ul><li>Only a bullet</li></ul>');
    expect(html('Two lines\nof text')).toBe('<p>Two lines of text</p>');
  });

  it('splits paragraphs at blank lines (with spaces or tabs on them), in any line ending', () => {
    expect(html('\n\nTitle\r\rFirst.\r\n \t\r\nSecond.  \n')).toBe('<h1>Title</h1><p>First.</p><p>Second.</p>');
  });

  it('joins list items typed with blank lines between them, but not lists of another kind', () => {
    expect(html('Steps:\n\n1. a\n\n2. b\n\n- c\n\n- d\n\n3. e')).toBe('<p>Steps:</p><ol><li>a</li><li>b</li></ol><ul><li>c</li><li>d</li></ul><ol><li>e</li></ol>');
  });

  it('has no title of its own, no folder for images and nothing left out', () => {
    expect(readPlainText('x')).toMatchObject({ metadataTitle: undefined, baseFolder: undefined, leftOut: [] });
  });
});

describe('Markdown', () => {
  it('takes a string title from frontmatter, and nothing from a missing, broken or empty one', () => {
    expect(readMarkdown('/docs/a.md', '---\ntitle: " Email "\n---\n\nText.').metadataTitle).toBe('Email');
    expect(readMarkdown('/docs/a.md', '---\ntitle: 42\n---\n\nText.').metadataTitle).toBeUndefined();
    expect(readMarkdown('/docs/a.md', '---\ntitle: "   "\n---\n\nText.').metadataTitle).toBeUndefined();
    expect(readMarkdown('/docs/a.md', '---\ntitle: [unclosed\n---\n\nText.').metadataTitle).toBeUndefined();
    expect(readMarkdown('/docs/a.md', '---\n---\n\nText.').metadataTitle).toBeUndefined();
    expect(readMarkdown('/docs/a.md', 'Text.')).toMatchObject({ metadataTitle: undefined, baseFolder: '/docs', leftOut: [] });
  });

  it('reads raw HTML as elements, so it takes the same road as a web page', () => {
    expect(toHtml(readMarkdown('/a.md', 'Say <b>hi</b>.').tree)).toBe('<p>Say <b>hi</b>.</p>');
  });
});

async function docxWith(parts: Record<string, string>, base?: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base ?? (await wordDocument([new Paragraph({ text: 'Title', heading: HeadingLevel.TITLE }), new Paragraph('Text.')])));
  for (const [path, text] of Object.entries(parts)) zip.file(path, text);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const part = (tag: 'hdr' | 'ftr', inner: string) => `<w:${tag} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p>${inner}</w:p></w:${tag}>`;

describe('Word documents: what is left out', () => {
  it('counts headers and footers that show something, and says which have page numbers', async () => {
    const bytes = await docxWith({
      'word/header5.xml': part('hdr', '<w:r><w:t xml:space="preserve">   </w:t></w:r>'),
      'word/header12.xml': part('hdr', '<w:r><w:t>ACME</w:t></w:r>'),
      'word/header1.xml.bak': part('hdr', '<w:r><w:t>old</w:t></w:r>'),
      'customXml/word/header2.xml': part('hdr', '<w:r><w:t>not a header</w:t></w:r>'),
      'word/footer.xml': part('ftr', '<w:fldSimple w:instr=" PAGE "/>'),
      'word/footer3.xml': part('ftr', '<w:r><w:t>Confidential</w:t></w:r>'),
    });
    expect((await readDocx(bytes, { shownPath: 'a.docx' })).leftOut).toEqual(['1 header', '2 footers with page numbers']);
  });

  it('takes the title from the document properties, decoded, or none when it is blank', async () => {
    const titled = await docxWith({ 'docProps/core.xml': '<cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:title> Refunds &amp; Returns </dc:title></cp:coreProperties>' });
    expect((await readDocx(titled, { shownPath: 'a.docx' })).metadataTitle).toBe('Refunds & Returns');
    const blank = await docxWith({ 'docProps/core.xml': '<cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:title>  </dc:title></cp:coreProperties>' });
    expect((await readDocx(blank, { shownPath: 'a.docx' })).metadataTitle).toBeUndefined();
  });

  it("names each of Word's custom styles once, and reads a subtitle as a paragraph", async () => {
    const document = new Document({
      styles: { paragraphStyles: [{ id: 'PolicyNote', name: 'Policy Note', run: { bold: true } }, { id: 'Subtitle', name: 'Subtitle' }] },
      sections: [{ children: [new Paragraph({ text: 'Rules', heading: HeadingLevel.TITLE }), new Paragraph({ text: 'For staff', style: 'Subtitle' }), new Paragraph({ text: 'Note one', style: 'PolicyNote' }), new Paragraph({ text: 'Note two', style: 'PolicyNote' })] }],
    });
    const read = await readDocx(await Packer.toBuffer(document), { shownPath: 'a.docx' });
    expect(read.leftOut).toEqual(['the look of 1 custom style ("Policy Note"): imported as plain paragraphs']);
    expect(toHtml(read.tree)).toContain('<h1>Rules</h1><p>For staff</p><p>Note one</p>');
  });

  it('names the file in every refusal, as the error\'s file too', async () => {
    const cases: [string, Buffer][] = [
      ['not a zip', Buffer.from('plain text')],
      ['password', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(64)])],
      ['no body', await new JSZip().file('other.xml', '<x/>').generateAsync({ type: 'nodebuffer' })],
      ['broken body', await docxWith({ 'word/document.xml': '<w:document><w:body><w:p>' })],
    ];
    for (const [name, bytes] of cases) {
      const error = await readDocx(bytes, { shownPath: `${name}.docx` }).catch((caught: unknown) => caught);
      expect(error, name).toBeInstanceOf(ContentError);
      expect((error as ContentError).file, name).toBe(`${name}.docx`);
      expect((error as Error).message, name).toMatch(new RegExp(`^Cannot read ${name}\\.docx: `));
    }
    const noBody = await readDocx(cases[2]?.[1] ?? Buffer.alloc(0), { shownPath: 'x.docx' }).catch((caught: Error) => caught.message);
    expect(noBody).toBe('Cannot read x.docx: the archive is damaged (it has no word/document.xml). Open it in Word and save it again as .docx.');
    const broken = await readDocx(cases[3]?.[1] ?? Buffer.alloc(0), { shownPath: 'x.docx' }).catch((caught: Error) => caught.message);
    expect(broken).toMatch(/^Cannot read x\.docx: .+\. The file is not a Word document Plainbook can read: open it in Word or Google Docs and save it again as \.docx\.$/);
  });
});

function imageTree(...urls: string[]): Root {
  return { type: 'root', children: [{ type: 'paragraph', children: urls.map((url) => ({ type: 'image', url, alt: 'x' })) }] };
}

describe('images', () => {
  const JPEG = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.alloc(20)]);
  const GIF87 = Buffer.concat([Buffer.from('GIF87a'), Buffer.alloc(20)]);
  const GIF89 = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(20)]);
  const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(20)]);
  const WAVE = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(20)]);
  const dataUri = (bytes: Buffer) => `data:application/octet-stream;base64,${bytes.toString('base64')}`;

  it('keeps PNG, JPEG, GIF and WebP, recognised by their bytes, and names them in order', async () => {
    const tree = imageTree(dataUri(PNG), dataUri(JPEG), dataUri(GIF87), dataUri(GIF89), dataUri(WEBP), dataUri(WAVE), dataUri(Buffer.from('GIF88a')));
    const { images, leftOut } = await collectImages(tree, undefined);
    expect(images.map((image) => image.name)).toEqual(['image-1.png', 'image-2.jpg', 'image-3.gif', 'image-4.gif', 'image-5.webp']);
    expect(leftOut).toEqual(['2 images in a format browsers cannot show (such as EMF or TIFF): save as PNG and add by hand']);
  });

  it('reads percent-encoded data, files next to the document with a query or fragment, and no broken address', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'media'));
    writeFileSync(join(dir, 'media/a b.png'), PNG);
    const percent = `data:image/png,${[...PNG].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')}`;
    const { images, leftOut } = await collectImages(imageTree(percent, 'media/a%20b.png?v=2#top', 'data:image/png;base64', 'media/%E0%A4%A.png', ''), dir);
    expect(images).toEqual([
      { name: 'image-1.png', bytes: PNG },
      { name: 'image-2.png', bytes: PNG },
    ]);
    expect(leftOut).toEqual(['3 images whose file was not found next to the document']);
  });

  it('leaves images on the web for the editor, whatever the case of the address, and says how many', async () => {
    expect((await collectImages(imageTree('HTTP://a.test/x.png', 'https://a.test/y.png'), folder())).leftOut).toEqual(['2 images on the web (save them beside the policy and add them by hand)']);
    expect((await collectImages(imageTree('https://a.test/y.png'), folder())).leftOut).toEqual(['1 image on the web (save it beside the policy and add it by hand)']);
  });

  it('asks for descriptions of images that have none', async () => {
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'image', url: `data:;base64,${PNG.toString('base64')}`, alt: '' }, { type: 'image', url: `data:;base64,${PNG.toString('base64')}`, alt: null }] }] };
    expect((await collectImages(tree, undefined)).leftOut).toEqual(['a description for 2 images: write what they show between the brackets of `![]`']);
  });
});

describe('importing one document', () => {
  const request = (absolutePath: string) => ({ absolutePath, shownPath: 'shown.docx', owner: '@acme/leads', today: '2026-11-23', contentDir: 'docs/content' });

  it('puts the policy in the content folder the settings name', async () => {
    const path = join(folder(), 'x.txt');
    writeFileSync(path, 'Refunds\n\nGive the money back.');
    expect((await importDocument(request(path))).policyPath).toBe('docs/content/policies/refunds.mdx');
  });

  it('says why a file cannot be read', async () => {
    const dir = folder();
    await expect(importDocument(request(join(dir, 'missing.docx')))).rejects.toThrow(new UsageError('Cannot read shown.docx: the file does not exist. Check the path.'));
    mkdirSync(join(dir, 'folder.docx'));
    await expect(importDocument(request(join(dir, 'folder.docx')))).rejects.toThrow(/^Cannot read shown\.docx: Error: EISDIR/);
    const empty = join(dir, 'empty.docx');
    writeFileSync(empty, '');
    const error = await importDocument(request(empty)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).file).toBe('shown.docx');
  });

  it('names the file after the file name when the title has no letters it can use, else imported-policy', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'Rules-2026.txt'), '日本語\n\nText here.');
    expect((await importDocument(request(join(dir, 'Rules-2026.txt')))).policyPath).toBe('docs/content/policies/rules-2026.mdx');
    writeFileSync(join(dir, '規則.txt'), '日本語\n\nText here.');
    expect((await importDocument(request(join(dir, '規則.txt')))).policyPath).toBe('docs/content/policies/imported-policy.mdx');
  });

  it('keeps a 60-letter slug whole, and cuts a longer one at its last hyphen, or at 60 when it has none', () => {
    const sixty = 'a'.repeat(28) + '-' + 'b'.repeat(31);
    expect(policySlug(sixty)).toBe(sixty);
    expect(policySlug(`${sixty}c`)).toBe('a'.repeat(28));
    expect(policySlug('x'.repeat(70))).toBe('x'.repeat(60));
  });
});
