/**
 * The GitHub fake's check against GitHub's published REST description: each way a request or an
 * answer can stray is reported, and what GitHub documents passes. The fake's own objects are held
 * to the schemas here too, each through the operation that returns it.
 */
import { describe, expect, it } from 'vitest';
import { checkAnswer, checkRequest, violationReport, type CheckedRequest } from '../helpers/github-fake/openapi-check.ts';
import { compiledCount } from '../helpers/github-fake/openapi-schema.ts';
import * as shape from '../helpers/github-fake/shapes.ts';
import * as git from '../helpers/github-fake/shapes-git.ts';

const base = 'http://127.0.0.1:1';
const api = `${base}/repos/acme/handbook`;
const htmlRepo = 'https://github.com/acme/handbook';
const place = { api, htmlRepo, owner: 'acme', repo: 'handbook' };

const request = (method: string, path: string, body?: unknown) => checkRequest(method, new URL(path, base), body);
const details = (checked: CheckedRequest) => checked.violations.map((violation) => `${violation.part}: ${violation.detail}`);
const answer = (method: string, path: string, status: number, body: unknown, requestBody?: unknown) =>
  checkAnswer(request(method, path, requestBody), status, 'application/json', body).map((violation) => violation.detail);

const anIssue = () => shape.issue(api, htmlRepo, 7, { number: 1, title: 'Feedback', body: 'b', author: 'ana', labels: [], assignees: [], milestone: null });

describe('requests', () => {
  it('passes a request GitHub documents, naming its operation', () => {
    const checked = request('POST', '/repos/acme/handbook/issues', { title: 'Feedback', body: 'Text', labels: ['pilot'], assignees: ['ana'], milestone: 1 });
    expect(checked.operationId).toBe('issues/create');
    expect(checked.violations).toEqual([]);
    expect(checked.refusal).toBeUndefined();
  });

  it('reports a body field GitHub does not document, though GitHub would drop it silently', () => {
    const checked = request('POST', '/repos/acme/handbook/issues', { title: 'Feedback', labelz: ['pilot'] });
    expect(details(checked)).toEqual(['body: (top level) has `labelz`, which GitHub does not document there']);
    expect(checked.violations[0]).toMatchObject({ method: 'POST', path: '/repos/acme/handbook/issues', operationId: 'issues/create' });
    expect(checked.refusal).toBe(422);
  });

  it('reports a field of the wrong type, and a missing required one', () => {
    expect(details(request('POST', '/repos/acme/handbook/issues/3/comments', { body: 42 }))).toEqual(['body: /body must be string']);
    expect(details(request('POST', '/repos/acme/handbook/labels', { color: 'ededed' }))).toEqual(["body: (top level) must have required property 'name'"]);
    expect(details(request('PATCH', '/repos/acme/handbook/issues/3', { state: 'shut' }))).toEqual(['body: /state must be one of ["open","closed"]']);
  });

  it('reports an unknown path, and a method the path does not have, as GitHub would: 404', () => {
    const unknown = request('GET', '/repos/acme/handbook/policies');
    expect(unknown).toMatchObject({ operationId: 'unknown', refusal: 404 });
    expect(details(unknown)).toEqual(['route: GitHub documents no such operation']);
    expect(details(request('PUT', '/repos/acme/handbook/labels'))).toEqual(['route: GitHub documents no such operation; it documents GET, POST for /repos/{owner}/{repo}/labels']);
  });

  it('checks query and path parameters as the types GitHub declares', () => {
    expect(details(request('GET', '/repos/acme/handbook/issues?state=all&labels=pilot&per_page=100&page=2'))).toEqual([]);
    expect(details(request('GET', '/repos/acme/handbook/issues?state=everything&per_page=many&sort_by=age'))).toEqual([
      'query: /state must be one of ["open","closed","all"]',
      'query: /per_page must be integer',
      'query: (top level) has `sort_by`, which GitHub does not document there',
    ]);
    expect(details(request('GET', '/repos/acme/handbook/issues/first'))).toEqual(['path parameters: /issue_number must be integer']);
  });

  it('reads a path parameter that may hold slashes whole, encoded or not', () => {
    expect(request('GET', '/repos/acme/handbook/contents/content/policies/a.mdx?ref=main')).toMatchObject({ operationId: 'repos/get-content', violations: [] });
    expect(request('GET', '/repos/acme/handbook/git/ref/heads%2Ffeedback%2F7')).toMatchObject({ operationId: 'git/get-ref', violations: [] });
    expect(request('GET', '/repos/acme/handbook/issues/comments')).toMatchObject({ operationId: 'issues/list-comments-for-repo', violations: [] });
  });

  it('reports a body where GitHub documents none, and a missing body it requires', () => {
    expect(details(request('DELETE', '/repos/acme/handbook/issues/3/labels/pilot', { name: 'pilot' }))).toEqual(['body: GitHub documents no JSON body for this operation']);
    expect(details(request('POST', '/repos/acme/handbook/issues'))).toEqual(['body: GitHub requires a body here, and none was sent']);
  });

  it('checks the GraphQL envelope only: a query, and nothing GitHub does not take beside it', () => {
    expect(request('POST', '/graphql', { query: 'query { viewer { login } }' })).toMatchObject({ operationId: 'graphql', violations: [] });
    expect(details(request('POST', '/graphql', { query: '', token: 'x' }))).toEqual(['body: /query must NOT have fewer than 1 characters', 'body: (top level) has `token`, which GitHub does not document there']);
  });
});

