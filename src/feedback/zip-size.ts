/**
 * How big a zip file (an `.xlsx` workbook) says its parts are once unpacked, read from its central
 * directory without unpacking anything: the guard that runs before a workbook is parsed.
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff;
/** Zip64 writes this where a size does not fit in 32 bits; no form export needs zip64. */
const ZIP64 = 0xffffffff;

/**
 * The sum of the unpacked sizes of the entries, `Infinity` for a zip64 archive, or undefined
 * when `bytes` is not a zip file.
 */
export function unzippedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end === undefined) return undefined;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let entry = 0; entry < entries; entry++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== DIRECTORY_ENTRY) return undefined;
    const size = view.getUint32(offset + 24, true);
    if (size === ZIP64) return Infinity;
    total += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

function findEnd(view: DataView): number | undefined {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - END_SEARCH); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return undefined;
}
