/**
 * GitHub REST objects for the fake's git side (repository, refs, commits, contents, pull
 * requests), with every field GitHub's description requires (openapi-check.ts holds them to it).
 * The fake keeps small state objects and renders these on the way out.
 */
import { createHash } from 'node:crypto';
import { BOT_LOGIN } from './repository.ts';
import { now, user } from './shapes.ts';

/** Where a repository lives: API and web addresses, owner and name. */
export interface Place {
  api: string;
  htmlRepo: string;
  owner: string;
  repo: string;
}

export interface CommitState {
  sha: string;
  parent: string | undefined;
  message: string;
  files: Map<string, string>;
  date: string;
  /** The GitHub account the commit is linked to (the token's for commits made through the API); '' for none. */
  author: string;
}

export interface PullRequestState {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  merged_at: string | null;
  html_url: string;
  head: { ref: string };
  base: { ref: string };
  created_at: string;
}

export const blobSha = (text: string) => createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0${text}`).digest('hex');

const treeSha = (files: Map<string, string>) => createHash('sha1').update([...files].map(([path, text]) => `${path}:${blobSha(text)}`).join('\n')).digest('hex');

/** `repository`, as GitHub nests it in pull requests; `full` adds what GET /repos/{owner}/{repo} says. */
export function repository(place: Place, defaultBranch: string, full = false) {
  const { api, htmlRepo } = place;
  const fullName = `${place.owner}/${place.repo}`;
  const created = '2026-01-05T09:00:00Z';
  return {
    id: 1,
    node_id: 'R_1',
    name: place.repo,
    full_name: fullName,
    owner: user(place.owner, 1),
    private: false,
    html_url: htmlRepo,
    description: null,
    fork: false,
    url: api,
    ...templatedUrls(api),
    git_url: `git://github.com/${fullName}.git`,
    ssh_url: `git@github.com:${fullName}.git`,
    clone_url: `${htmlRepo}.git`,
    svn_url: htmlRepo,
    mirror_url: null,
    homepage: null,
    language: null,
    license: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 0,
    default_branch: defaultBranch,
    open_issues: 0,
    open_issues_count: 0,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: 'public',
    pushed_at: created,
    created_at: created,
    updated_at: created,
    ...(full ? { network_count: 0, subscribers_count: 0 } : {}),
  };
}

function templatedUrls(api: string) {
  const plain = ['contributors', 'deployments', 'downloads', 'events', 'forks', 'hooks', 'languages', 'merges', 'stargazers', 'subscribers', 'subscription', 'tags', 'teams'];
  return {
    ...Object.fromEntries(plain.map((name) => [`${name}_url`, `${api}/${name}`])),
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    statuses_url: `${api}/statuses/{sha}`,
    trees_url: `${api}/git/trees{/sha}`,
  };
}

export function gitRef(api: string, branch: string, sha: string) {
  return { ref: `refs/heads/${branch}`, node_id: `REF_${branch}`, url: `${api}/git/refs/heads/${branch}`, object: { type: 'commit', sha, url: `${api}/git/commits/${sha}` } };
}

/** The commit's git author and committer, named after the account it belongs to. */
function gitPerson(commit: CommitState) {
  return { name: commit.author, email: `${commit.author}@users.noreply.github.com`, date: commit.date };
}

