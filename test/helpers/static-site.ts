import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
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
  /**
   * Fail as a reader's network does: `refuse` closes the port (connection refused), `hang`
   * accepts connections and never answers (a captive portal, a dead line); `none` serves again.
   */
  fail(mode: NetworkFailure): Promise<void>;
  stop(): Promise<void>;
}

export type NetworkFailure = 'none' | 'refuse' | 'hang';

/**
 * A static host on 127.0.0.1 (a secure context, so service workers run) that serves a built site
 * under its base path and can switch to another build while pages stay open.
 */
/** Answers a request before the files do (a sign-in gate in front of the host); true when it did. */
export type RequestFilter = (request: IncomingMessage, response: ServerResponse) => boolean;

export async function serveStatic(dir: string, base: string, options: { gzip?: boolean; filter?: RequestFilter } = {}): Promise<StaticSite> {
  let root = dir;
  let failure: NetworkFailure = 'none';
  const prefix = `${base.replace(/\/$/, '')}/`;
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    // Hanging: the request is read and never answered, until the test ends the connection.
    if (failure === 'hang') return;
    if (options.filter?.(request, response)) return;
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
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  // Open connections are ended too: a browser keeps them alive and would not see the port close.
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  await listen(0);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    deploy: (next) => {
      root = next;
    },
    fail: async (mode) => {
      const wasRefusing = failure === 'refuse';
      failure = mode;
      if (mode === 'refuse' && !wasRefusing) await close();
      else if (mode !== 'refuse' && wasRefusing) await listen(port);
      else if (mode === 'none') for (const socket of sockets) socket.destroy();
    },
    stop: () => (failure === 'refuse' ? Promise.resolve() : close()),
  };
}

function notFound(response: import('node:http').ServerResponse, page?: string): void {
  response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  if (page && existsSync(page)) createReadStream(page).pipe(response);
  else response.end('Not found');
}
