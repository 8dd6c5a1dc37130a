import { mkdirSync, mkdtempSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadingLevel, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { runToExitCode } from '../../src/cli/run-cli.ts';
import { ContentError } from '../../src/errors/index.ts';
import { importCli } from '../../src/import/cli.ts';
import { openWordPackage } from '../../src/import/docx-package.ts';
import { readDocx } from '../../src/import/docx.ts';
import { checkHtml, readHtml } from '../../src/import/html.ts';
import { importDocument } from '../../src/import/import-document.ts';
import { bytes, IMPORT_LIMITS, ImportLimitError } from '../../src/import/limits.ts';
import { measureText } from '../../src/import/measure-text.ts';
import { readMarkdown, readPlainText } from '../../src/import/text.ts';
import { wordDocument } from '../helpers/documents.ts';
import { longPlainText, lyingDocx, nestedHtml, nestedMarkdownList, paddedDocx, textOfWords, zipBombDocx } from '../helpers/hostile-documents.ts';
import { createTempProject } from '../helpers/temp-project.ts';

async function run(root: string, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { root, cwd: root, env: {}, interactive: false, stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text) };
  const code = await runToExitCode(() => importCli(argv, io), (text) => (stderr += text));
  return { code, stdout, stderr };
}

function contentFiles(root: string): string[] {
  return readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' }).sort();
}

/** What a reader threw, or undefined if it read the document. */
async function refusal(read: () => unknown): Promise<ImportLimitError | undefined> {
  try {
    await read();
    return undefined;
  } catch (error) {
    if (error instanceof ImportLimitError) return error;
    throw error;
  }
}

const fields = (error: ImportLimitError | undefined) => error && { file: error.file, limit: error.limit, found: error.found, allowed: error.allowed };

const policy = () => wordDocument([new Paragraph({ text: 'Refunds', heading: HeadingLevel.TITLE }), new Paragraph('Give the money back.')]);

const MB = 1024 * 1024;

describe('import limits: the hostile documents', () => {
  it('refuses each with its name, the limit and the number found, exit 1, and writes nothing', async () => {
    const project = createTempProject({});
    writeFileSync(join(project.dir, 'bomb.docx'), zipBombDocx(1.5 * 1024 * MB));
    writeFileSync(join(project.dir, 'nested.html'), nestedHtml(200_000));
    writeFileSync(join(project.dir, 'deep.md'), nestedMarkdownList(3000));
    writeFileSync(join(project.dir, 'big.txt'), longPlainText(20_000));
    const refused: string[] = [];
    for (const file of ['bomb.docx', 'nested.html', 'deep.md', 'big.txt']) {
      const result = await run(project.dir, [file, '--owner', '@acme/leads']);
      expect(result.code).toBe(1);
      refused.push(result.stderr);
    }
    expect(refused.join('')).toMatchInlineSnapshot(`
      "Cannot import bomb.docx: the document unpacks to 1.5 GB; Plainbook imports documents up to 50 MB unpacked. Split it into smaller documents and import each.
      Cannot import nested.html: the document nests HTML elements inside each other 200,000 levels deep; Plainbook imports documents nested up to 100 levels. Check that this is the right file: a policy nests lists a few levels at most.
      Cannot import deep.md: the document nests lists and quotes inside each other 3,000 levels deep; Plainbook imports documents nested up to 100 levels. Check that this is the right file: a policy nests lists a few levels at most.
      Cannot import big.txt: the document has 3,000,002 words; Plainbook imports documents of up to 100,000 words (about 200 pages). Split it into smaller documents and import each.
      "
    `);
    expect(contentFiles(project.dir)).toEqual(['goals.yml']);
  });

  it('says which limit, what was found and what is allowed, on the error', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'plainbook-limits-'));
    writeFileSync(join(folder, 'bomb.docx'), zipBombDocx(1.5 * 1024 * MB));
    const request = { absolutePath: join(folder, 'bomb.docx'), shownPath: 'bomb.docx', owner: '@a', today: '2026-01-05', contentDir: 'content' };
    const error = await refusal(() => importDocument(request));
    expect(error).toBeInstanceOf(ContentError);
    expect(fields(error)).toEqual({ file: 'bomb.docx', limit: 'unpackedBytes', found: 1.5 * 1024 * MB, allowed: 50 * MB });
  });
});

