/**
 * Word (.docx) in: mammoth turns the document body into clean HTML (headings from Word's heading
 * styles, lists from Word's numbering, tables, links, images as data URIs). What mammoth drops on
 * purpose (comments, deleted text of tracked changes, headers and footers) is counted from the
 * package itself, so the summary can say what was left out.
 */
import { decodeXML } from 'entities';
import type JSZip from 'jszip';
import mammoth from 'mammoth';
import { ContentError } from '../errors/index.ts';
import type { SourceDocument } from './document.ts';
import { plural } from '../text/plural.ts';
import { openWordPackage } from './docx-package.ts';
import { parseHtml } from './html.ts';
import { IMPORT_LIMITS, type ImportLimits } from './limits.ts';

/**
 * Word's Title and Subtitle styles are paragraphs to mammoth; the title is the page's title and
 * a subtitle reads as an introduction. Unknown styles fall back to plain paragraphs.
 */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

export async function readDocx(bytes: Buffer, { shownPath: file, limits = IMPORT_LIMITS }: { shownPath: string; limits?: ImportLimits }): Promise<SourceDocument> {
  const zip = await openWordPackage(file, bytes, limits);
  const inventory = await leftOutParts(zip);
  let html: string;
  let warnings: string[];
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP });
    html = result.value;
    warnings = result.messages.map((message) => message.message);
  } catch (error) {
    throw new ContentError(
      `Cannot read ${file}: ${oneLine(error)}. The file is not a Word document Plainbook can read: open it in Word or Google Docs and save it again as .docx.`,
      { file, cause: error },
    );
  }
  return {
    tree: parseHtml(html),
    metadataTitle: await coreTitle(zip),
    baseFolder: undefined,
    leftOut: [...inventory, ...unknownStyles(warnings)],
  };
}

/** The XML parser's messages run over several lines with tabs; the first line says what broke. */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').replace(/\s+/g, ' ').trim();
}

async function partText(zip: JSZip, path: string): Promise<string> {
  return (await zip.file(path)?.async('string')) ?? '';
}

function count(xml: string, pattern: RegExp): number {
  return xml.match(pattern)?.length ?? 0;
}

/** What is in the package but not in the body mammoth reads. */
async function leftOutParts(zip: JSZip): Promise<string[]> {
  const body = await partText(zip, 'word/document.xml');
  const comments = count(await partText(zip, 'word/comments.xml'), /<w:comment\b/g);
  const insertions = count(body, /<w:ins\b/g);
  const deletions = count(body, /<w:del\b/g);
  const headers = await textParts(zip, /^word\/header\d*\.xml$/);
  const footers = await textParts(zip, /^word\/footer\d*\.xml$/);
  const notes: string[] = [];
  if (comments > 0) notes.push(plural(comments, 'comment'));
  if (insertions + deletions > 0) {
    notes.push(`${plural(insertions + deletions, 'tracked change')} (imported as if accepted: ${plural(insertions, 'insertion')} kept, ${plural(deletions, 'deletion')} left out)`);
  }
  if (headers.length > 0) notes.push(`${plural(headers.length, 'header')}${headers.some(hasPageNumber) ? ' with page numbers' : ''}`);
  if (footers.length > 0) notes.push(`${plural(footers.length, 'footer')}${footers.some(hasPageNumber) ? ' with page numbers' : ''}`);
  return notes;
}

/** Header or footer parts that show something (Word writes empty ones too). */
async function textParts(zip: JSZip, name: RegExp): Promise<string[]> {
  const parts = await Promise.all(zip.file(name).map((entry) => entry.async('string')));
  return parts.filter((xml) => /<w:t\b[^>]*>[^<]*[^<\s]|<w:fldSimple\b|<w:instrText\b/.test(xml));
}

function hasPageNumber(xml: string): boolean {
  return /\bPAGE\b/.test(xml);
}

/** `docProps/core.xml`'s `dc:title`: the title set in File > Properties. */
async function coreTitle(zip: JSZip): Promise<string | undefined> {
  const match = /<dc:title>([^<]*)<\/dc:title>/.exec(await partText(zip, 'docProps/core.xml'));
  const title = match?.[1] ? decodeXML(match[1]).trim() : '';
  return title || undefined;
}

/** mammoth warns once per paragraph; the editor needs each style once. */
function unknownStyles(warnings: readonly string[]): string[] {
  const styles = new Set<string>();
  for (const warning of warnings) {
    const match = /Unrecognised (?:paragraph|run) style: '([^']*)'/.exec(warning);
    if (match?.[1]) styles.add(match[1]);
  }
  return styles.size === 0 ? [] : [`the look of ${plural(styles.size, 'custom style')} (${[...styles].map((style) => `"${style}"`).join(', ')}): imported as plain paragraphs`];
}
