import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import settings, { packageRoot } from 'virtual:plainbook/settings';
import { SETTINGS_FILE } from '../../config/settings.ts';
import { handbookIcons } from '../../offline/icons.ts';

/** The home-screen icons the manifest lists, served beside it. */
export const getStaticPaths = (() => {
  const icons = handbookIcons(settings, SETTINGS_FILE, packageRoot);
  const byName = new Map(icons.map((icon) => [icon.name, icon]));
  return [...byName.values()].map((icon) => ({ params: { icon: icon.name }, props: { file: icon.file, type: icon.type } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: string; type: string }> = async ({ props }) =>
  new Response(await readFile(props.file), { headers: { 'content-type': props.type } });
