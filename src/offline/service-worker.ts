/**
 * The handbook's service worker, bundled into `<base>/sw.js` at build (build-service-worker.ts).
 *
 * - The first visit saves what every page needs (code, styles, start page, search index) with
 *   Workbox's precache, which keeps each file by revision and, when a new version activates,
 *   drops the files it no longer lists.
 * - The rest (each page and its search text) is saved later, on request from the page, into one
 *   cache of this version's bytes: a file enters it only when its SHA-256 matches this build's
 *   list, so a copy never mixes two versions.
 * - A new version waits until the reader presses "Reload" (the page sends SKIP_WAITING).
 * - A page opens from the copy at once when it is saved. Beside it the worker asks the server
 *   whether it answers, and tells the page, when it asks, if the network failed: the page then
 *   says it is the copy on this device. A page not saved waits for the network, up to a limit.
 */
/// <reference lib="webworker" />
import { copyResponse } from 'workbox-core';
import { PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { OFFLINE_MESSAGES, REVISION_LENGTH, SIGN_IN_PARAMETER, type OfflineBuild, type OfflineStatus, type OpenedAnswer, type SaveResult } from './messages.ts';
import { fetchWithin } from './network.ts';
import { onceUntilFailure } from './once-until-failure.ts';
import { OpenedPages } from './opened-pages.ts';
import { fetchToSave, isSignInAnswer, serverState } from './sign-in.ts';

declare const self: ServiceWorkerGlobalScope;
declare const PLAINBOOK_OFFLINE: OfflineBuild;

const build = PLAINBOOK_OFFLINE;
const SAVED_HEADER = 'x-plainbook-saved';
const REVISION_HEADER = 'x-plainbook-revision';
/** One cache per handbook (two handbooks may share a host under different paths). */
const LATER_CACHE = `plainbook-offline-${self.registration.scope}`;
const inHandbook = (url: URL) => url.origin === self.location.origin && url.pathname.startsWith(build.base);

/** Parallel downloads while saving: enough to fill a line, few enough to leave the page room. */
const SAVE_CONCURRENCY = 4;
/** Pages report progress this often (in files), so a screen reader is not flooded. */
const PROGRESS_EVERY = 25;

/**
 * Every saved response carries when it was saved, for the page's "Saved for offline use on". A
 * sign-in page that answered instead of the file is never saved (the first visit then fails, and
 * the next visit, signed in, saves again).
 */
const stampSaved = {
  cacheWillUpdate: async ({ response }: { response: Response }) =>
    response.ok && !isSignInAnswer(response, inHandbook) ? copyResponse(response, (init) => withHeaders(init, { [SAVED_HEADER]: new Date().toISOString() })) : null,
};

const shell = new PrecacheController({ plugins: [stampSaved] });
shell.addToCacheList(build.firstVisit);

self.addEventListener('install', (event) => {
  shell.install(event);
});

self.addEventListener('activate', (event) => {
  clearInterval(skipping);
  event.waitUntil(
    (async () => {
      await shell.activate(event);
      await pruneLaterCopy();
      await self.clients.claim();
    })(),
  );
});


/** For each page this worker opened from the copy: what the server said meanwhile. */
const openedFromCopy = new OpenedPages<OpenedAnswer>();

registerRoute(({ url, request }) => request.mode === 'navigate' && inHandbook(url), ({ request, event }) => openPage(request, event as FetchEvent));
// Pagefind asks for its entry file with `?ts=<now>` to defeat caches; the saved one is the right one.
registerRoute(new PrecacheRoute(shell, { ignoreURLParametersMatching: [/^ts$/, /^utm_/], directoryIndex: 'index.html', cleanURLs: false }));
registerRoute(
  ({ url, request }) => request.method === 'GET' && inHandbook(url),
  ({ request, event }) => fromLaterCopy(request, event),
);

self.addEventListener('message', (event) => {
  const reply = (value: unknown) => event.ports[0]?.postMessage(value);
  const type = (event.data as { type?: string } | undefined)?.type;
  if (type === OFFLINE_MESSAGES.skipWaiting) skipWaitingUntilActive();
  else if (type === OFFLINE_MESSAGES.status) event.waitUntil(offlineStatus().then(reply));
  else if (type === OFFLINE_MESSAGES.save) event.waitUntil(saveLaterCopy().then(reply));
  else if (type === OFFLINE_MESSAGES.openedOffline) void openedAnswer((event.source as Client | null)?.id).then(reply);
});

let skipping: ReturnType<typeof setInterval> | undefined;

/**
 * Take over when the reader presses "Reload", asking again each second until this worker
 * activates: Chromium 150 left a waiting worker waiting for good when the old one was busy at
 * the moment it was asked (5 of 20 tries in a test), and the reader would wait with it.
 */
function skipWaitingUntilActive(): void {
  void self.skipWaiting();
  skipping ??= setInterval(() => void self.skipWaiting(), 1_000);
}

function withHeaders(init: ResponseInit, extra: Record<string, string>): ResponseInit {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return { ...init, headers };
}

/** Pages are kept under the address readers open: `/x/`, whether they asked for `/x` or `/x/index.html`. */
function keyOf(input: string): string {
  const url = new URL(input, self.location.href);
  let path = url.pathname.replace(/\/index\.html$/, '/');
  // `/x` is the page `/x/`; a file keeps its name (`en_1a2b.pf_fragment`).
  if (!/\.[^/]+$/.test(path) && !path.endsWith('/')) path += '/';
  return new URL(path, url.origin).href;
}

/** This version's list of files saved later (itself saved on the first visit). */
const laterEntries = onceUntilFailure(async () => {
  const response = (await shell.matchPrecache(build.laterList)) ?? (await fetchWithin(build.laterList));
  const entries = (await response.json()) as { url: string; revision: string; bytes: number }[];
  return new Map(entries.map((entry) => [keyOf(entry.url), { revision: entry.revision, bytes: entry.bytes }]));
});

/** Remove what an earlier version saved and this one changed or dropped; keep the rest. */
async function pruneLaterCopy(): Promise<void> {
  const entries = await laterEntries();
  const cache = await caches.open(LATER_CACHE);
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    if (entries.get(request.url)?.revision !== response?.headers.get(REVISION_HEADER)) await cache.delete(request);
  }
}

