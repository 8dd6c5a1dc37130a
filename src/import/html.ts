/**
 * HTML in: Google Docs' "Web page" export, Word's "Save as Web Page", or any plain HTML. Each
 * editor's export has its own habits (Google styles bold with CSS classes and flattens nested
 * lists; Word writes list bullets as text inside conditional comments); those are undone here so
 * the rest of the import sees ordinary HTML.
 */
import { dirname } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { SourceDocument } from './document.ts';
import { isGoogleDocsExport, normaliseGoogleDocs } from './google-docs.ts';
import { checkLimit, checkText, IMPORT_LIMITS, type ImportLimits } from './limits.ts';
import { measureHtml } from './measure-html.ts';
import { isWordExport, normaliseWordHtml } from './word-html.ts';

export function parseHtml(html: string): Root {
  return fromHtml(html);
}

export function readHtml(bytes: Buffer, { absolutePath, shownPath = absolutePath, limits = IMPORT_LIMITS }: { absolutePath: string; shownPath?: string; limits?: ImportLimits }): SourceDocument {
  const html = decodeHtml(bytes);
  checkHtml(shownPath, limits, html);
  const tree = parseHtml(html);
  const leftOut = isGoogleDocsExport(tree) ? normaliseGoogleDocs(tree) : isWordExport(tree) ? normaliseWordHtml(tree) : [];
  const title = select('head > title', tree) as Element | undefined;
  return { tree, metadataTitle: title ? toString(title).trim() || undefined : undefined, baseFolder: dirname(absolutePath), leftOut };
}

/** The limits, measured on the tags before parse5 and the tree walks see them. */
export function checkHtml(file: string, limits: ImportLimits, html: string): void {
  const measured = measureHtml(html);
  checkText(file, limits, measured.text);
  checkLimit(file, limits, 'elements', measured.elements, 'HTML elements');
  checkLimit(file, limits, 'depth', measured.depth, 'HTML elements inside each other');
}

/**
 * Word saves web pages as windows-1252 unless told otherwise, and says so in a `<meta>`; Google
 * Docs writes UTF-8. A byte-order mark or the declared charset decides; UTF-8 otherwise.
 */
export function decodeHtml(bytes: Buffer): string {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