export function gitCommit(place: Place, commit: CommitState) {
  const person = gitPerson(commit);
  const link = (sha: string) => ({ sha, url: `${place.api}/git/commits/${sha}`, html_url: `${place.htmlRepo}/commit/${sha}` });
  return {
    ...link(commit.sha),
    node_id: `C_${commit.sha}`,
    author: person,
    committer: person,
    message: commit.message,
    tree: { sha: treeSha(commit.files), url: `${place.api}/git/trees/${treeSha(commit.files)}` },
    parents: commit.parent ? [link(commit.parent)] : [],
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

/**
 * `commit`, as GET /repos/{owner}/{repo}/commits/{ref} answers: the git commit plus the GitHub
 * accounts its author and committer are linked to (what tells a person's commit from the bot's).
 */
export function restCommit(place: Place, commit: CommitState) {
  const git = gitCommit(place, commit);
  return {
    url: `${place.api}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: git.node_id,
    html_url: git.html_url,
    comments_url: `${place.api}/commits/${commit.sha}/comments`,
    commit: { url: git.url, author: git.author, committer: git.committer, message: git.message, comment_count: 0, tree: git.tree, verification: git.verification },
    // GitHub links no account when the author's e-mail belongs to none.
    author: commit.author ? user(commit.author) : null,
    committer: commit.author ? user(commit.author) : null,
    parents: git.parents,
    stats: { additions: 0, deletions: 0, total: 0 },
    files: [],
  };
}

/** A file's entry, without its text: what a commit through the contents API answers. */
function fileEntry(place: Place, ref: string, path: string, text: string) {
  const sha = blobSha(text);
  const urls = {
    url: `${place.api}/contents/${path}?ref=${encodeURIComponent(ref)}`,
    html_url: `${place.htmlRepo}/blob/${ref}/${path}`,
    git_url: `${place.api}/git/blobs/${sha}`,
  };
  return {
    type: 'file',
    name: path.split('/').at(-1) ?? path,
    path,
    sha,
    size: Buffer.byteLength(text),
    ...urls,
    download_url: `https://raw.githubusercontent.com/${place.owner}/${place.repo}/${ref}/${path}`,
    _links: { self: urls.url, git: urls.git_url, html: urls.html_url },
  };
}

/** `content-file`. As GitHub does, files over 1 MB come without their text (`encoding: none`). */
export function contentFile(place: Place, ref: string, path: string, text: string) {
  const large = Buffer.byteLength(text) > 1024 * 1024;
  return { ...fileEntry(place, ref, path, text), encoding: large ? 'none' : 'base64', content: large ? '' : Buffer.from(text).toString('base64') };
}

export function fileCommit(place: Place, branch: string, path: string, commit: CommitState) {
  return { content: fileEntry(place, branch, path, commit.files.get(path) ?? ''), commit: gitCommit(place, commit) };
}

/** `pull-request-simple`, as lists and review requests answer; `headSha` is the branch's tip. */
export function pullRequestSimple(place: Place, defaultBranch: string, pull: PullRequestState, headSha: string, baseSha: string) {
  const url = `${place.api}/pulls/${pull.number}`;
  const issue = `${place.api}/issues/${pull.number}`;
  const link = (href: string) => ({ href });
  const side = (ref: string, sha: string) => ({ label: `${place.owner}:${ref}`, ref, sha, user: user(place.owner, 1), repo: repository(place, defaultBranch) });
  const updated = pull.state === 'closed' ? (pull.merged_at ?? now()) : pull.created_at;
  return {
    url,
    id: pull.id,
    node_id: `PR_${pull.id}`,
    html_url: pull.html_url,
    diff_url: `${pull.html_url}.diff`,
    patch_url: `${pull.html_url}.patch`,
    issue_url: issue,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${place.api}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${place.api}/statuses/${headSha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: user(BOT_LOGIN),
    body: pull.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pull.created_at,
    updated_at: updated,
    closed_at: pull.state === 'closed' ? updated : null,
    merged_at: pull.merged_at,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    head: side(pull.head.ref, headSha),
    base: side(pull.base.ref, baseSha),
    _links: {
      self: link(url),
      html: link(pull.html_url),
      issue: link(issue),
      comments: link(`${issue}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${place.api}/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(`${place.api}/statuses/${headSha}`),
    },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: false,
  };
}

/** `pull-request`, as opening, reading or updating one answers. */
export function pullRequest(place: Place, defaultBranch: string, pull: PullRequestState, headSha: string, baseSha: string) {
  const merged = pull.merged_at !== null;
  return {
    ...pullRequestSimple(place, defaultBranch, pull, headSha, baseSha),
    merged,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: merged ? user(BOT_LOGIN) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 1,
  };
}