describe('answers', () => {
  it('reports an answer missing a required field, or carrying one GitHub does not send', () => {
    const { title: _title, ...untitled } = anIssue();
    expect(answer('GET', '/repos/acme/handbook/issues/1', 200, untitled)).toEqual(["200: (top level) must have required property 'title'"]);
    expect(answer('GET', '/repos/acme/handbook/issues/1', 200, { ...anIssue(), priority: 'high' })).toEqual(['200: (top level) has `priority`, which GitHub does not document there']);
  });

  it('reports a status the operation does not document, and takes 401 and 403 from any', () => {
    expect(answer('GET', '/repos/acme/handbook/labels', 409, { message: 'Conflict' })).toEqual(['409: GitHub documents only 200, 404 for this operation']);
    expect(answer('GET', '/repos/acme/handbook/labels', 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' })).toEqual([]);
  });

  it('takes null where the description says nullable, and nowhere else', () => {
    expect(answer('GET', '/repos/acme/handbook/issues/1', 200, { ...anIssue(), body: null, milestone: null })).toEqual([]);
    expect(answer('GET', '/repos/acme/handbook/issues/1', 200, { ...anIssue(), title: null })).toEqual(['200: /title must be string']);
  });

  it('closes a schema built with allOf as a whole, not each part', () => {
    const version = { version_id: 2, actor: { id: 1, type: 'User' }, updated_at: '2026-03-02T10:00:00Z', state: {} };
    expect(answer('GET', '/repos/acme/handbook/rulesets/1/history/2', 200, version)).toEqual([]);
    expect(answer('GET', '/repos/acme/handbook/rulesets/1/history/2', 200, { ...version, extra: 1 })).toEqual(['200: (top level) has `extra`, which GitHub does not document there']);
  });

  it('compiles each schema once', () => {
    answer('GET', '/repos/acme/handbook/issues/1', 200, anIssue());
    const count = compiledCount();
    answer('GET', '/repos/acme/handbook/issues/1', 200, anIssue());
    expect(compiledCount()).toBe(count);
  });

  it('reports each operation once, with every problem and how many requests showed it', () => {
    const first = request('GET', '/repos/acme/handbook/issues/1');
    const second = request('GET', '/repos/acme/handbook/issues/2');
    const strays = [...checkAnswer(first, 200, 'application/json', { ...anIssue(), x: 1 }), ...checkAnswer(second, 200, 'application/json', { ...anIssue(), x: 1 })];
    expect(violationReport(strays)).toBe(
      "GitHub's REST description (@octokit/openapi) does not allow what the GitHub fake saw or said:\n" +
        '- GET /repos/acme/handbook/issues/1 and 1 more like it (issues/get), answer:\n' +
        '    200: (top level) has `x`, which GitHub does not document there',
    );
  });
});

describe('the fake’s objects are GitHub’s', () => {
  const commit = { sha: 'a'.repeat(40), parent: 'b'.repeat(40), message: 'Edit', files: new Map([['content/a.mdx', 'Text']]), date: shape.now(), author: 'plainbook-bot' };
  const pull = { number: 2, id: 9, title: 'T', body: null, state: 'closed' as const, merged_at: shape.now(), html_url: `${htmlRepo}/pull/2`, head: { ref: 'feedback/1' }, base: { ref: 'main' }, created_at: shape.now() };
  const user = shape.user('ana');
  const cases: [string, string, number, unknown][] = [
    ['GET /repos/acme/handbook/issues/1', 'issue', 200, anIssue()],
    ['GET /repos/acme/handbook/issues/1', 'pull request’s issue', 200, shape.issue(api, htmlRepo, 8, { number: 1, title: 't', body: null, author: 'ana', labels: [shape.label(api, 3, 'pilot', 'ededed', null)], assignees: ['ana'], milestone: shape.milestone(api, htmlRepo, 4, 1, 'Round', null, null, 'ana'), pullRequest: { htmlUrl: pull.html_url, mergedAt: null } })],
    ['POST /repos/acme/handbook/labels', 'label', 201, shape.label(api, 1, 'pilot', 'ededed', null)],
    ['POST /repos/acme/handbook/labels', 'validation error', 422, shape.validationError('Label', 'name', 'already_exists')],
    ['POST /repos/acme/handbook/milestones', 'milestone', 201, shape.milestone(api, htmlRepo, 1, 1, 'Round', 'Text', '2026-03-27T00:00:00Z', 'ana')],
    ['POST /repos/acme/handbook/issues/1/comments', 'comment', 201, shape.comment(api, htmlRepo, 1, 1, 'Thanks', 'ana')],
    ['GET /repos/acme/handbook/issues/1/events', 'labelled event', 200, [shape.issueEvent(api, { id: 1, event: 'labeled', actor: user, label: { name: 'accepted', color: 'ededed' }, created_at: shape.now() })]],
    ['GET /repos/acme/handbook/collaborators/ana/permission', 'permission', 200, shape.collaboratorPermission('ana', 'maintain')],
    ['GET /repos/acme/handbook', 'repository', 200, git.repository(place, 'main', true)],
    ['GET /repos/acme/handbook/git/ref/heads%2Fmain', 'ref', 200, git.gitRef(api, 'main', commit.sha)],
    ['GET /repos/acme/handbook/git/commits/' + commit.sha, 'commit', 200, git.gitCommit(place, commit)],
    ['GET /repos/acme/handbook/commits/' + commit.sha, 'commit with its GitHub accounts', 200, git.restCommit(place, commit)],
    ['GET /repos/acme/handbook/contents/content%2Fa.mdx', 'file', 200, git.contentFile(place, 'main', 'content/a.mdx', 'Text')],
    ['PUT /repos/acme/handbook/contents/content%2Fa.mdx', 'commit of a file', 201, git.fileCommit(place, 'main', 'content/a.mdx', commit)],
    ['GET /repos/acme/handbook/pulls', 'pull request list', 200, [git.pullRequestSimple(place, 'main', pull, commit.sha, commit.sha)]],
    ['POST /repos/acme/handbook/pulls', 'pull request', 201, git.pullRequest(place, 'main', pull, commit.sha, commit.sha)],
  ];
  it.each(cases)('%s: %s', (route, _name, status, body) => {
    const [method = '', path = ''] = route.split(' ');
    expect(answer(method, path, status, body, method === 'GET' ? undefined : {})).toEqual([]);
  });
});