async function fromLaterCopy(request: Request, event: ExtendableEvent): Promise<Response> {
  const key = keyOf(request.url);
  const cache = await caches.open(LATER_CACHE);
  return (await cache.match(key)) ?? fromNetwork(request, key, event);
}

/** Ask the network, and keep what comes back for next time without holding up the reader. */
async function fromNetwork(request: Request, key: string, event: ExtendableEvent): Promise<Response> {
  const response = await fetchWithin(request);
  if (response.ok) event.waitUntil(caches.open(LATER_CACHE).then((cache) => keepIfThisVersion(cache, key, response.clone())));
  return response;
}

/**
 * A page the reader opens. The copy answers at once when it is saved (it is this version's, and
 * a phone on a bad line gets it without waiting), and the server is asked beside it only to learn
 * whether the reader is offline. A page not saved waits for the network up to its time limit.
 */
async function openPage(request: Request, event: FetchEvent): Promise<Response> {
  // The reader pressed "Sign in": the server's answer, redirects and all, goes to the browser.
  if (new URL(request.url).searchParams.has(SIGN_IN_PARAMETER)) return fetch(request);
  const saved = await savedCopy(request.url);
  if (saved) {
    // Asked at the page's own address as the copy keeps it (`/x/`): a host's `/x` → `/x/` redirect is not a gate.
    const answer = serverState(keyOf(request.url)).then((state) => ({ offlineCopyFrom: state === 'down' ? (saved.headers.get(SAVED_HEADER) ?? null) : null, signIn: state === 'sign-in' }));
    // Not held with `event.waitUntil`: a worker with pending events cannot be replaced, and
    // Chromium 150 then left a new version (even the one that removes the copy) waiting for good.
    // The page asks within a second or two, and its message keeps the worker alive until answered.
    openedFromCopy.remember(event.resultingClientId, answer);
    return saved;
  }
  try {
    return await fromNetwork(request, keyOf(request.url), event);
  } catch {
    return notSavedPage();
  }
}

