/**
 * The fake's git side: branches, files, commits through the contents API, pull requests,
 * issue events and collaborator permissions, as the feedback flow uses them.
 */
import { createHash } from 'node:crypto';
import { BOT_LOGIN, type Handler, type Repository } from './repository.ts';
import { now, user } from './shapes.ts';

export interface Commit {
  sha: string;
  parent: string | undefined;
  message: string;
  files: Map<string, string>;
}

export interface IssueEvent {
  id: number;
  event: 'labeled' | 'unlabeled';
  actor: ReturnType<typeof user>;
  label: { name: string; color: string };
  created_at: string;
}

const blobSha = (text: string) => createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0${text}`).digest('hex');

export class GitState {
  readonly commits = new Map<string, Commit>();
  readonly branches = new Map<string, string>();
  readonly events = new Map<number, IssueEvent[]>();
  /** Permission by login: admin, maintain, write, triage, read. Others are not collaborators. */
  readonly permissions = new Map<string, string>([[BOT_LOGIN, 'admin']]);
  readonly reviewRequests: { pull: number; reviewers: string[]; teams: string[] }[] = [];
  defaultBranch = 'main';
  #nextEvent = 5000;

  /** Start `main` with these files. */
  seed(files: Record<string, string>): void {
    const commit = this.commit(undefined, 'Initial commit', new Map(Object.entries(files)));
    this.branches.set(this.defaultBranch, commit.sha);
  }

  commit(parent: string | undefined, message: string, files: Map<string, string>): Commit {
    const sha = createHash('sha1').update(`${parent}\n${message}\n${[...files].map(([p, t]) => `${p}:${blobSha(t)}`).join('\n')}`).digest('hex');
    const commit = { sha, parent, message, files };
    this.commits.set(sha, commit);
    return commit;
  }

  /** A file at a branch or, as GitHub's `ref` parameter allows, at a commit sha. */
  fileOn(ref: string, path: string): string | undefined {
    const sha = this.branches.get(ref) ?? ref;
    return this.commits.get(sha)?.files.get(path);
  }

  /** Someone merges a change to `main` (or another branch) after the checkout was made. */
  commitTo(branch: string, message: string, files: Record<string, string>): Commit {
    const head = this.branches.get(branch);
    if (!head) throw new Error(`no branch ${branch}`);
    const commit = this.commit(head, message, new Map([...(this.commits.get(head)?.files ?? []), ...Object.entries(files)]));
    this.branches.set(branch, commit.sha);
    return commit;
  }

  label(issue: number, name: string, actor: string): void {
    const list = this.events.get(issue) ?? [];
    list.push({ id: this.#nextEvent++, event: 'labeled', actor: user(actor), label: { name, color: 'ededed' }, created_at: now() });
    this.events.set(issue, list);
  }
}

export function registerGitRoutes(repo: Repository, git: GitState, route: (method: string, pattern: RegExp, handler: Handler) => void): void {
  const REPO = String.raw`^/repos/[^/]+/[^/]+`;
  const notFound = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
  const issueByNumber = (value: string | undefined) => repo.issues.find((item) => item.number === Number(value));

  route('GET', new RegExp(`${REPO}$`), () => ({
    status: 200,
    body: { id: 1, name: repo.repo, full_name: `${repo.owner}/${repo.repo}`, default_branch: git.defaultBranch, private: false, html_url: repo.htmlRepo },
  }));

  route('GET', new RegExp(`${REPO}/collaborators/([^/]+)/permission$`), ({ params }) => {
    const permission = git.permissions.get(params[0] ?? '');
    if (!permission) return notFound;
    return { status: 200, body: { permission: permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission, role_name: permission, user: user(params[0] ?? '') } };
  });

  route('GET', new RegExp(`${REPO}/issues/(\\d+)/events$`), ({ url, params }) => repo.page(url, git.events.get(Number(params[0])) ?? []));
  route('POST', new RegExp(`${REPO}/issues/(\\d+)/labels$`), ({ params, body }) => {
    const found = issueByNumber(params[0]);
    if (!found) return notFound;
    for (const name of (body.labels as string[] | undefined) ?? []) {
      if (found.labels.some((item) => item.name === name)) continue;
      found.labels.push(repo.labels.find((item) => item.name === name) ?? repo.addLabel(name));
      git.label(found.number, name, BOT_LOGIN);
    }
    return { status: 200, body: found.labels };
  });
  route('DELETE', new RegExp(`${REPO}/issues/(\\d+)/labels/([^/]+)$`), ({ params }) => {
    const found = issueByNumber(params[0]);
    const name = decodeURIComponent(params[1] ?? '');
    const index = found?.labels.findIndex((item) => item.name === name) ?? -1;
    if (!found || index === -1) return { status: 404, body: { message: 'Label does not exist', documentation_url: 'https://docs.github.com/rest' } };
    found.labels.splice(index, 1);
    return { status: 200, body: found.labels };
  });

  route('GET', new RegExp(`${REPO}/git/ref/heads/(.+)$`), ({ params }) => {
    const branch = decodeURIComponent(params[0] ?? '');
    const sha = git.branches.get(branch);
    return sha ? { status: 200, body: { ref: `refs/heads/${branch}`, object: { sha, type: 'commit' } } } : notFound;
  });
  route('POST', new RegExp(`${REPO}/git/refs$`), ({ body }) => {
    const branch = String(body.ref ?? '').replace(/^refs\/heads\//, '');
    if (git.branches.has(branch)) return { status: 422, body: { message: 'Reference already exists', documentation_url: 'https://docs.github.com/rest' } };
    if (!git.commits.has(String(body.sha))) return { status: 422, body: { message: 'Object does not exist', documentation_url: 'https://docs.github.com/rest' } };
    git.branches.set(branch, String(body.sha));
    return { status: 201, body: { ref: `refs/heads/${branch}`, object: { sha: body.sha, type: 'commit' } } };
  });
  route('PATCH', new RegExp(`${REPO}/git/refs/heads/(.+)$`), ({ params, body }) => {
    const branch = decodeURIComponent(params[0] ?? '');
    if (!git.branches.has(branch)) return notFound;
    git.branches.set(branch, String(body.sha));
    return { status: 200, body: { ref: `refs/heads/${branch}`, object: { sha: body.sha, type: 'commit' } } };
  });

  route('GET', new RegExp(`${REPO}/git/commits/([0-9a-f]{40})$`), ({ params }) => {
    const commit = git.commits.get(params[0] ?? '');
    if (!commit) return notFound;
    const api = `${repo.api}/git/commits/${commit.sha}`;
    return { status: 200, body: { sha: commit.sha, url: api, html_url: `${repo.htmlRepo}/commit/${commit.sha}`, message: commit.message, parents: commit.parent ? [{ sha: commit.parent, url: `${repo.api}/git/commits/${commit.parent}` }] : [] } };
  });
  route('GET', new RegExp(`${REPO}/contents/(.+)$`), ({ url, params }) => {
    const path = decodeURIComponent(params[0] ?? '');
    const text = git.fileOn(url.searchParams.get('ref') ?? git.defaultBranch, path);
    if (text === undefined) return notFound;
    // As GitHub does: files over 1 MB come without their content.
    const large = Buffer.byteLength(text) > 1024 * 1024;
    return { status: 200, body: { type: 'file', encoding: large ? 'none' : 'base64', name: path.split('/').at(-1), path, sha: blobSha(text), size: Buffer.byteLength(text), content: large ? '' : Buffer.from(text).toString('base64') } };
  });
  route('PUT', new RegExp(`${REPO}/contents/(.+)$`), ({ params, body }) => {
    const path = decodeURIComponent(params[0] ?? '');
    const branch = String(body.branch ?? git.defaultBranch);
    const head = git.branches.get(branch);
    const current = git.fileOn(branch, path);
    if (!head) return notFound;
    if (current !== undefined && body.sha !== blobSha(current)) return { status: 409, body: { message: `${path} does not match ${String(body.sha)}`, documentation_url: 'https://docs.github.com/rest' } };
    const files = new Map(git.commits.get(head)?.files);
    const text = Buffer.from(String(body.content ?? ''), 'base64').toString('utf8');
    files.set(path, text);
    const commit = git.commit(head, String(body.message ?? ''), files);
    git.branches.set(branch, commit.sha);
    return { status: 200, body: { content: { path, sha: blobSha(text) }, commit: { sha: commit.sha, message: commit.message } } };
  });

  route('GET', new RegExp(`${REPO}/pulls$`), ({ url }) => {
    const state = url.searchParams.get('state') ?? 'open';
    const head = url.searchParams.get('head')?.split(':').at(-1);
    return repo.page(url, repo.pulls.filter((item) => (state === 'all' || item.state === state) && (!head || item.head.ref === head)));
  });
  route('POST', new RegExp(`${REPO}/pulls$`), ({ body }) => {
    const head = String(body.head ?? '');
    if (!git.branches.has(head)) return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }], documentation_url: 'https://docs.github.com/rest' } };
    const pull = repo.addPullRequest({ head, title: String(body.title ?? '') });
    Object.assign(pull, { body: String(body.body ?? ''), base: { ref: String(body.base ?? git.defaultBranch) } });
    return { status: 201, body: pull };
  });
  route('PATCH', new RegExp(`${REPO}/pulls/(\\d+)$`), ({ params, body }) => {
    const pull = repo.pulls.find((item) => item.number === Number(params[0]));
    if (!pull) return notFound;
    Object.assign(pull, Object.fromEntries(['title', 'body', 'state'].filter((key) => key in body).map((key) => [key, body[key]])));
    return { status: 200, body: pull };
  });
  route('POST', new RegExp(`${REPO}/pulls/(\\d+)/requested_reviewers$`), ({ params, body }) => {
    git.reviewRequests.push({ pull: Number(params[0]), reviewers: (body.reviewers as string[] | undefined) ?? [], teams: (body.team_reviewers as string[] | undefined) ?? [] });
    return { status: 201, body: repo.pulls.find((item) => item.number === Number(params[0])) };
  });
}
