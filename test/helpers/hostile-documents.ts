/**
 * Documents built to exhaust an importer, made at test time (nothing big is committed): the four
 * a reviewer measured (a .docx that unpacks to 1.5 GB, HTML nested 200,000 deep, a Markdown list
 * nested 3,000 deep, 16 MB of text), and the archives the .docx checks are about (too many parts,
 * padding to an exact size, a part that lies about its size). The archives are written here
 * byte by byte, so a test can say exactly what each header states.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

export interface ZipEntry {
  name: string;
  /** The bytes as stored (deflated unless `stored`). */
  data: Buffer;
  /** What the archive says the entry unpacks to. */
  size: number;
  crc: number;
  stored?: boolean;
}

export function deflatedEntry(name: string, content: Buffer): ZipEntry {
  return { name, data: deflateRawSync(content), size: content.length, crc: crc32(content) };
}

/** A zip archive with a local header per entry and a central directory, as Word writes them. */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const method = entry.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, entry.data);
    directory.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const centralDirectory = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, centralDirectory, end]);
}

const WORD_XML_START = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Zip bomb</w:t></w:r></w:p>';

/**
 * A .docx whose `word/document.xml` unpacks to `bytes` of empty paragraphs (1.5 GB from about
 * 2 MB), made in milliseconds: one 64 KB block is deflated with a full flush, which leaves the
 * compressor as it started, so the same compressed block repeated is a valid stream of the
 * block repeated. The CRC is left at 0: nothing may inflate the part to check it.
 */
export function zipBombDocx(bytes: number): Buffer {
  const start = Buffer.from(WORD_XML_START);
  const block = Buffer.from('<w:p/>'.repeat(10_000));
  const repeats = Math.floor((bytes - start.length) / block.length);
  const tail = Buffer.alloc(bytes - start.length - repeats * block.length, ' ');
  const flushed = (content: Buffer) => deflateRawSync(content, { finishFlush: constants.Z_FULL_FLUSH });
  const repeated = flushed(block);
  const data = Buffer.concat([flushed(start), ...Array.from({ length: repeats }, () => repeated), deflateRawSync(tail)]);
  return zipArchive([{ name: 'word/document.xml', data, size: bytes, crc: 0 }]);
}

/**
 * A real Word document with more parts added: `padTo` bytes unpacked in all (a part of zeros
 * fills the difference; mammoth never reads it), or `parts` entries in all (empty parts).
 */
export async function paddedDocx(document: Buffer, { padTo, parts }: { padTo?: number; parts?: number }): Promise<Buffer> {
  const zip = await JSZip.loadAsync(document);
  const entries: ZipEntry[] = [];
  for (const file of Object.values(zip.files).filter((entry) => !entry.dir)) entries.push(deflatedEntry(file.name, await file.async('nodebuffer')));
  const unpacked = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (padTo !== undefined) entries.push(deflatedEntry('word/media/padding.bin', Buffer.alloc(padTo - unpacked)));
  for (let index = entries.length; index < (parts ?? 0); index++) entries.push(deflatedEntry(`customXml/empty${index}.bin`, Buffer.alloc(0)));
  return zipArchive(entries);
}

/** A real Word document one of whose parts unpacks to more than the archive says. */
export async function lyingDocx(document: Buffer, part: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(document);
  const entries: ZipEntry[] = [];
  for (const file of Object.values(zip.files).filter((entry) => !entry.dir)) {
    const entry = deflatedEntry(file.name, await file.async('nodebuffer'));
    entries.push(file.name === part ? { ...entry, size: 10 } : entry);
  }
  return zipArchive(entries);
}

/** HTML with `levels` `<div>`s inside each other (200,000: 2.2 MB). */
export function nestedHtml(levels: number): string {
  return `${'<div>'.repeat(levels)}Deep${'</div>'.repeat(levels)}`;
}

/** A Markdown list nested `levels` deep, two spaces a level (3,000: 9 MB). */
export function nestedMarkdownList(levels: number): string {
  const lines = ['# Deep list', ''];
  for (let level = 0; level < levels; level++) lines.push(`${' '.repeat(2 * level)}- item ${level}`);
  return `${lines.join('\n')}\n`;
}

const WORDS = 'we you the customer staff call phone email chat help ask answer say sorry listen note check order refund return store team day week'.split(' ');

/** Plain text of `paragraphs` paragraphs of 150 words (about 800 bytes), after a title line (20,000: 16 MB). */
export function longPlainText(paragraphs: number): string {
  const blocks = ['Big policy'];
  let next = 0;
  for (let paragraph = 0; paragraph < paragraphs; paragraph++) {
    const sentences: string[] = [];
    for (let sentence = 0; sentence < 15; sentence++) {
      const words = Array.from({ length: 10 }, () => WORDS[next++ % WORDS.length] as string);
      sentences.push(`${words.join(' ').replace(/^./, (letter) => letter.toUpperCase())}.`);
    }
    blocks.push(sentences.join(' '));
  }
  return blocks.join('\n\n');
}

/** Text of exactly `words` words as the import counts them: a title line, then `word` repeated. */
export function textOfWords(words: number): string {
  return `Title\n\n${'word '.repeat(words - 1).trimEnd()}.`;
}
