/**
 * The fake's git side: branches, files, commits through the contents API, pull requests,
 * issue events and collaborator permissions, as the feedback flow uses them.
 */
import { createHash } from 'node:crypto';
import { BOT_LOGIN, type Handler, type Repository } from './repository.ts';
import { collaboratorPermission, issueEvent, now, user } from './shapes.ts';
import { blobSha, contentFile, fileCommit, gitCommit, gitRef, pullRequest, pullRequestSimple, repository, restCommit, type CommitState } from './shapes-git.ts';

export type Commit = CommitState;

export interface IssueEvent {
  id: number;
  event: 'labeled' | 'unlabeled';
  actor: ReturnType<typeof user>;
  label: { name: string; color: string };
  created_at: string;
}

/** Someone who pushes to the repository by hand: the author of `commitTo`'s commits by default. */
export const PERSON_LOGIN = 'octo-editor';

/** An edit to an issue's body, as GraphQL's `userContentEdits` and `lastEditedAt` report it. */
export interface BodyEdit {
  editedAt: string;
  editor: string;
}

export class GitState {
  readonly commits = new Map<string, Commit>();
  readonly branches = new Map<string, string>();
  readonly events = new Map<number, IssueEvent[]>();
  /** Edits to each issue's body, oldest first (see GitHubFake.editIssue). */
  readonly edits = new Map<number, BodyEdit[]>();
  /** Permission by login: admin, maintain, write, triage, read. Others are not collaborators. */
  readonly permissions = new Map<string, string>([[BOT_LOGIN, 'admin']]);
  readonly reviewRequests: { pull: number; reviewers: string[]; teams: string[] }[] = [];
  defaultBranch = 'main';
  #nextEvent = 5000;
  #lastTick = 0;

