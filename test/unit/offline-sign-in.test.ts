import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchToSave, isSignInAnswer } from '../../src/offline/sign-in.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A host on 127.0.0.1 answering each path with a status and, for a redirect, where to. */
async function host(routes: Record<string, { status: number; location?: string }>): Promise<string> {
  const server = createServer((request, response) => {
    const route = routes[request.url ?? ''] ?? { status: 404 };
    response.writeHead(route.status, route.location ? { location: route.location } : {}).end(route.status === 200 ? 'the file' : 'the gate');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function refusedOrigin(): Promise<string> {
  const origin = await host({});
  await new Promise((resolve) => servers.pop()?.close(resolve));
  return origin;
}

const inHandbookOf = (origin: string) => (url: URL) => url.origin === origin && url.pathname.startsWith('/handbook/');

describe('a sign-in page answering instead of a file', () => {
  it('is a redirect not followed, or a refusal; not a file, a missing file or a server error', () => {
    const always = () => true;
    for (const status of [301, 302, 303, 307, 401, 403]) expect(isSignInAnswer(new Response(null, { status }), always), String(status)).toBe(true);
    for (const status of [200, 204, 304, 404, 500, 503]) expect(isSignInAnswer(new Response(null, { status }), always), String(status)).toBe(false);
  });

  it('is found when the gate redirects to a sign-in page outside the handbook, on the same host', async () => {
    const origin = await host({ '/handbook/a/': { status: 302, location: '/oauth2/sign_in?rd=/handbook/a/' }, '/oauth2/sign_in?rd=/handbook/a/': { status: 200 } });
    expect(await fetchToSave(`${origin}/handbook/a/`, inHandbookOf(origin), 2_000)).toEqual({ kind: 'sign-in' });
  });

  it('is found when the gate redirects to another origin, even one the request cannot reach', async () => {
    const login = await host({ '/cdn-cgi/access/login': { status: 200 } });
    const gone = await refusedOrigin();
    const origin = await host({
      '/handbook/a/': { status: 302, location: `${login}/cdn-cgi/access/login` },
      '/handbook/b/': { status: 302, location: `${gone}/cdn-cgi/access/login` },
    });
    expect(await fetchToSave(`${origin}/handbook/a/`, inHandbookOf(origin), 2_000)).toEqual({ kind: 'sign-in' });
    // The followed request fails, as a browser's does on a sign-in page without CORS headers; asked again without following, it shows as the redirect it is.
    expect(await fetchToSave(`${origin}/handbook/b/`, inHandbookOf(origin), 2_000)).toEqual({ kind: 'sign-in' });
  });

  it('is found when the host refuses the request (a password page, basic auth)', async () => {
    const origin = await host({ '/handbook/a/': { status: 401 }, '/handbook/b/': { status: 403 } });
    expect(await fetchToSave(`${origin}/handbook/a/`, inHandbookOf(origin), 2_000)).toEqual({ kind: 'sign-in' });
    expect(await fetchToSave(`${origin}/handbook/b/`, inHandbookOf(origin), 2_000)).toEqual({ kind: 'sign-in' });
  });

  it('is not a redirect that stays in the handbook, a missing file, or a dead line', async () => {
    const origin = await host({ '/handbook/a': { status: 301, location: '/handbook/a/' }, '/handbook/a/': { status: 200 } });
    const moved = await fetchToSave(`${origin}/handbook/a`, inHandbookOf(origin), 2_000);
    expect(moved.kind).toBe('file');
    expect(moved.kind === 'file' && (await moved.response.text())).toBe('the file');
    const missing = await fetchToSave(`${origin}/handbook/none/`, inHandbookOf(origin), 2_000);
    expect(missing.kind === 'file' && missing.response.status).toBe(404);
    expect(await fetchToSave(`${await refusedOrigin()}/handbook/a/`, () => true, 2_000)).toEqual({ kind: 'failed' });
  });
});
