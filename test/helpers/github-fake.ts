/**
 * A local stand-in for the GitHub REST API on 127.0.0.1, for tests. It keeps state in memory,
 * paginates with Link headers as GitHub does, checks the token, and can be told to fail: 5xx,
 * primary and secondary rate limits, and dropped connections. Response shapes follow GitHub's
 * (checked against @octokit/fixtures recordings in test/unit/github-fake-shapes.test.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'status'; status: number; method?: string }
  | { kind: 'rate-limit'; method?: string }
  | { kind: 'secondary-rate-limit'; method?: string }
  | { kind: 'drop'; method?: string }
  /** Do the work, then drop the connection: the caller never learns that it succeeded. */
  | { kind: 'drop-after'; method?: string };

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  /** The fault served instead of a real answer, if any. */
  fault?: Fault['kind'];
}

interface Context {
  method: string;
  url: URL;
  params: string[];
  body: Record<string, unknown>;
}

type Handler = (context: Context) => { status: number; body?: unknown; headers?: Record<string, string> };

export const FAKE_TOKEN = 'ghs_fakeTokenForTests0000000000000000';
const USER_LOGIN = 'plainbook-bot';

export class GitHubFake {
  readonly requests: RecordedRequest[] = [];
  /** Comments by issue number. */
  readonly comments = new Map<number, Record<string, unknown>[]>();
  /** Answer writes with 403, as GitHub does for a read-only token (pull requests from forks). */
  denyWrites = false;
  #faults: Fault[] = [];
  #server: Server | undefined;
  #baseUrl = '';
  #nextId = 1000;
  readonly #routes: { method: string; pattern: RegExp; handler: Handler }[] = [];

  readonly owner: string;
  readonly repo: string;

  constructor(owner = 'acme', repo = 'handbook') {
    this.owner = owner;
    this.repo = repo;
    this.#route('GET', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/, (c) => this.#page(c, this.comments.get(Number(c.params[2])) ?? []));
    this.#route('POST', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/, (c) => ({
      status: 201,
      body: this.addComment(Number(c.params[2]), String(c.body.body ?? '')),
    }));
    this.#route('PATCH', /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/, (c) => {
      const comment = [...this.comments.values()].flat().find((item) => item.id === Number(c.params[2]));
      if (!comment) return notFound();
      Object.assign(comment, { body: String(c.body.body ?? ''), updated_at: now() });
      return { status: 200, body: comment };
    });
  }

  get url(): string {
    return this.#baseUrl;
  }

  /** The next matching requests fail as told, one fault per request, in order. */
  injectFaults(...faults: Fault[]): void {
    this.#faults.push(...faults);
  }

  addComment(issueNumber: number, body: string): Record<string, unknown> {
    const id = this.#nextId++;
    const comment = {
      url: `${this.#api()}/issues/comments/${id}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${issueNumber}#issuecomment-${id}`,
      issue_url: `${this.#api()}/issues/${issueNumber}`,
      id,
      node_id: `IC_${id}`,
      user: user(USER_LOGIN),
      created_at: now(),
      updated_at: now(),
      author_association: 'NONE',
      body,
    };
    const list = this.comments.get(issueNumber) ?? [];
    list.push(comment);
    this.comments.set(issueNumber, list);
    return comment;
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== 'GET' && !request.fault);
  }

  async start(): Promise<string> {
    this.#server = createServer((request, response) => void this.#handle(request, response));
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    this.#baseUrl = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.#baseUrl;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((resolve) => this.#server?.close(resolve));
  }

  #api(): string {
    return `${this.#baseUrl}/repos/${this.owner}/${this.repo}`;
  }

  #route(method: string, pattern: RegExp, handler: Handler): void {
    this.#routes.push({ method, pattern, handler });
  }

  /** GitHub's pagination: `per_page` (max 100) and `page`, with `Link` headers to the others. */
  #page({ url }: Context, items: readonly unknown[]): ReturnType<Handler> {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number) => {
      const target = new URL(url.href);
      target.searchParams.set('per_page', String(perPage));
      target.searchParams.set('page', String(n));
      return target.href;
    };
    const links = [
      ...(page < last ? [`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`] : []),
      ...(page > 1 ? [`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`] : []),
    ];
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length ? { link: links.join(', ') } : undefined,
    };
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.#baseUrl);
    const method = request.method ?? 'GET';
    const body = await readBody(request);
    const record: RecordedRequest = { method, path: url.pathname + url.search, body };
    this.requests.push(record);

    const faultIndex = this.#faults.findIndex((fault) => !fault.method || fault.method === method);
    const [fault] = faultIndex === -1 ? [] : this.#faults.splice(faultIndex, 1);
    if (fault && fault.kind !== 'drop-after') {
      record.fault = fault.kind;
      return serveFault(fault, response);
    }
    if (request.headers.authorization !== `token ${FAKE_TOKEN}`) {
      return send(response, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }
    if (this.denyWrites && method !== 'GET') {
      return send(response, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' });
    }
    const route = this.#routes.find((candidate) => candidate.method === method && candidate.pattern.test(url.pathname));
    if (!route) return send(response, 404, notFound().body);
    const params = route.pattern.exec(url.pathname)?.slice(1) ?? [];
    const result = route.handler({ method, url, params, body: (body ?? {}) as Record<string, unknown> });
    if (fault?.kind === 'drop-after') {
      record.fault = fault.kind;
      response.socket?.destroy();
      return;
    }
    send(response, result.status, result.body, result.headers);
  }
}

function serveFault(fault: Fault, response: ServerResponse): void {
  switch (fault.kind) {
    case 'drop':
    case 'drop-after':
      response.socket?.destroy();
      return;
    case 'rate-limit':
      return send(
        response,
        403,
        { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' },
        { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) },
      );
    case 'secondary-rate-limit':
      return send(
        response,
        403,
        { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest' },
        { 'retry-after': '1' },
      );
    case 'status':
      return send(response, fault.status, { message: 'Server Error' });
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-github-request-id': '0000:0000',
    ...headers,
  });
  response.end(text);
}

function notFound() {
  return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

export function user(login: string, id = 1000) {
  const api = `https://api.github.com/users/${login}`;
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `https://github.com/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: 'User',
    site_admin: false,
  };
}
