/**
 * A local stand-in for the GitHub REST API on 127.0.0.1, for tests. It keeps one repository's
 * state in memory (labels, milestones, issues, comments, pull requests), paginates with Link
 * headers as GitHub does, checks the token, and can be told to fail: 5xx, primary and secondary
 * rate limits, dropped connections (before or after doing the work), or a hook after each write
 * (to kill a CLI between two writes).
 *
 * Every request and every answer is held to GitHub's published REST description
 * (openapi-check.ts). A request GitHub would refuse gets GitHub's refusal (404 or 422); every
 * stray is kept in `violations`, and `stop()` throws them, so the test that made them fails.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GitState, registerGitRoutes } from './git.ts';
import { answerGraphql } from './graphql.ts';
import { checkAnswer, checkRequest, violationReport, type CheckedRequest, type Violation } from './openapi-check.ts';
import { BOT_LOGIN, registerRoutes, Repository, type Handler, type Context } from './repository.ts';

export type Fault =
  | { kind: 'status'; status: number; method?: string }
  | { kind: 'rate-limit'; method?: string }
  | { kind: 'secondary-rate-limit'; method?: string; retryAfter?: number }
  | { kind: 'drop'; method?: string }
  /** Do the work, then drop the connection: the caller never learns that it succeeded. */
  | { kind: 'drop-after'; method?: string };

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  /** The fault served instead of (or after) a real answer, if any. */
  fault?: Fault['kind'];
}

export const FAKE_TOKEN = 'ghs_fakeTokenForTests0000000000000000';

export class GitHubFake extends Repository {
  readonly requests: RecordedRequest[] = [];
  /** Requests and answers GitHub's REST description does not allow, in order. */
  readonly violations: Violation[] = [];
  /** Answer writes with 403, as GitHub does for a read-only token (pull requests from forks). */
  denyWrites = false;
  /** Called after each successful write, with the number of writes so far. */
  onWrite: ((count: number) => void) | undefined;
  #writes = 0;
  #faults: Fault[] = [];
  #server: Server | undefined;
  readonly #routes: { method: string; pattern: RegExp; handler: Handler }[] = [];

  readonly git = new GitState();

  constructor(owner = 'acme', repo = 'handbook') {
    super(owner, repo);
    const route = (method: string, pattern: RegExp, handler: Handler) => this.#routes.push({ method, pattern, handler });
    registerRoutes(this, route);
    registerGitRoutes(this, this.git, route);
    // GraphQL: which account the token belongs to, and an issue's words with their last edit.
    route('POST', /^\/graphql$/, ({ body }) => answerGraphql(this, this.git.edits, BOT_LOGIN, body));
  }

  /**
   * Someone edits an issue's body in GitHub's interface: GitHub keeps when (GraphQL's
   * `lastEditedAt`) and by whom. Tests change a body this way, never by assigning it.
   */
  editIssue(number: number, body: string, editor?: string): void {
    const issue = this.issues.find((item) => item.number === number);
    if (!issue) throw new Error(`no issue #${number}`);
    const editedAt = this.git.tick();
    Object.assign(issue, { body, updated_at: editedAt });
    this.git.edits.set(number, [...(this.git.edits.get(number) ?? []), { editedAt, editor: editor ?? issue.user.login }]);
  }

  /** A person adds a label in GitHub's interface: the label, and the event that says who. */
  labelIssue(number: number, name: string, actor: string): void {
    const issue = this.issues.find((item) => item.number === number);
    if (!issue) throw new Error(`no issue #${number}`);
    if (!issue.labels.some((label) => label.name === name)) issue.labels.push(this.labels.find((label) => label.name === name) ?? this.addLabel(name));
    this.git.label(number, name, actor);
  }

  /** The next matching requests fail as told, one fault per request, in order. */
  injectFaults(...faults: Fault[]): void {
    this.#faults.push(...faults);
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((request) => isWrite(request.method, request.path) && request.fault === undefined);
  }

  async start(): Promise<string> {
    this.#server = createServer((request, response) => void this.#handle(request, response));
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  /** Stops the server, then fails (see assertTrueToGitHub) if anything strayed from GitHub. */
  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((resolve) => this.#server?.close(resolve));
    this.assertTrueToGitHub();
  }

  /** Throws, naming method, path, operation and the schema's complaint, for each stray so far. */
  assertTrueToGitHub(): void {
    if (this.violations.length === 0) return;
    throw new Error(violationReport(this.violations));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    const method = request.method ?? 'GET';
    const body = await readBody(request);
    const record: RecordedRequest = { method, path: url.pathname + url.search, body };
    this.requests.push(record);
    // Checked even when a fault is served: the request is the product's, whatever GitHub does with it.
    const checked = checkRequest(method, url, body);
    this.violations.push(...checked.violations);

    const faultIndex = this.#faults.findIndex((fault) => !fault.method || fault.method === method);
    const [fault] = faultIndex === -1 ? [] : this.#faults.splice(faultIndex, 1);
    if (fault && fault.kind !== 'drop-after') {
      record.fault = fault.kind;
      return serveFault(fault, response);
    }
    const answer = (status: number, answerBody: unknown, headers?: Record<string, string>) => {
      this.violations.push(...checkAnswer(checked, status, 'application/json', answerBody));
      send(response, status, answerBody, headers);
    };
    if (request.headers.authorization !== `token ${FAKE_TOKEN}`) {
      return answer(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    }
    if (checked.refusal) return send(response, checked.refusal, refusal(checked));
    if (this.denyWrites && isWrite(method, url.pathname)) {
      return answer(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' });
    }
    // Octokit encodes `/` inside a parameter (`git/ref/heads%2Ffeedback%2F7`); GitHub reads both.
    const path = decodeURIComponent(url.pathname);
    const route = this.#routes.find((candidate) => candidate.method === method && candidate.pattern.test(path));
    const result = route
      ? route.handler({ method, url, params: route.pattern.exec(path)?.slice(1) ?? [], body: (body ?? {}) as Record<string, unknown> } satisfies Context)
      : { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
    if (isWrite(method, url.pathname) && result.status < 300) this.onWrite?.(++this.#writes);
    this.violations.push(...checkAnswer(checked, result.status, 'application/json', result.body));
    if (fault?.kind === 'drop-after') {
      record.fault = fault.kind;
      response.socket?.destroy();
      return;
    }
    send(response, result.status, result.body, result.headers);
  }
}

/** GitHub's own refusals: an unknown route, and a body that does not fit the operation. */
function refusal(checked: CheckedRequest): unknown {
  if (checked.refusal === 404) return { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' };
  const details = checked.violations.map((violation) => `${violation.part}: ${violation.detail}`).join('\n');
  return { message: `Invalid request.\n\n${details}`, documentation_url: 'https://docs.github.com/rest', status: '422' };
}

/** GraphQL queries are POSTs that change nothing. */
function isWrite(method: string, path: string): boolean {
  return method !== 'GET' && !path.startsWith('/graphql');
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
        { 'retry-after': String(fault.retryAfter ?? 1) },
      );
    case 'status':
      return send(response, fault.status, { message: 'Server Error' });
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-github-request-id': '0000:0000',
    ...headers,
  });
  response.end(body === undefined ? '' : JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}
