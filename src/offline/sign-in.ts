/**
 * A handbook behind a sign-in (Cloudflare Access, a company proxy, a host's password page). While
 * the reader's session lasts, every request carries its cookie and nothing here matters. When the
 * session ends, the gate answers the worker's requests with its sign-in page instead of the file:
 * a redirect (to another origin for Cloudflare Access, which then fails like a dead line because
 * the sign-in page sends no CORS headers), or a 401 or 403. The worker must not save that page,
 * must not take it for a newer version, and must tell the reader to sign in again.
 */
import { fetchWithin } from './network.ts';

/** What a gate answers instead of a file: it wants the reader to sign in (basic auth, a password page). */
const REFUSED = new Set([401, 403]);
/** Redirects; not 304, which is a cache's "you have it already". */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Whether `response` is a gate's rather than the handbook's: a redirect not followed (the browser
 * shows it as `opaqueredirect`, Node as its 3xx status), a refusal, or a followed redirect that
 * ended outside the handbook (a sign-in page on the same host, such as oauth2-proxy's).
 */
export function isSignInAnswer(response: Response, inHandbook: (url: URL) => boolean): boolean {
  if (response.type === 'opaqueredirect' || REDIRECTS.has(response.status)) return true;
  if (REFUSED.has(response.status)) return true;
  return response.redirected && response.url !== '' && !inHandbook(new URL(response.url));
}

export type Fetched = { kind: 'file'; response: Response } | { kind: 'sign-in' } | { kind: 'failed' };

/**
 * Fetch a file to save. A request that fails outright is asked once more without following
 * redirects: a gate on another origin then shows as the redirect it is, and a dead line fails again.
 */
export async function fetchToSave(url: string, inHandbook: (url: URL) => boolean, ms?: number): Promise<Fetched> {
  try {
    const response = await fetchWithin(url, { cache: 'no-cache' }, ms);
    return isSignInAnswer(response, inHandbook) ? { kind: 'sign-in' } : { kind: 'file', response };
  } catch {
    const probe = await fetchWithin(url, { cache: 'no-cache', redirect: 'manual' }, ms).catch(() => undefined);
    return probe && isSignInAnswer(probe, inHandbook) ? { kind: 'sign-in' } : { kind: 'failed' };
  }
}

/**
 * What the server says about a page the reader opened from the copy, asked with HEAD and not
 * following redirects: `down` when there is no network (refused, no answer within the limit, or
 * a 5xx, most often a proxy in between that cannot reach the server); `sign-in` when a gate
 * answers instead of the page; `up` for any other answer, a 404 included.
 */
export type ServerState = 'up' | 'down' | 'sign-in';

export async function serverState(url: string, ms?: number): Promise<ServerState> {
  const response = await fetchWithin(url, { method: 'HEAD', cache: 'no-store', redirect: 'manual' }, ms).catch(() => undefined);
  if (!response || response.status >= 500) return 'down';
  return isSignInAnswer(response, () => true) ? 'sign-in' : 'up';
}
