/** The fake's repository: its state, and the REST routes that read and change it. */
import * as shape from './shapes.ts';
import type { PullRequestState } from './shapes-git.ts';

export interface Context {
  method: string;
  url: URL;
  params: string[];
  body: Record<string, unknown>;
}

export type Handler = (context: Context) => { status: number; body?: unknown; headers?: Record<string, string> | undefined };

type Label = ReturnType<typeof shape.label>;
type Issue = ReturnType<typeof shape.issue>;
type Milestone = ReturnType<typeof shape.milestone>;
type Comment = ReturnType<typeof shape.comment>;

/** What the fake keeps of a pull request; shapes-git.ts renders GitHub's object from it. */
export type PullRequest = PullRequestState;

/** The login the token belongs to; it authors what the API creates. */
export const BOT_LOGIN = 'plainbook-bot';

export class Repository {
  readonly owner: string;
  readonly repo: string;
  baseUrl = '';
  readonly labels: Label[] = [];
  readonly milestones: Milestone[] = [];
  readonly issues: Issue[] = [];
  /** Comments by issue number. */
  readonly comments = new Map<number, Comment[]>();
  readonly pulls: PullRequest[] = [];
  #nextId = 1000;
  #nextNumber = 1;

  constructor(owner: string, repo: string) {
    this.owner = owner;
    this.repo = repo;
  }

  get url(): string {
    return this.baseUrl;
  }

  get api(): string {
    return `${this.baseUrl}/repos/${this.owner}/${this.repo}`;
  }

  get htmlRepo(): string {
    return `https://github.com/${this.owner}/${this.repo}`;
  }

  addLabel(name: string, color = 'ededed', description: string | null = null): Label {
    const created = shape.label(this.api, this.#nextId++, name, color, description);
    this.labels.push(created);
    return created;
  }

  /**
   * An issue as a person filed it (a feedback form, say), without going through the API. With
   * `pullRequest`, it is that pull request's issue, under its number: on GitHub every pull
   * request is also an issue, and issue lists carry them.
   */
  addIssue(fields: { title: string; body: string; author?: string; labels?: string[]; assignees?: string[]; createdAt?: string; milestone?: number; pullRequest?: PullRequest }): Issue {
    const labels = (fields.labels ?? []).map((name) => this.labels.find((item) => item.name === name) ?? this.addLabel(name));
    const milestone = this.milestones.find((item) => item.number === fields.milestone) ?? null;
    const pull = fields.pullRequest;
    const created = shape.issue(this.api, this.htmlRepo, this.#nextId++, {
      number: pull?.number ?? this.#nextNumber++,
      ...(pull ? { pullRequest: { htmlUrl: pull.html_url, mergedAt: pull.merged_at } } : {}),
      title: fields.title,
      body: fields.body,
      author: fields.author ?? BOT_LOGIN,
      labels,
      assignees: fields.assignees ?? [],
      milestone,
      ...(fields.createdAt ? { createdAt: fields.createdAt } : {}),
    });
    this.issues.push(created);
    return created;
  }

