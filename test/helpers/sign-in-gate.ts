/**
 * A sign-in gate in front of the static host, as Cloudflare Access puts one in front of a site:
 * a request without a live session is redirected to the sign-in page (on another origin, like
 * Access's team domain, or on the same host outside the handbook, like oauth2-proxy), which
 * sends the reader back through `/cdn-cgi/access/authorized` to set the session cookie.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestFilter } from './static-site.ts';

export const SIGN_IN_TITLE = 'Sign in to Acme';
const COOKIE = 'acme-session';
const AUTHORIZED = '/cdn-cgi/access/authorized';
const LOGIN = '/cdn-cgi/access/login';

export interface SignInGate {
  /** Put in front of the host: `serveStatic(dir, base, { filter: gate.filter })`. */
  filter: RequestFilter;
  /** Each request the gate saw for the handbook: its path, who asked (`Sec-Fetch-Dest`) and whether it carried a live session. */
  seen: { path: string; dest: string; signedIn: boolean }[];
  /** End every session at the first request for a path that `when` picks (that request is sent to sign in). */
  endSessionsAt(when: (path: string) => boolean): void;
  stop(): Promise<void>;
}

export async function signInGate(where: 'other-origin' | 'same-origin'): Promise<SignInGate> {
  const sessions = new Set<string>();
  const seen: SignInGate['seen'] = [];
  let endAt: ((path: string) => boolean) | undefined;
  let login: Server | undefined;
  let loginOrigin = '';
  if (where === 'other-origin') {
    login = createServer((request, response) => void signInPage(request, response));
    await new Promise<void>((resolve) => login?.listen(0, '127.0.0.1', resolve));
    // Another port is another origin: the worker's requests cannot follow it (no CORS headers).
    loginOrigin = `http://127.0.0.1:${(login.address() as AddressInfo).port}`;
  }

  const filter: RequestFilter = (request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    if (url.pathname === AUTHORIZED) return authorize(url, response);
    if (where === 'same-origin' && url.pathname === LOGIN) return signInPage(request, response);
    if (endAt?.(url.pathname)) {
      sessions.clear();
      endAt = undefined;
    }
    const signedIn = sessions.has(cookieOf(request) ?? '');
    seen.push({ path: url.pathname, dest: String(request.headers['sec-fetch-dest'] ?? ''), signedIn });
    if (signedIn) return false;
    response.writeHead(302, { location: `${loginOrigin || url.origin}${LOGIN}?redirect_url=${encodeURIComponent(url.href)}`, 'cache-control': 'no-store' }).end();
    return true;
  };

  const authorize = (url: URL, response: ServerResponse) => {
    const token = `token-${sessions.size + 1}-${Date.now()}`;
    sessions.add(token);
    response.writeHead(302, { location: url.searchParams.get('redirect_url') ?? '/', 'set-cookie': `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax` }).end();
    return true;
  };

  return {
    filter,
    seen,
    endSessionsAt: (when) => {
      endAt = when;
    },
    stop: () => new Promise((resolve) => (login ? login.close(() => resolve()) : resolve())),
  };
}

/** The sign-in page: a person presses "Sign in", and is sent back to the page they asked for. */
function signInPage(request: IncomingMessage, response: ServerResponse): true {
  const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
  const back = url.searchParams.get('redirect_url') ?? '';
  const authorized = back ? `${new URL(back).origin}${AUTHORIZED}?redirect_url=${encodeURIComponent(back)}` : '/';
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(`<!doctype html><html lang="en"><title>${SIGN_IN_TITLE}</title><h1>${SIGN_IN_TITLE}</h1><a id="sign-in" href="${authorized.replaceAll('&', '&amp;')}">Sign in</a></html>`);
  return true;
}

function cookieOf(request: IncomingMessage): string | undefined {
  return /(?:^|;\s*)acme-session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
}
