/**
 * GitHub REST objects as the fake returns them: issues, labels, milestones, comments, events and
 * the like (the git side is in shapes-git.ts). Every answer is checked against GitHub's published
 * description (openapi-check.ts), so each object carries the fields it requires, and no others.
 */
export function now(): string {
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

export function label(api: string, id: number, name: string, color: string, description: string | null) {
  return { id, node_id: `LA_${id}`, url: `${api}/labels/${encodeURIComponent(name)}`, name, color, default: false, description };
}

export interface IssueInput {
  number: number;
  title: string;
  body: string | null;
  author: string;
  labels: ReturnType<typeof label>[];
  assignees: string[];
  milestone: Record<string, unknown> | null;
  createdAt?: string;
  /** Set when the issue is a pull request's, as every pull request is also an issue. */
  pullRequest?: { htmlUrl: string; mergedAt: string | null };
}

export function issue(api: string, htmlRepo: string, id: number, input: IssueInput) {
  const url = `${api}/issues/${input.number}`;
  const created = input.createdAt ?? now();
  return {
    url,
    repository_url: api,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${htmlRepo}/issues/${input.number}`,
    id,
    node_id: `I_${id}`,
    number: input.number,
    title: input.title,
    user: user(input.author),
    labels: input.labels,
    state: 'open',
    locked: false,
    assignee: input.assignees[0] ? user(input.assignees[0]) : null,
    assignees: input.assignees.map((login) => user(login)),
    milestone: input.milestone,
    comments: 0,
    created_at: created,
    updated_at: created,
    closed_at: null as string | null,
    closed_by: null,
    author_association: 'MEMBER',
    active_lock_reason: null,
    body: input.body,
    reactions: { url: `${url}/reactions`, total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 },
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: null as string | null,
    ...(input.pullRequest ? { pull_request: issuePullRequest(api, input.number, input.pullRequest) } : {}),
  };
}

/** The `pull_request` links an issue carries when it is a pull request. */
function issuePullRequest(api: string, number: number, pull: NonNullable<IssueInput['pullRequest']>) {
  const { htmlUrl } = pull;
  return { url: `${api}/pulls/${number}`, html_url: htmlUrl, diff_url: `${htmlUrl}.diff`, patch_url: `${htmlUrl}.patch`, merged_at: pull.mergedAt };
}

export function milestone(api: string, htmlRepo: string, id: number, number: number, title: string, description: string | null, dueOn: string | null, author: string) {
  return {
    url: `${api}/milestones/${number}`,
    html_url: `${htmlRepo}/milestone/${number}`,
    labels_url: `${api}/milestones/${number}/labels`,
    id,
    node_id: `MI_${id}`,
    number,
    title,
    description,
    creator: user(author),
    open_issues: 0,
    closed_issues: 0,
    state: 'open',
    created_at: now(),
    updated_at: now(),
    due_on: dueOn,
    closed_at: null as string | null,
  };
}

export function comment(api: string, htmlRepo: string, id: number, issueNumber: number, body: string, author: string) {
  return {
    url: `${api}/issues/comments/${id}`,
    html_url: `${htmlRepo}/issues/${issueNumber}#issuecomment-${id}`,
    issue_url: `${api}/issues/${issueNumber}`,
    id,
    node_id: `IC_${id}`,
    user: user(author),
    created_at: now(),
    updated_at: now(),
    author_association: 'MEMBER',
    body,
  };
}

/** `labeled-issue-event` / `unlabeled-issue-event`, from the fake's record of who labelled. */
export function issueEvent(api: string, event: { id: number; event: string; actor: ReturnType<typeof user>; label: { name: string; color: string }; created_at: string }) {
  return { ...event, node_id: `LE_${event.id}`, url: `${api}/issues/events/${event.id}`, commit_id: null, commit_url: null, performed_via_github_app: null };
}

/**
 * `repository-collaborator-permission`. GitHub folds roles into the old permission names
 * (maintain reads as write, triage as read) and keeps the role itself in `role_name`.
 */
export function collaboratorPermission(login: string, role: string) {
  const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
  const rank = ['read', 'triage', 'write', 'maintain', 'admin'].indexOf(role);
  const permissions = { pull: rank >= 0, triage: rank >= 1, push: rank >= 2, maintain: rank >= 3, admin: rank >= 4 };
  return { permission, role_name: role, user: { ...user(login), permissions, role_name: role } };
}

export function validationError(resource: string, field: string, code: string) {
  return { message: 'Validation Failed', errors: [{ resource, code, field }], documentation_url: 'https://docs.github.com/rest' };
}