  addComment(issueNumber: number, body: string, author = BOT_LOGIN): Comment {
    const created = shape.comment(this.api, this.htmlRepo, this.#nextId++, issueNumber, body, author);
    const list = this.comments.get(issueNumber) ?? [];
    list.push(created);
    this.comments.set(issueNumber, list);
    const target = this.issues.find((item) => item.number === issueNumber);
    if (target) target.comments = list.length;
    return created;
  }

  addPullRequest(fields: { head: string; title: string; base?: string; merged?: boolean; state?: 'open' | 'closed' }): PullRequest {
    const number = this.#nextNumber++;
    const pull: PullRequest = {
      number,
      id: this.#nextId++,
      title: fields.title,
      body: null,
      state: fields.state ?? (fields.merged ? 'closed' : 'open'),
      merged_at: fields.merged ? shape.now() : null,
      html_url: `${this.htmlRepo}/pull/${number}`,
      head: { ref: fields.head },
      base: { ref: fields.base ?? 'main' },
      created_at: shape.now(),
    };
    this.pulls.push(pull);
    return pull;
  }

  addMilestone(title: string, dueOn: string | null, description: string | null = null): Milestone {
    const created = shape.milestone(this.api, this.htmlRepo, this.#nextId++, this.milestones.length + 1, title, description, dueOn, BOT_LOGIN);
    this.milestones.push(created);
    return created;
  }

  /** GitHub's pagination: `per_page` (max 100) and `page`, with `Link` headers to the others. */
  page(url: URL, items: readonly unknown[]): ReturnType<Handler> {
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
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : undefined };
  }
}

const REPO = String.raw`^/repos/[^/]+/[^/]+`;

function notFound() {
  return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
}

function invalid(resource: string, field: string, code: string) {
  return { status: 422, body: shape.validationError(resource, field, code) };
}

export function registerRoutes(repo: Repository, route: (method: string, pattern: RegExp, handler: Handler) => void): void {
  const issueByNumber = (value: string | undefined) => repo.issues.find((item) => item.number === Number(value));

  route('GET', new RegExp(`${REPO}/labels$`), ({ url }) => repo.page(url, repo.labels));
  route('POST', new RegExp(`${REPO}/labels$`), ({ body }) => {
    const name = String(body.name ?? '');
    if (repo.labels.some((item) => item.name.toLowerCase() === name.toLowerCase())) return invalid('Label', 'name', 'already_exists');
    return { status: 201, body: repo.addLabel(name, String(body.color ?? 'ededed'), (body.description as string | undefined) ?? null) };
  });

  route('GET', new RegExp(`${REPO}/milestones$`), ({ url }) => {
    const state = url.searchParams.get('state') ?? 'open';
    return repo.page(url, repo.milestones.filter((item) => state === 'all' || item.state === state));
  });
  route('POST', new RegExp(`${REPO}/milestones$`), ({ body }) => {
    if (repo.milestones.some((item) => item.title === body.title)) return invalid('Milestone', 'title', 'already_exists');
    return { status: 201, body: repo.addMilestone(String(body.title), (body.due_on as string | undefined) ?? null, (body.description as string | undefined) ?? null) };
  });
  route('PATCH', new RegExp(`${REPO}/milestones/(\\d+)$`), ({ params, body }) => {
    const found = repo.milestones.find((item) => item.number === Number(params[0]));
    if (!found) return notFound();
    if (body.state === 'closed' && found.state !== 'closed') found.closed_at = new Date().toISOString();
    Object.assign(found, pick(body, ['title', 'state', 'description', 'due_on']), { updated_at: new Date().toISOString() });
    return { status: 200, body: found };
  });

  route('GET', new RegExp(`${REPO}/issues$`), ({ url }) => {
    const state = url.searchParams.get('state') ?? 'open';
    const wanted = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
    const matching = repo.issues
      .filter((item) => state === 'all' || item.state === state)
      .filter((item) => wanted.every((name) => item.labels.some((label) => label.name === name)))
      .sort((a, b) => b.number - a.number);
    return repo.page(url, matching);
  });
  route('POST', new RegExp(`${REPO}/issues$`), ({ body }) => {
    const created = repo.addIssue({
      title: String(body.title ?? ''),
      body: String(body.body ?? ''),
      labels: (body.labels as string[] | undefined) ?? [],
      assignees: (body.assignees as string[] | undefined) ?? [],
      ...(typeof body.milestone === 'number' ? { milestone: body.milestone } : {}),
    });
    return { status: 201, body: created };
  });
  route('GET', new RegExp(`${REPO}/issues/(\\d+)$`), ({ params }) => {
    const found = issueByNumber(params[0]);
    return found ? { status: 200, body: found } : notFound();
  });
  route('PATCH', new RegExp(`${REPO}/issues/(\\d+)$`), ({ params, body }) => {
    const found = issueByNumber(params[0]);
    if (!found) return notFound();
    if (body.state === 'closed' && found.state !== 'closed') found.closed_at = new Date().toISOString();
    if (body.state === 'open') Object.assign(found, { closed_at: null, state_reason: 'reopened' });
    Object.assign(found, pick(body, ['title', 'body', 'state', 'state_reason']), { updated_at: new Date().toISOString() });
    return { status: 200, body: found };
  });

  route('GET', new RegExp(`${REPO}/issues/(\\d+)/comments$`), ({ url, params }) => repo.page(url, repo.comments.get(Number(params[0])) ?? []));
  route('POST', new RegExp(`${REPO}/issues/(\\d+)/comments$`), ({ params, body }) => ({
    status: 201,
    body: repo.addComment(Number(params[0]), String(body.body ?? '')),
  }));
  route('PATCH', new RegExp(`${REPO}/issues/comments/(\\d+)$`), ({ params, body }) => {
    const found = [...repo.comments.values()].flat().find((item) => item.id === Number(params[0]));
    if (!found) return notFound();
    Object.assign(found, { body: String(body.body ?? ''), updated_at: new Date().toISOString() });
    return { status: 200, body: found };
  });

}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]]));
}
