/**
 * The web app manifest: what a phone needs to add the handbook to its home screen and open it
 * like an app, from the settings the rest of the site uses.
 */
import type { ResolvedSettings } from '../config/settings.ts';
import { MAX_SHORT_NAME } from '../schema/settings.ts';
import type { HandbookIcon } from './icons.ts';

type ManifestSettings = Pick<ResolvedSettings, 'title' | 'description' | 'shortName' | 'themeColor' | 'base'>;

export function webManifest(settings: ManifestSettings, icons: readonly HandbookIcon[]) {
  const base = `${settings.base.replace(/\/$/, '')}/`;
  return {
    name: settings.title,
    short_name: shortName(settings),
    ...(settings.description ? { description: settings.description } : {}),
    id: base,
    start_url: base,
    scope: base,
    display: 'standalone',
    theme_color: settings.themeColor,
    background_color: settings.themeColor,
    icons: icons.map((icon) => ({ src: `${base}icons/${icon.name}`, type: icon.type, sizes: icon.sizes, purpose: icon.purpose })),
  };
}

/** The short name given, else the title when it fits under an icon, else its first words that fit. */
export function shortName(settings: Pick<ManifestSettings, 'title' | 'shortName'>): string {
  if (settings.shortName) return settings.shortName;
  if (settings.title.length <= MAX_SHORT_NAME) return settings.title;
  let name = '';
  for (const word of settings.title.split(/\s+/)) {
    const longer = name ? `${name} ${word}` : word;
    if (longer.length > MAX_SHORT_NAME) break;
    name = longer;
  }
  return name || settings.title.slice(0, MAX_SHORT_NAME);
}
