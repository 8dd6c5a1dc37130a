import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

export interface StaticSite {
  /** The handbook's home, e.g. `http://127.0.0.1:4100/plainbook/`. */
  url: string;
  /** Serve another build from now on: a deployment, as a static host does it. */
  deploy(dir: string): void;
  stop(): Promise<void>;
}

/**
 * A static host on 127.0.0.1 (a secure context, so service workers run) that serves a built site
 * under its base path and can switch to another build while pages stay open.
 */
export async function serveStatic(dir: string, base: string, options: { gzip?: boolean } = {}): Promise<StaticSite> {
  let root = dir;
  const prefix = `${base.replace(/\/$/, '')}/`;
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) return notFound(response);
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) return notFound(response);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return notFound(response, join(root, '404.html'));
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Like GitHub Pages: revalidate often, so a deployment is seen on the next visit; gzip on request.
    const gzip = options.gzip === true && /gzip/.test(String(request.headers['accept-encoding'])) && !type.startsWith('image/png');
    response.writeHead(200, { 'content-type': type, 'cache-control': 'max-age=0, must-revalidate', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    const body = createReadStream(file);
    if (gzip) body.pipe(createGzip()).pipe(response);
    else body.pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    deploy: (next) => {
      root = next;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function notFound(response: import('node:http').ServerResponse, page?: string): void {
  response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  if (page && existsSync(page)) createReadStream(page).pipe(response);
  else response.end('Not found');
}