async function savedCopy(url: string): Promise<Response | undefined> {
  const key = keyOf(url);
  return (await (await caches.open(LATER_CACHE)).match(key)) ?? (await shell.matchPrecache(new URL(key).pathname));
}

/** What the server said about the page asking, if this worker opened it from the copy; else null. */
async function openedAnswer(clientId: string | undefined): Promise<OpenedAnswer | null> {
  return (await openedFromCopy.answerFor(clientId)) ?? null;
}

/** Save a response only when its bytes are this version's: a newer deployment's page waits for its own worker. */
async function keepIfThisVersion(cache: Cache, key: string, response: Response): Promise<boolean> {
  const expected = (await laterEntries()).get(key);
  if (!expected) return false;
  const bytes = await response.arrayBuffer();
  if ((await revisionOf(bytes)) !== expected.revision) return false;
  const init = withHeaders({ status: response.status, statusText: response.statusText, headers: response.headers }, {
    [SAVED_HEADER]: new Date().toISOString(),
    [REVISION_HEADER]: expected.revision,
  });
  await cache.put(key, new Response(bytes, init));
  return true;
}

async function revisionOf(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.subarray(0, REVISION_LENGTH / 2), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function savedKeys(): Promise<Set<string>> {
  const cache = await caches.open(LATER_CACHE);
  return new Set((await cache.keys()).map((request) => request.url));
}

async function offlineStatus(): Promise<OfflineStatus> {
  const entries = await laterEntries();
  const keys = await savedKeys();
  const status: OfflineStatus = { saved: 0, total: entries.size, savedBytes: 0, totalBytes: 0 };
  for (const [key, entry] of entries) {
    status.totalBytes += entry.bytes;
    if (!keys.has(key)) continue;
    status.saved++;
    status.savedBytes += entry.bytes;
  }
  return status;
}

let saving: Promise<SaveResult> | undefined;

/** Download what is not saved yet, a few files at a time; one run at once however often asked. */
function saveLaterCopy(): Promise<SaveResult> {
  saving ??= (async () => {
    const entries = await laterEntries();
    const cache = await caches.open(LATER_CACHE);
    const saved = await savedKeys();
    const missing = [...entries.keys()].filter((key) => !saved.has(key));
    let done = entries.size - missing.length;
    let outdated = false;
    let signIn = false;
    const next = () => missing.shift();
    const worker = async () => {
      for (let key = next(); key && !outdated && !signIn; key = next()) {
        const fetched = await fetchToSave(key, inHandbook);
        // The session ended: stop, save nothing of the sign-in page, and let the page say so.
        if (fetched.kind === 'sign-in') signIn = true;
        if (fetched.kind !== 'file' || !fetched.response.ok) continue;
        if (await keepIfThisVersion(cache, key, fetched.response)) done++;
        // A file that does not match means a newer version is live: stop, the page offers it.
        else outdated = true;
        if (done % PROGRESS_EVERY === 0) await announce({ type: OFFLINE_MESSAGES.progress, saved: done, total: entries.size });
      }
    };
    await Promise.all(Array.from({ length: SAVE_CONCURRENCY }, worker));
    const result: SaveResult = { ...(await offlineStatus()), outdated, signIn };
    await announce({ type: OFFLINE_MESSAGES.progress, saved: result.saved, total: result.total });
    return result;
  })().finally(() => {
    saving = undefined;
  });
  return saving;
}

async function announce(message: unknown): Promise<void> {
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
}

/** A plain page for a page this device has not saved, while there is no connection. */
function notSavedPage(): Response {
  const home = build.base;
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not saved on this device</title><body style="font: 1.125rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 36rem; padding: 0 1rem"><h1>This page is not saved on this device</h1><p>You are offline. Open it again when you have a connection, and it will be saved for next time.</p><p><a href="${home}">Go to the start page</a></p></body></html>`;
  return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