  /**
   * The time of the next event (a label, an edit): never the same second as the one before, as
   * GitHub's whole-second times could be, so a test can tell which came first.
   */
  tick(): string {
    this.#lastTick = Math.max(Math.floor(Date.now() / 1000), this.#lastTick + 1);
    return new Date(this.#lastTick * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  }

  /** Start `main` with these files. */
  seed(files: Record<string, string>): void {
    const commit = this.commit(undefined, 'Initial commit', new Map(Object.entries(files)), PERSON_LOGIN);
    this.branches.set(this.defaultBranch, commit.sha);
  }

  commit(parent: string | undefined, message: string, files: Map<string, string>, author: string): Commit {
    const sha = createHash('sha1').update(`${parent}\n${author}\n${message}\n${[...files].map(([p, t]) => `${p}:${blobSha(t)}`).join('\n')}`).digest('hex');
    const commit = { sha, parent, message, files, date: now(), author };
    this.commits.set(sha, commit);
    return commit;
  }

  /** A file at a branch or, as GitHub's `ref` parameter allows, at a commit sha. */
  fileOn(ref: string, path: string): string | undefined {
    const sha = this.branches.get(ref) ?? ref;
    return this.commits.get(sha)?.files.get(path);
  }

  /** Someone pushes (or merges) a change to `main` or another branch, on top of its tip or of `parent`. */
  commitTo(branch: string, message: string, files: Record<string, string>, options: { author?: string; parent?: string } = {}): Commit {
    const head = options.parent ?? this.branches.get(branch);
    if (!head) throw new Error(`no branch ${branch}`);
    const commit = this.commit(head, message, new Map([...(this.commits.get(head)?.files ?? []), ...Object.entries(files)]), options.author ?? PERSON_LOGIN);
    this.branches.set(branch, commit.sha);
    return commit;
  }

  label(issue: number, name: string, actor: string): void {
    const list = this.events.get(issue) ?? [];
    list.push({ id: this.#nextEvent++, event: 'labeled', actor: user(actor), label: { name, color: 'ededed' }, created_at: this.tick() });
    this.events.set(issue, list);
  }
}

export function registerGitRoutes(repo: Repository, git: GitState, route: (method: string, pattern: RegExp, handler: Handler) => void): void {
  const REPO = String.raw`^/repos/[^/]+/[^/]+`;
  const notFound = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
  const issueByNumber = (value: string | undefined) => repo.issues.find((item) => item.number === Number(value));
  const tip = (branch: string) => git.branches.get(branch) ?? '0'.repeat(40);
  const pullShape = (pull: (typeof repo.pulls)[number], full: boolean) =>
    (full ? pullRequest : pullRequestSimple)(repo, git.defaultBranch, pull, tip(pull.head.ref), tip(pull.base.ref));

  route('GET', new RegExp(`${REPO}$`), () => ({ status: 200, body: repository(repo, git.defaultBranch, true) }));

  route('GET', new RegExp(`${REPO}/collaborators/([^/]+)/permission$`), ({ params }) => {
    const permission = git.permissions.get(params[0] ?? '');
    if (!permission) return notFound;
    return { status: 200, body: collaboratorPermission(params[0] ?? '', permission) };
  });

  route('GET', new RegExp(`${REPO}/issues/(\\d+)/events$`), ({ url, params }) => repo.page(url, (git.events.get(Number(params[0])) ?? []).map((event) => issueEvent(repo.api, event))));
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
    return sha ? { status: 200, body: gitRef(repo.api, branch, sha) } : notFound;
  });
  route('POST', new RegExp(`${REPO}/git/refs$`), ({ body }) => {
    const branch = String(body.ref ?? '').replace(/^refs\/heads\//, '');
    if (git.branches.has(branch)) return { status: 422, body: { message: 'Reference already exists', documentation_url: 'https://docs.github.com/rest' } };
    if (!git.commits.has(String(body.sha))) return { status: 422, body: { message: 'Object does not exist', documentation_url: 'https://docs.github.com/rest' } };
    git.branches.set(branch, String(body.sha));
    return { status: 201, body: gitRef(repo.api, branch, String(body.sha)) };
  });
  route('PATCH', new RegExp(`${REPO}/git/refs/heads/(.+)$`), ({ params, body }) => {
    const branch = decodeURIComponent(params[0] ?? '');
    if (!git.branches.has(branch)) return notFound;
    git.branches.set(branch, String(body.sha));
    return { status: 200, body: gitRef(repo.api, branch, String(body.sha)) };
  });

  route('GET', new RegExp(`${REPO}/git/commits/([0-9a-f]{40})$`), ({ params }) => {
    const commit = git.commits.get(params[0] ?? '');
    return commit ? { status: 200, body: gitCommit(repo, commit) } : notFound;
  });
  // `ref` is a sha, a branch name or `heads/<branch>`.
  route('GET', new RegExp(`${REPO}/commits/(.+)$`), ({ params }) => {
    const ref = decodeURIComponent(params[0] ?? '');
    const commit = git.commits.get(git.branches.get(ref.replace(/^heads\//, '')) ?? ref);
    return commit ? { status: 200, body: restCommit(repo, commit) } : { status: 422, body: { message: `No commit found for SHA: ${ref}`, documentation_url: 'https://docs.github.com/rest' } };
  });
  route('GET', new RegExp(`${REPO}/contents/(.+)$`), ({ url, params }) => {
    const path = decodeURIComponent(params[0] ?? '');
    const ref = url.searchParams.get('ref') ?? git.defaultBranch;
    const text = git.fileOn(ref, path);
    return text === undefined ? notFound : { status: 200, body: contentFile(repo, ref, path, text) };
  });
  route('PUT', new RegExp(`${REPO}/contents/(.+)$`), ({ params, body }) => {
    const path = decodeURIComponent(params[0] ?? '');
    const branch = String(body.branch ?? git.defaultBranch);
    const head = git.branches.get(branch);
    const current = git.fileOn(branch, path);
    if (!head) return notFound;
    if (current !== undefined && body.sha !== blobSha(current)) return { status: 409, body: { message: `${path} does not match ${String(body.sha)}`, documentation_url: 'https://docs.github.com/rest' } };
    const files = new Map(git.commits.get(head)?.files);
    files.set(path, Buffer.from(String(body.content ?? ''), 'base64').toString('utf8'));
    const commit = git.commit(head, String(body.message ?? ''), files, BOT_LOGIN);
    git.branches.set(branch, commit.sha);
    // As GitHub does: 201 for a new file, 200 for a changed one.
    return { status: current === undefined ? 201 : 200, body: fileCommit(repo, branch, path, commit) };
  });

  route('GET', new RegExp(`${REPO}/pulls$`), ({ url }) => {
    const state = url.searchParams.get('state') ?? 'open';
    const head = url.searchParams.get('head')?.split(':').at(-1);
    const pulls = repo.pulls.filter((item) => (state === 'all' || item.state === state) && (!head || item.head.ref === head));
    return repo.page(url, pulls.map((pull) => pullShape(pull, false)));
  });
  route('POST', new RegExp(`${REPO}/pulls$`), ({ body }) => {
    const head = String(body.head ?? '');
    if (!git.branches.has(head)) return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }], documentation_url: 'https://docs.github.com/rest' } };
    const pull = repo.addPullRequest({ head, title: String(body.title ?? ''), base: String(body.base ?? git.defaultBranch) });
    pull.body = typeof body.body === 'string' ? body.body : null;
    return { status: 201, body: pullShape(pull, true) };
  });
  route('PATCH', new RegExp(`${REPO}/pulls/(\\d+)$`), ({ params, body }) => {
    const pull = repo.pulls.find((item) => item.number === Number(params[0]));
    if (!pull) return notFound;
    Object.assign(pull, Object.fromEntries(['title', 'body', 'state'].filter((key) => key in body).map((key) => [key, body[key]])));
    return { status: 200, body: pullShape(pull, true) };
  });
  route('POST', new RegExp(`${REPO}/pulls/(\\d+)/requested_reviewers$`), ({ params, body }) => {
    const pull = repo.pulls.find((item) => item.number === Number(params[0]));
    if (!pull) return notFound;
    git.reviewRequests.push({ pull: pull.number, reviewers: (body.reviewers as string[] | undefined) ?? [], teams: (body.team_reviewers as string[] | undefined) ?? [] });
    return { status: 201, body: pullShape(pull, false) };
  });
}
