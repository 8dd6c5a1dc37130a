/**
 * Images in an imported document are saved beside the policy (`content/policies/<slug>/`), where
 * Astro's image pipeline picks them up from a relative address. Only formats browsers show are
 * kept, recognised by their bytes, not their name; images on the web are left for the editor
 * (the import never goes online), as are local files outside the document's folder.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Image, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { plural } from '../text/plural.ts';

export interface SavedImage {
  /** File name inside the policy's image folder. */
  name: string;
  bytes: Buffer;
}

const SIGNATURES: { extension: string; matches: (bytes: Buffer) => boolean }[] = [
  { extension: 'png', matches: (bytes) => bytes.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')) },
  { extension: 'jpg', matches: (bytes) => bytes.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex')) },
  { extension: 'gif', matches: (bytes) => /^GIF8[79]a/.test(bytes.subarray(0, 6).toString('latin1')) },
  { extension: 'webp', matches: (bytes) => bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP' },
];

type Outcome = { saved: SavedImage } | { skipped: 'web' | 'missing' | 'format' };

/** Images are named before the policy is: their addresses say `<slug>` until it is known. */
const SLUG_PLACEHOLDER = 'plainbook-policy-slug';

/** The saved images' addresses, once the policy's file name is known. */
export function pointImagesAt(tree: Root, slug: string): void {
  visit(tree, 'image', (image) => {
    image.url = image.url.replace(`./${SLUG_PLACEHOLDER}/`, `./${slug}/`);
  });
}

/**
 * Read each image the tree refers to and point the image at the copy that will be saved; drop
 * the rest. Returns the files to write and, for the summary, what was left out.
 */
export async function collectImages(tree: Root, baseFolder: string | undefined): Promise<{ images: SavedImage[]; leftOut: string[] }> {
  const images: SavedImage[] = [];
  const skipped = { web: 0, missing: 0, format: 0 };
  let undescribed = 0;
  const found: { image: Image; parent: Parent }[] = [];
  visit(tree, 'image', (image, _index, parent) => {
    if (parent) found.push({ image, parent });
  });
  const dropped = new Set<Image>();
  for (const { image } of found) {
    const outcome = await readImage(image.url, baseFolder, `image-${images.length + 1}`);
    if ('saved' in outcome) {
      images.push(outcome.saved);
      image.url = `./${SLUG_PLACEHOLDER}/${outcome.saved.name}`;
      if (!image.alt) undescribed++;
      continue;
    }
    skipped[outcome.skipped]++;
    dropped.add(image);
  }
  // Once per parent: finding and splicing each image out was quadratic in a page of many.
  for (const parent of new Set(found.map((entry) => entry.parent))) {
    if (dropped.size > 0) parent.children = parent.children.filter((child) => !dropped.has(child as Image)) as Parent['children'];
  }
  const leftOut: string[] = [];
  if (skipped.web > 0) leftOut.push(`${plural(skipped.web, 'image')} on the web (save ${skipped.web === 1 ? 'it' : 'them'} beside the policy and add ${skipped.web === 1 ? 'it' : 'them'} by hand)`);
  if (skipped.missing > 0) leftOut.push(`${plural(skipped.missing, 'image')} whose file was not found next to the document`);
  if (skipped.format > 0) leftOut.push(`${plural(skipped.format, 'image')} in a format browsers cannot show (such as EMF or TIFF): save as PNG and add by hand`);
  if (undescribed > 0) leftOut.push(`a description for ${plural(undescribed, 'image')}: write what ${undescribed === 1 ? 'it shows' : 'they show'} between the brackets of \`![]\``);
  return { images, leftOut };
}

async function readImage(url: string, baseFolder: string | undefined, stem: string): Promise<Outcome> {
  if (/^https?:/i.test(url)) return { skipped: 'web' };
  const bytes = url.startsWith('data:') ? await fromDataUrl(url) : fromFolder(url, baseFolder);
  if (!bytes) return { skipped: 'missing' };
  const type = SIGNATURES.find((signature) => signature.matches(bytes));
  return type ? { saved: { name: `${stem}.${type.extension}`, bytes } } : { skipped: 'format' };
}

/** `data:` addresses as the fetch standard reads them (base64 or percent-encoded bytes); no network. */
async function fromDataUrl(url: string): Promise<Buffer | undefined> {
  try {
    return Buffer.from(await (await fetch(url)).arrayBuffer());
  } catch {
    return undefined;
  }
}

/** A relative address inside the document's folder; anything that climbs out of it is not read. */
function fromFolder(url: string, baseFolder: string | undefined): Buffer | undefined {
  if (!baseFolder || /^[a-z][a-z0-9+.-]*:/i.test(url) || isAbsolute(url)) return undefined;
  let path: string;
  try {
    path = resolve(baseFolder, decodeURIComponent(url.split(/[?#]/)[0] ?? ''));
  } catch {
    return undefined;
  }
  const inside = relative(baseFolder, path);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
