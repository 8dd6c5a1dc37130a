/**
 * GitHub REST objects as the fake returns them. Field sets follow GitHub's responses as recorded
 * in @octokit/fixtures (test/unit/github-fake-shapes.test.ts checks they stay in step).
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
  };
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

export function validationError(resource: string, field: string, code: string) {
  return { message: 'Validation Failed', errors: [{ resource, code, field }], documentation_url: 'https://docs.github.com/rest' };
}
