/**
 * The dev server's version pages and their stylesheet; a build writes them after the site
 * (src/site/version-integration.ts), from the same code.
 */
import type { APIRoute } from 'astro';
import settings from 'virtual:plainbook/settings';
import { VERSION_STYLESHEET, versionPageAt, versionStylesheet } from '../site/version-pages.ts';

export const GET: APIRoute = async ({ params }) => {
  const rest = params.version ?? '';
  if (rest === VERSION_STYLESHEET) return new Response(versionStylesheet(), { headers: { 'content-type': 'text/css; charset=utf-8' } });
  const html = await versionPageAt(settings, import.meta.env.BASE_URL, rest);
  if (html === undefined) return new Response('No such version of a policy.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
};
