/**
 * The home-screen icons: the team's `site.icon`, or Plainbook's own. Checked when the settings
 * are read, so a wrong icon stops `plainbook build` with the line to fix, not a broken install.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { PACKAGE_ROOT } from '../files/package-root.ts';
import { schemaError } from '../schema/friendly-error.ts';
import { locateYamlPath } from '../schema/yaml-location.ts';

export interface HandbookIcon {
  /** File name under `<base>/icons/`. */
  name: string;
  type: 'image/png' | 'image/svg+xml';
  /** `192x192`, or `any` for an SVG. */
  sizes: string;
  /** `maskable` only for icons drawn inside the safe zone (Plainbook's own). */
  purpose: 'any' | 'maskable';
  file: string;
}

/**
 * Chrome installs a web app only with an icon of at least 144 px and asks for 192 and 512 px;
 * the splash screen uses the 512. Smaller team icons would look blurred, so they are refused.
 */
export const MIN_ICON_PIXELS = 512;

function defaultIcons(packageRoot: string): readonly HandbookIcon[] {
  const file = (name: string) => join(packageRoot, 'src', 'offline', 'icons', name);
  return [
    { name: 'icon-192.png', type: 'image/png', sizes: '192x192', purpose: 'any', file: file('icon-192.png') },
    { name: 'icon-512.png', type: 'image/png', sizes: '512x512', purpose: 'any', file: file('icon-512.png') },
    // The glyph sits in the middle 50%, inside the maskable safe zone (a circle of 80%).
    { name: 'icon-512.png', type: 'image/png', sizes: '512x512', purpose: 'maskable', file: file('icon-512.png') },
  ];
}

interface IconSettings {
  root: string;
  icon?: string | undefined;
}

/**
 * The icons to list in the web app manifest and serve under `icons/`. Pages pass the package root
 * from the settings module: in Astro's build output `import.meta.url` no longer points into it.
 */
export function handbookIcons(settings: IconSettings, settingsFile: string, packageRoot = PACKAGE_ROOT): readonly HandbookIcon[] {
  if (settings.icon === undefined) return defaultIcons(packageRoot);
  const file = join(settings.root, settings.icon);
  if (!existsSync(file)) throw iconError(settings, settingsFile, 'there is no such file');
  if (extname(file).toLowerCase() === '.svg') return [{ name: 'icon.svg', type: 'image/svg+xml', sizes: 'any', purpose: 'any', file }];
  const size = pngSize(readFileSync(file));
  if (!size) throw iconError(settings, settingsFile, 'it is not a PNG image');
  if (size.width !== size.height || size.width < MIN_ICON_PIXELS) {
    throw iconError(settings, settingsFile, `it is ${size.width}×${size.height} pixels`);
  }
  return [{ name: 'icon.png', type: 'image/png', sizes: `${size.width}x${size.height}`, purpose: 'any', file }];
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's header chunk, which the format fixes at bytes 16–23. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function iconError(settings: IconSettings, settingsFile: string, reason: string) {
  const location = locateYamlPath({ text: readFileSync(join(settings.root, settingsFile), 'utf8'), firstLine: 1 }, ['site', 'icon']);
  return schemaError('config', 'site settings', settingsFile, [
    {
      field: 'site.icon',
      problem: `Unexpected icon \`${settings.icon}\`: ${reason}, expected a square PNG of at least ${MIN_ICON_PIXELS}×${MIN_ICON_PIXELS} pixels or an SVG. Export a larger square image, or remove the line to use Plainbook's icon.`,
      fix: 'icon: brand/handbook-icon.png',
      ...location,
    },
  ]);
}