describe('import limits: exactly at each limit passes, one over is refused', () => {
  it('file size, checked before the file is read', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'plainbook-limits-'));
    const file = join(folder, 'zeros.txt');
    writeFileSync(file, '');
    truncateSync(file, IMPORT_LIMITS.fileBytes);
    const request = { absolutePath: file, shownPath: 'zeros.txt', owner: '@a', today: '2026-01-05', contentDir: 'content' };
    // At the limit the file is read, and refused for what it holds instead.
    expect((await refusal(() => importDocument(request)))?.limit).toBe('characters');
    truncateSync(file, IMPORT_LIMITS.fileBytes + 1);
    const over = await refusal(() => importDocument(request));
    expect(fields(over)).toEqual({ file: 'zeros.txt', limit: 'fileBytes', found: 50 * MB + 1, allowed: 50 * MB });
    expect(over?.message).toMatchInlineSnapshot(`"Cannot import zeros.txt: the file is 52,428,801 bytes; Plainbook imports files up to 52,428,800 bytes (50 MB). Make its pictures smaller (Word: Picture Format > Compress Pictures), or split it into smaller documents."`);
  });

  it('a .docx unpacked size, from the central directory', async () => {
    const document = await policy();
    const atLimit = await paddedDocx(document, { padTo: IMPORT_LIMITS.unpackedBytes });
    expect((await readDocx(atLimit, { shownPath: 'a.docx' })).tree.children.length).toBeGreaterThan(0);
    const over = await refusal(() => readDocx(zipBombDocx(IMPORT_LIMITS.unpackedBytes + 1), { shownPath: 'bomb.docx' }));
    expect(fields(over)).toEqual({ file: 'bomb.docx', limit: 'unpackedBytes', found: 50 * MB + 1, allowed: 50 * MB });
    expect(over?.message).toMatchInlineSnapshot(`"Cannot import bomb.docx: the document unpacks to 52,428,801 bytes; Plainbook imports documents up to 52,428,800 bytes (50 MB) unpacked. Split it into smaller documents and import each."`);
  });

  it('a .docx part that unpacks to more than its archive says is refused as damaged', async () => {
    const lying = await lyingDocx(await policy(), 'word/document.xml');
    await expect(readDocx(lying, { shownPath: 'lies.docx' })).rejects.toThrowErrorMatchingInlineSnapshot(`[ContentError: Cannot read lies.docx: the archive is damaged (word/document.xml unpacks to more than its archive says). Open it in Word and save it again as .docx.]`);
  });

  it('a .docx number of parts, counted before the archive is opened', async () => {
    const document = await policy();
    expect((await readDocx(await paddedDocx(document, { parts: IMPORT_LIMITS.parts }), { shownPath: 'a.docx' })).tree.children.length).toBeGreaterThan(0);
    const tooMany = await paddedDocx(document, { parts: IMPORT_LIMITS.parts + 1 });
    const over = await refusal(() => readDocx(tooMany, { shownPath: 'parts.docx' }));
    expect(fields(over)).toEqual({ file: 'parts.docx', limit: 'parts', found: 5001, allowed: 5000 });
    expect(over?.message).toMatchInlineSnapshot(`"Cannot import parts.docx: the archive holds 5,001 parts; Plainbook imports Word documents of up to 5,000 parts (a document has about 15, plus one per picture). Open it in Word and save it again as .docx, or split it into smaller documents."`);
  });

  it('words and characters of text', () => {
    expect(measureText(textOfWords(IMPORT_LIMITS.words)).words).toBe(IMPORT_LIMITS.words);
    expect(readPlainText(textOfWords(IMPORT_LIMITS.words), { shownPath: 'long.txt' }).tree.children).toHaveLength(2);
    const words = () => readPlainText(textOfWords(IMPORT_LIMITS.words + 1), { shownPath: 'long.txt' });
    expect(words).toThrow(ImportLimitError);
    expect(words).toThrowErrorMatchingInlineSnapshot(`[ImportLimitError: Cannot import long.txt: the document has 100,001 words; Plainbook imports documents of up to 100,000 words (about 200 pages). Split it into smaller documents and import each.]`);

    const dots = (count: number) => `Title\n\n${'.'.repeat(count)}`;
    expect(measureText(dots(IMPORT_LIMITS.characters - 6)).characters).toBe(IMPORT_LIMITS.characters);
    expect(readPlainText(dots(IMPORT_LIMITS.characters - 6), { shownPath: 'dots.txt' }).tree.children).toHaveLength(2);
    expect(() => readPlainText(dots(IMPORT_LIMITS.characters - 5), { shownPath: 'dots.txt' })).toThrowErrorMatchingInlineSnapshot(`[ImportLimitError: Cannot import dots.txt: the document has 1,000,001 characters; Plainbook imports documents of up to 1,000,000 characters, spaces included. Split it into smaller documents and import each.]`);
  });

  it('nesting of Markdown lists, and of HTML elements', () => {
    expect(readMarkdown('/docs/deep.md', nestedMarkdownList(IMPORT_LIMITS.depth), { shownPath: 'deep.md' }).tree.children.length).toBeGreaterThan(0);
    expect(() => readMarkdown('/docs/deep.md', nestedMarkdownList(IMPORT_LIMITS.depth + 1), { shownPath: 'deep.md' })).toThrowErrorMatchingInlineSnapshot(`[ImportLimitError: Cannot import deep.md: the document nests lists and quotes inside each other 101 levels deep; Plainbook imports documents nested up to 100 levels. Check that this is the right file: a policy nests lists a few levels at most.]`);
    const html = (levels: number) => Buffer.from(nestedHtml(levels));
    expect(readHtml(html(IMPORT_LIMITS.depth), { absolutePath: '/docs/deep.html', shownPath: 'deep.html' }).tree.children.length).toBeGreaterThan(0);
    expect(() => readHtml(html(IMPORT_LIMITS.depth + 1), { absolutePath: '/docs/deep.html', shownPath: 'deep.html' })).toThrowErrorMatchingInlineSnapshot(`[ImportLimitError: Cannot import deep.html: the document nests HTML elements inside each other 101 levels deep; Plainbook imports documents nested up to 100 levels. Check that this is the right file: a policy nests lists a few levels at most.]`);
    // Raw HTML in Markdown is parsed too.
    expect(() => readMarkdown('/docs/raw.md', nestedHtml(IMPORT_LIMITS.depth + 1), { shownPath: 'raw.md' })).toThrow(/nests HTML elements inside each other 101 levels deep/);
  });

  it('elements of HTML', () => {
    expect(() => checkHtml('many.html', IMPORT_LIMITS, '<p></p>'.repeat(IMPORT_LIMITS.elements))).not.toThrow();
    expect(() => checkHtml('many.html', IMPORT_LIMITS, '<p></p>'.repeat(IMPORT_LIMITS.elements + 1))).toThrowErrorMatchingInlineSnapshot(`[ImportLimitError: Cannot import many.html: the document is made of 250,001 HTML elements; Plainbook imports documents of up to 250,000. Split it into smaller documents and import each.]`);
  });

  it('elements, nesting and words of Word XML (with the limit set to what this document has)', async () => {
    const document = await policy();
    const measured = { ...IMPORT_LIMITS, elements: 0, depth: 0, words: 0 };
    const over = async (limit: 'elements' | 'depth' | 'words') => refusal(() => openWordPackage('a.docx', document, { ...IMPORT_LIMITS, [limit]: 0 }));
    for (const limit of ['elements', 'depth', 'words'] as const) measured[limit] = (await over(limit))?.found ?? 0;
    expect(measured.words).toBe(5);
    await expect(openWordPackage('a.docx', document, measured)).resolves.toBeDefined();
    for (const limit of ['elements', 'depth', 'words'] as const) {
      expect((await refusal(() => openWordPackage('a.docx', document, { ...measured, [limit]: measured[limit] - 1 })))?.limit).toBe(limit);
    }
  });
});

