import settings, { packageRoot } from 'virtual:plainbook/settings';
import { SETTINGS_FILE } from '../config/settings.ts';
import { handbookIcons } from '../offline/icons.ts';
import { webManifest } from '../offline/web-manifest.ts';

/** The web app manifest, so staff can add the handbook to a phone's home screen. */
export function GET() {
  return new Response(JSON.stringify(webManifest(settings, handbookIcons(settings, SETTINGS_FILE, packageRoot)), null, 2), {
    headers: { 'content-type': 'application/manifest+json' },
  });
}
