import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchWithin, NetworkTimeoutError } from '../../src/offline/network.ts';
import { serverState } from '../../src/offline/sign-in.ts';
import { onceUntilFailure } from '../../src/offline/once-until-failure.ts';
import { OpenedPages } from '../../src/offline/opened-pages.ts';

const servers: { server: Server; sockets: Set<Socket> }[] = [];

/** A server on 127.0.0.1 that answers with `status`, or never answers (`hang`). */
async function server(answer: number | 'hang' | 'headers-then-slow-body'): Promise<string> {
  const sockets = new Set<Socket>();
  const http = createServer((_request, response) => {
    if (answer === 'hang') return;
    if (answer === 'headers-then-slow-body') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('first ');
      setTimeout(() => response.end('last'), 300);
      return;
    }
    response.writeHead(answer).end();
  });
  http.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  servers.push({ server: http, sockets });
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}/page/`;
}

/** An address where nothing listens: the connection is refused. */
async function refusedAddress(): Promise<string> {
  const url = await server(200);
  const { server: http, sockets } = servers.pop()!;
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => http.close(resolve));
  return url;
}

afterEach(async () => {
  for (const { server: http, sockets } of servers.splice(0)) {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => http.close(resolve));
  }
});

describe('the worker’s own test of the network', () => {
  it.each([200, 304, 404, 499])('takes an answer of %i as a working network', async (status) => {
    expect(await serverState(await server(status), 2_000)).toBe('up');
  });

  it.each([301, 302, 303, 307, 308, 401, 403])('takes %i as a working network with a sign-in gate in front of the page', async (status) => {
    expect(await serverState(await server(status), 2_000)).toBe('sign-in');
  });

  it.each([500, 502, 504])('takes %i (a proxy that cannot reach the server) as no network', async (status) => {
    expect(await serverState(await server(status), 2_000)).toBe('down');
  });

  it('takes a refused connection as no network', async () => {
    expect(await serverState(await refusedAddress(), 2_000)).toBe('down');
  });

  it('gives up on a server that never answers after its time limit, not before', async () => {
    const url = await server('hang');
    const started = performance.now();
    await expect(fetchWithin(url, {}, 300)).rejects.toBeInstanceOf(NetworkTimeoutError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(await serverState(url, 300)).toBe('down');
  });

  it('lets a body take longer than the limit once the answer has begun', async () => {
    const response = await fetchWithin(await server('headers-then-slow-body'), {}, 100);
    expect(await response.text()).toBe('first last');
  });

  it('asks with HEAD, so a page is not downloaded twice', async () => {
    const methods: string[] = [];
    const http = createServer((request, response) => {
      methods.push(request.method ?? '');
      response.writeHead(200).end();
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    servers.push({ server: http, sockets: new Set() });
    await serverState(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`, 2_000);
    expect(methods).toEqual(['HEAD']);
  });
});

describe('what the worker remembers of the pages it opened', () => {
  it('answers each page for itself, and nothing for a page it did not open', async () => {
    const pages = new OpenedPages<string | null>();
    pages.remember('tab-1', Promise.resolve('2026-12-04T08:00:00.000Z'));
    pages.remember('tab-2', Promise.resolve(null));
    expect(await pages.answerFor('tab-1')).toBe('2026-12-04T08:00:00.000Z');
    expect(await pages.answerFor('tab-2')).toBeNull();
    expect(pages.answerFor('tab-3')).toBeUndefined();
    expect(pages.answerFor(undefined)).toBeUndefined();
  });

  it('keeps the newest pages up to its limit, dropping the oldest first', () => {
    const pages = new OpenedPages<null>(3);
    for (const id of ['a', 'b', 'c', 'd']) pages.remember(id, Promise.resolve(null));
    expect(pages.size).toBe(3);
    expect(pages.answerFor('a')).toBeUndefined();
    expect(pages.answerFor('d')).toBeDefined();
    // A page opened again counts as new.
    pages.remember('b', Promise.resolve(null));
    pages.remember('e', Promise.resolve(null));
    expect(pages.answerFor('b')).toBeDefined();
    expect(pages.answerFor('c')).toBeUndefined();
  });

  it('remembers nothing for a navigation without a client id (a download, not a page)', () => {
    const pages = new OpenedPages<null>();
    pages.remember('', Promise.resolve(null));
    expect(pages.size).toBe(0);
  });
});

describe('the worker’s list of files, loaded once', () => {
  it('shares one load between callers, and tries again after a failure instead of keeping it', async () => {
    let calls = 0;
    const load = onceUntilFailure(async () => {
      calls++;
      if (calls === 1) throw new Error('no network');
      return calls;
    });
    await expect(load()).rejects.toThrow('no network');
    const [first, second] = await Promise.all([load(), load()]);
    expect([first, second, calls]).toEqual([2, 2, 2]);
    expect(await load()).toBe(2);
  });
});
