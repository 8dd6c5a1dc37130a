/**
 * A .docx is a zip archive of XML parts and pictures. Before mammoth reads it, the archive is
 * measured without trusting it: how many parts (counted in the raw bytes, before jszip makes an
 * object for each), how much they unpack to (as the central directory states it: nothing is
 * inflated to find out), whether that statement is true (each part inflated once with its stated
 * size as a hard cap, so a part that lies stops there), and how many XML elements, how deep and
 * how many words the XML holds.
 *
 * The sizes come from jszip's own reading of the central directory (its `_data`, private but
 * described in jszip's index.d.ts): mammoth opens the file with the same jszip, so the size
 * checked is the size mammoth will inflate. A second reader of the directory could be fooled by a
 * crafted archive into seeing other entries than jszip does.
 */
import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { ContentError } from '../errors/index.ts';
import { checkLimit, type ImportLimits } from './limits.ts';
import { markupTokens } from './markup-tokens.ts';
import { TextTally } from './measure-text.ts';

// A .docx is a zip archive; Word's encrypted files and old .doc files are OLE compound files.
const ZIP_SIGNATURE = Buffer.from('504b0304', 'hex');
const OLE_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
/** Every entry of the central directory starts with this; jszip reads entries while they do. */
const CENTRAL_ENTRY_SIGNATURE = Buffer.from('504b0102', 'hex');
/** The parts whose text becomes the policy (comments and headers are left out). */
const BODY_PARTS = new Set(['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']);
/** Word XML that ends a word: a paragraph's end, a tab, a line break. */
const WORD_BREAKS = new Set(['w:p', 'w:tab', 'w:br', 'w:cr']);

/** jszip's entry before it is inflated (described in jszip's index.d.ts as `CompressedObject`). */
interface CompressedObject {
  uncompressedSize: number;
  compressedContent: Uint8Array;
  compression: { magic: string };
}

export async function openWordPackage(file: string, bytes: Buffer, limits: ImportLimits): Promise<JSZip> {
  checkSignature(file, bytes);
  checkLimit(file, limits, 'parts', countOccurrences(bytes, CENTRAL_ENTRY_SIGNATURE));
  const zip = await loadArchive(file, bytes);
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  checkLimit(file, limits, 'unpackedBytes', entries.reduce((sum, entry) => sum + statedSize(entry), 0));
  const xml = { elements: 0, depth: 0, text: new TextTally() };
  for (const entry of entries) {
    const content = inflateWithin(file, entry);
    if (!/\.(xml|rels)$/i.test(entry.name)) continue;
    const measured = measureWordXml(content.toString('utf8'), BODY_PARTS.has(entry.name) ? xml.text : undefined);
    xml.elements += measured.elements;
    xml.depth = Math.max(xml.depth, measured.depth);
  }
  checkLimit(file, limits, 'words', xml.text.words);
  checkLimit(file, limits, 'characters', xml.text.characters);
  checkLimit(file, limits, 'elements', xml.elements, 'XML elements (paragraphs, runs of text and their formatting)');
  checkLimit(file, limits, 'depth', xml.depth, 'XML elements inside each other');
  return zip;
}

function checkSignature(file: string, bytes: Buffer): void {
  if (bytes.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    throw new ContentError(
      `Cannot read ${file}: it is protected with a password, or it is an old Word 97-2003 document saved with a .docx name. Open it in Word, remove the password (File > Info > Protect Document) or save it as a Word Document (.docx), then import it again.`,
      { file },
    );
  }
  if (!bytes.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) {
    throw new ContentError(`Cannot read ${file}: it is not a Word document (a .docx file is a zip archive, and this one is not). The file may be damaged or have the wrong extension: open it in Word and save it again as .docx.`, { file });
  }
}

async function loadArchive(file: string, bytes: Buffer): Promise<JSZip> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    if (!zip.file('word/document.xml')) throw new Error('it has no word/document.xml');
    return zip;
  } catch (error) {
    throw damaged(file, error instanceof Error ? error.message : String(error), error);
  }
}

function damaged(file: string, reason: string, cause?: unknown): ContentError {
  return new ContentError(`Cannot read ${file}: the archive is damaged (${reason}). Open it in Word and save it again as .docx.`, { file, cause });
}

/** An upper bound on the entries jszip will read: signatures found anywhere in the file. */
function countOccurrences(bytes: Buffer, signature: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(signature); at !== -1; at = bytes.indexOf(signature, at + signature.length)) count++;
  return count;
}

function compressed(entry: JSZip.JSZipObject): CompressedObject | undefined {
  const data = (entry as unknown as { _data?: unknown })._data;
  return typeof data === 'object' && data !== null && 'uncompressedSize' in data ? (data as CompressedObject) : undefined;
}

/** An empty entry has no compressed object; jszip keeps an empty string. */
function statedSize(entry: JSZip.JSZipObject): number {
  return compressed(entry)?.uncompressedSize ?? 0;
}

/**
 * The entry's bytes, inflated with its stated size as the most zlib may produce: an entry that
 * unpacks to more than the directory says is refused when zlib reaches the stated size, not after
 * it has filled the memory.
 */
function inflateWithin(file: string, entry: JSZip.JSZipObject): Buffer {
  const data = compressed(entry);
  if (!data) return Buffer.alloc(0);
  const stored = Buffer.from(data.compressedContent.buffer, data.compressedContent.byteOffset, data.compressedContent.byteLength);
  let content: Buffer;
  try {
    content = data.compression.magic === '\x00\x00' ? stored : inflateRawSync(stored, { maxOutputLength: Math.max(1, data.uncompressedSize) });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'unpacks to more than its archive says' : (error as Error).message;
    throw damaged(file, `${entry.name} ${reason}`, error);
  }
  if (content.length !== data.uncompressedSize) throw damaged(file, `${entry.name} unpacks to ${content.length} bytes, not the ${data.uncompressedSize} its archive says`);
  return content;
}

/** Elements, nesting and (for the parts that hold the text) words of one Word XML part. */
export function measureWordXml(xml: string, text: TextTally | undefined): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  let inText = false;
  for (const token of markupTokens(xml)) {
    if (token.type === 'text') {
      if (inText) text?.add(token.value);
      continue;
    }
    if (WORD_BREAKS.has(token.name)) text?.pause();
    inText = token.type === 'start' && token.name === 'w:t' && !token.selfClosing;
    if (token.type === 'end') depth = Math.max(0, depth - 1);
    else {
      elements++;
      if (!token.selfClosing) deepest = Math.max(deepest, ++depth);
    }
  }
  return { elements, depth: deepest };
}
