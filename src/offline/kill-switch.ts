/**
 * A service worker that removes the offline copy: served as `sw.js` by `astro dev` and built when
 * `site.offline` is false. Browsers check `sw.js` on each visit, so a device that kept a copy
 * from an earlier build (or from `npm start` on the same port as `npm run dev`) installs this
 * one, which deletes the handbook's caches, unregisters itself and reloads its pages from the
 * server. Without it, such a device would show the saved pages forever.
 */
export const KILL_SWITCH_WORKER = `// Plainbook: this handbook keeps no offline copy; remove the one this device saved.
// Asked again each second until this worker activates: Chromium 150 left a waiting worker
// waiting for good when the old one was busy as it installed (5 of 20 tries in a test).
let skipping;
self.addEventListener('install', () => {
  self.skipWaiting();
  skipping = setInterval(() => self.skipWaiting(), 1000);
});
self.addEventListener('activate', (event) => {
  clearInterval(skipping);
  event.waitUntil((async () => {
    const scope = self.registration.scope;
    for (const name of await caches.keys()) {
      if (name.endsWith(scope) && (name.startsWith('plainbook-offline-') || name.startsWith('workbox-precache'))) await caches.delete(name);
    }
    await self.registration.unregister();
    for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
  })());
});
`;