describe('import limits: a folder', () => {
  async function folderProject() {
    const project = createTempProject({});
    mkdirSync(join(project.dir, 'docs'));
    writeFileSync(join(project.dir, 'docs/good.txt'), 'Greeting\n\nSay hello.');
    writeFileSync(join(project.dir, 'docs/nested.html'), nestedHtml(IMPORT_LIMITS.depth + 1));
    return project;
  }

  it('writes nothing when one document is over a limit', async () => {
    const project = await folderProject();
    const result = await run(project.dir, ['docs', '--owner', '@acme/leads']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatchInlineSnapshot(`
      "[1/2] docs/good.txt
      [2/2] docs/nested.html
      Cannot import 1 of 2 documents, so nothing was written:
      - Cannot import docs/nested.html: the document nests HTML elements inside each other 101 levels deep; Plainbook imports documents nested up to 100 levels. Check that this is the right file: a policy nests lists a few levels at most.
      Fix these documents or leave them out, then run the import again.
      "
    `);
    expect(contentFiles(project.dir)).toEqual(['goals.yml']);
  });

  it('imports the others with --keep-going, names the one left out, and exits 1', async () => {
    const project = await folderProject();
    const result = await run(project.dir, ['docs', '--owner', '@acme/leads', '--keep-going']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Imported 1 document as draft policy.');
    expect(result.stderr).toMatchInlineSnapshot(`
      "[1/2] docs/good.txt
      [2/2] docs/nested.html
      Imported 1 of 2 documents; left out 1 that cannot be imported:
      - Cannot import docs/nested.html: the document nests HTML elements inside each other 101 levels deep; Plainbook imports documents nested up to 100 levels. Check that this is the right file: a policy nests lists a few levels at most.
      Fix it, then import it again.
      "
    `);
    expect(contentFiles(project.dir)).toEqual(['goals.yml', 'policies', 'policies/greeting.mdx']);
    const dryRun = await run(project.dir, ['docs', '--owner', '@acme/leads', '--keep-going', '--dry-run', '--force']);
    expect(dryRun.stderr).toContain('Would import 1 of 2 documents; left out 1 that cannot be imported:');
  });

  it('still writes nothing with --keep-going when every document is refused', async () => {
    const project = createTempProject({});
    mkdirSync(join(project.dir, 'docs'));
    writeFileSync(join(project.dir, 'docs/a.html'), nestedHtml(IMPORT_LIMITS.depth + 1));
    writeFileSync(join(project.dir, 'docs/b.txt'), textOfWords(IMPORT_LIMITS.words + 1));
    const result = await run(project.dir, ['docs', '--owner', '@acme/leads', '--keep-going']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot import 2 of 2 documents, so nothing was written:');
    expect(contentFiles(project.dir)).toEqual(['goals.yml']);
  });
});

describe('import limits: last resorts and wording', () => {
  it('refuses, not crashes, a document nested deeper than the tree walks can go', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'plainbook-limits-'));
    writeFileSync(join(folder, 'deep.html'), nestedHtml(100_000));
    const request = { absolutePath: join(folder, 'deep.html'), shownPath: 'deep.html', owner: '@a', today: '2026-01-05', contentDir: 'content', limits: { ...IMPORT_LIMITS, depth: 1_000_000 } };
    await expect(importDocument(request)).rejects.toThrowErrorMatchingInlineSnapshot(`[ContentError: Cannot import deep.html: it nests too deep to read (deeper than its tags show; Plainbook imports documents nested up to 1,000,000 levels). Check that this is the right file: a policy nests lists a few levels at most.]`);
  });

  it('shows sizes as people read them, and to the byte when that would show two sizes the same', () => {
    expect([bytes(1.5 * 1024 * MB), bytes(50 * MB), bytes(900 * 1024), bytes(12)]).toEqual(['1.5 GB', '50 MB', '900 KB', '12 bytes']);
  });
});
