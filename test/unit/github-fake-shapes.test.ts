/**
 * The GitHub fake must answer in GitHub's shapes, or tests pass against something GitHub never
 * sends. Every answer is held to GitHub's published description (openapi-check.ts), which says
 * what GitHub must send; these recordings in @octokit/fixtures say what it does send: the
 * optional fields too (`state_reason`, `reactions`, `timeline_url`), which product code may read
 * and the description would let the fake leave out, and the Link header's form, which it does
 * not describe at all.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as shape from '../helpers/github-fake/shapes.ts';

const fixtures = join(dirname(createRequire(import.meta.url).resolve('@octokit/fixtures/package.json')), 'scenarios/api.github.com');

interface Recording {
  method: string;
  path: string;
  status: number;
  response: unknown;
  headers: Record<string, string>;
}

function recording(scenario: string, method: string, path: RegExp): Recording {
  const all = JSON.parse(readFileSync(join(fixtures, scenario, 'normalized-fixture.json'), 'utf8')) as Recording[];
  const found = all.find((item) => item.method === method && path.test(item.path));
  if (!found) throw new Error(`no ${method} ${path} in ${scenario}`);
  return found;
}

const keys = (value: unknown) => Object.keys(value as object).sort();
const api = 'http://127.0.0.1:1/repos/acme/handbook';

describe('GitHub fake response shapes match GitHub’s recordings', () => {
  it('issue', () => {
    const recorded = recording('add-labels-to-issue', 'post', /\/issues$/).response;
    const ours = shape.issue(api, 'https://github.com/acme/handbook', 1, { number: 1, title: 't', body: 'b', author: 'a', labels: [], assignees: [], milestone: null });
    expect(keys(ours)).toEqual(keys(recorded));
    expect(keys(ours.user)).toEqual(keys((recorded as { user: object }).user));
  });

  it('label', () => {
    const recorded = recording('labels', 'post', /\/labels$/).response;
    expect(keys(shape.label(api, 1, 'pilot', 'ededed', null))).toEqual(keys(recorded));
  });

  it('issue list items and the Link header format', () => {
    const recorded = recording('paginate-issues', 'get', /per_page=3$/);
    const first = (recorded.response as object[])[0];
    const ours = shape.issue(api, 'https://github.com/acme/handbook', 1, { number: 1, title: 't', body: 'b', author: 'a', labels: [], assignees: [], milestone: null });
    for (const key of keys(first)) expect(keys(ours), key).toContain(key);
    expect(recorded.headers.link).toMatch(/^<[^>]+[?&]page=2>; rel="next", <[^>]+[?&]page=\d+>; rel="last"$/);
  });

  it('validation errors', () => {
    const recorded = recording('errors', 'post', /\/labels$/);
    expect(recorded.status).toBe(422);
    expect(keys(shape.validationError('Label', 'name', 'already_exists'))).toEqual(keys(recorded.response));
    const [error] = (recorded.response as { errors: object[] }).errors;
    expect(keys(shape.validationError('Label', 'name', 'already_exists').errors[0])).toEqual(keys(error));
  });
});
