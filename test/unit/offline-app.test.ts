import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, SETTINGS_FILE } from '../../src/config/settings.ts';
import { AUTO_SAVE_BYTES, savesWithoutAsking } from '../../src/offline/auto-save.ts';
import { handbookIcons, MIN_ICON_PIXELS, pngSize } from '../../src/offline/icons.ts';
import { progressText, savedAtText, sizeText } from '../../src/offline/notes.ts';
import { shortName, webManifest } from '../../src/offline/web-manifest.ts';

const SETTINGS = `site:
  title: Acme customer care handbook
  url: https://acme.test/handbook/
  repo: acme/handbook
`;

function project(extra = '', files: Record<string, Buffer | string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'plainbook-app-'));
  writeFileSync(join(root, SETTINGS_FILE), SETTINGS + extra);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(root, name), bytes);
  return root;
}

/** A PNG header saying `width` × `height` (the rest of the file does not matter to the check). */
function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(24);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

describe('the home-screen app', () => {
  it('has a manifest from the settings: name, short name, colour, icons under the base path', () => {
    const settings = loadSettings(project('  themeColor: "#224466"\n'), {});
    expect(webManifest(settings, handbookIcons(settings, SETTINGS_FILE))).toEqual({
      name: 'Acme customer care handbook',
      short_name: 'Acme',
      id: '/handbook/',
      start_url: '/handbook/',
      scope: '/handbook/',
      display: 'standalone',
      theme_color: '#224466',
      background_color: '#224466',
      icons: [
        { src: '/handbook/icons/icon-192.png', type: 'image/png', sizes: '192x192', purpose: 'any' },
        { src: '/handbook/icons/icon-512.png', type: 'image/png', sizes: '512x512', purpose: 'any' },
        { src: '/handbook/icons/icon-512.png', type: 'image/png', sizes: '512x512', purpose: 'maskable' },
      ],
    });
  });

  it('shortens the title to the words that fit under an icon, unless a short name is set', () => {
    expect(shortName({ title: 'Handbook' })).toBe('Handbook');
    expect(shortName({ title: 'Twelve chars' })).toBe('Twelve chars');
    expect(shortName({ title: 'Customer Care Handbook' })).toBe('Customer');
    expect(shortName({ title: 'Extraordinarily long' })).toBe('Extraordinar');
    expect(shortName({ title: 'Customer Care Handbook', shortName: 'Care' })).toBe('Care');
  });

  it('ships its own icons at the sizes it claims', () => {
    const settings = loadSettings(project(), {});
    for (const icon of handbookIcons(settings, SETTINGS_FILE)) {
      const size = pngSize(readFileSync(icon.file));
      expect(`${size?.width}x${size?.height}`, icon.name).toBe(icon.sizes);
    }
  });

  it('reads a PNG’s size only from a real PNG header', () => {
    expect(pngSize(png(640, 480))).toEqual({ width: 640, height: 480 });
    const notHeader = png(640, 480);
    notHeader.write('IDAT', 12, 'latin1');
    expect(pngSize(notHeader)).toBeUndefined();
    expect(pngSize(png(640, 480).subarray(0, 23))).toBeUndefined();
    const notPng = png(640, 480);
    notPng[1] = 0x51;
    expect(pngSize(notPng)).toBeUndefined();
  });

  it('uses a team’s square PNG or SVG icon', () => {
    const big = loadSettings(project('  icon: brand.png\n', { 'brand.png': png(1024, 1024) }), {});
    expect(handbookIcons(big, SETTINGS_FILE)).toEqual([{ name: 'icon.png', type: 'image/png', sizes: '1024x1024', purpose: 'any', file: join(big.root, 'brand.png') }]);
    const svg = loadSettings(project('  icon: brand.svg\n', { 'brand.svg': '<svg/>' }), {});
    expect(handbookIcons(svg, SETTINGS_FILE)).toMatchObject([{ name: 'icon.svg', type: 'image/svg+xml', sizes: 'any' }]);
  });

  it('refuses a small, oblong, missing or mislabelled icon, naming the line', () => {
    const check = (files: Record<string, Buffer | string>) => {
      const settings = loadSettings(project('  icon: brand.png\n', files), {});
      return () => handbookIcons(settings, SETTINGS_FILE);
    };
    expect(check({ 'brand.png': png(MIN_ICON_PIXELS - 1, MIN_ICON_PIXELS - 1) })).toThrowErrorMatchingInlineSnapshot(`
      [ConfigError: Invalid site settings in plainbook.config.yml (1 problem):
        plainbook.config.yml:5:9: Unexpected icon \`brand.png\`: it is 511×511 pixels, expected a square PNG of at least 512×512 pixels or an SVG. Export a larger square image, or remove the line to use Plainbook's icon.
          Fix: write it like \`icon: brand/handbook-icon.png\`]
    `);
    expect(check({ 'brand.png': png(MIN_ICON_PIXELS, MIN_ICON_PIXELS) })).not.toThrow();
    expect(check({ 'brand.png': png(1024, 512) })).toThrow('it is 1024×512 pixels');
    expect(check({})).toThrow('Unexpected icon `brand.png`: there is no such file');
    expect(check({ 'brand.png': '<svg/>' })).toThrow('it is not a PNG image');
  });

  it('refuses a theme colour that is not six hex digits, and a short name too long for a home screen', () => {
    expect(() => loadSettings(project('  themeColor: blue\n'), {})).toThrow('plainbook.config.yml:5:15: Unexpected `blue` in `site.themeColor`');
    expect(() => loadSettings(project('  shortName: Thirteen char\n'), {})).toThrow('site.shortName');
    expect(loadSettings(project('  shortName: Twelve chars\n'), {}).shortName).toBe('Twelve chars');
  });
});

describe('saving the rest of the handbook', () => {
  it('saves without asking only on a fast line, without Save-Data, up to the size limit', () => {
    expect(savesWithoutAsking(AUTO_SAVE_BYTES, { effectiveType: '4g', saveData: false })).toBe(true);
    expect(savesWithoutAsking(AUTO_SAVE_BYTES + 1, { effectiveType: '4g' })).toBe(false);
    expect(savesWithoutAsking(1000, { effectiveType: '3g' })).toBe(false);
    expect(savesWithoutAsking(1000, { effectiveType: '4g', saveData: true })).toBe(false);
    // Safari and Firefox have no Network Information API: the size decides.
    expect(savesWithoutAsking(AUTO_SAVE_BYTES, undefined)).toBe(true);
    expect(savesWithoutAsking(AUTO_SAVE_BYTES + 1, undefined)).toBe(false);
  });

  it('tells the reader how far it got, and when a page was saved', () => {
    expect(progressText({ saved: 1200, total: 3045 })).toBe('Saving the handbook for offline use: 1,200 of 3,045 files.');
    expect(progressText({ saved: 3045, total: 3045 })).toBe('Saved for offline use: all 3,045 files of the handbook, with search.');
    expect(savedAtText('2026-11-23T09:30:00.000Z')).toBe('Saved for offline use on 23 Nov 2026. You are offline: this is the copy on this device.');
    expect([sizeText(999_999), sizeText(1_000_000), sizeText(400), sizeText(2_345), sizeText(0)]).toEqual(['1000 KB', '1.0 MB', '1 KB', '2 KB', '0 KB']);
  });
});
