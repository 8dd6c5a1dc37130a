import { preview } from 'astro';
import { loadSettings } from '../../src/config/settings.ts';
import { freePort } from '../../src/site/free-port.ts';

export interface ServedSite {
  /** The handbook's home page, with the base path, e.g. `http://127.0.0.1:4321/plainbook/`. */
  url: string;
  stop(): Promise<void>;
}

/** Serve a built site with `astro preview` on a free port of 127.0.0.1. */
export async function serveSite(outDir: string): Promise<ServedSite> {
  const port = await freePort();
  const server = await preview({
    root: process.cwd(),
    outDir,
    logLevel: 'error',
    server: { host: '127.0.0.1', port },
  });
  const path = loadSettings(process.cwd()).base.replace(/\/?$/, '/');
  return { url: `http://127.0.0.1:${port}${path}`, stop: () => server.stop() };
}
