/**
 * How a stray from GitHub's REST description reaches the test that made it: the fake refuses
 * the request as GitHub would (404, 422), keeps every stray, and `stop()` (each test's
 * afterEach) fails naming method, path, operation and the schema's complaint.
 */
import { RequestError } from 'octokit';
import { describe, expect, it } from 'vitest';
import { fakeClient } from '../helpers/github-client.ts';
import { GitHubFake } from '../helpers/github-fake/server.ts';

async function started(): Promise<GitHubFake> {
  const fake = new GitHubFake();
  await fake.start();
  return fake;
}

describe('the GitHub fake holds requests and answers to GitHub’s description', () => {
  it('refuses a body GitHub would not take with 422, and stop() fails naming it', async () => {
    const fake = await started();
    const { octokit } = fakeClient(fake);
    const refused = await octokit.request('POST /repos/{owner}/{repo}/labels', { owner: 'acme', repo: 'handbook', name: 'pilot', colour: 'ededed' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RequestError);
    expect((refused as RequestError).status).toBe(422);
    expect((refused as RequestError).message).toContain('body: (top level) has `colour`, which GitHub does not document there');
    expect(fake.labels).toEqual([]);
    await expect(fake.stop()).rejects.toThrow(
      "GitHub's REST description (@octokit/openapi) does not allow what the GitHub fake saw or said:\n" +
        '- POST /repos/acme/handbook/labels (issues/create-label), body:\n' +
        '    (top level) has `colour`, which GitHub does not document there',
    );
  });

  it('answers an undocumented route 404, as GitHub does', async () => {
    const fake = await started();
    const { octokit } = fakeClient(fake);
    const refused = await octokit.request('GET /repos/{owner}/{repo}/policies', { owner: 'acme', repo: 'handbook' }).catch((error: unknown) => error);
    expect((refused as RequestError).status).toBe(404);
    await expect(fake.stop()).rejects.toThrow('- GET /repos/acme/handbook/policies (unknown), route:\n    GitHub documents no such operation');
  });

  it('keeps an answer of its own that GitHub would never give, and stop() fails naming it', async () => {
    const fake = await started();
    const { octokit } = fakeClient(fake);
    Object.assign(fake.addLabel('pilot'), { color: 7 });
    const { data } = await octokit.rest.issues.listLabelsForRepo({ owner: 'acme', repo: 'handbook' });
    expect(data).toHaveLength(1);
    await expect(fake.stop()).rejects.toThrow('- GET /repos/acme/handbook/labels (issues/list-labels-for-repo), answer:\n    200: /0/color must be string');
  });

  it('stops quietly after requests and answers GitHub documents', async () => {
    const fake = await started();
    const { octokit } = fakeClient(fake);
    await octokit.rest.issues.createLabel({ owner: 'acme', repo: 'handbook', name: 'pilot', color: 'ededed' });
    await octokit.rest.issues.listLabelsForRepo({ owner: 'acme', repo: 'handbook', per_page: 100 });
    expect(fake.violations).toEqual([]);
    await expect(fake.stop()).resolves.toBeUndefined();
  });

  it('answers GraphQL in GitHub\'s shapes, and still holds the envelope to what GitHub takes', async () => {
    const fake = await started();
    const { octokit } = fakeClient(fake);
    const issue = fake.addIssue({ title: 'Feedback', body: 'Words.', author: 'ana-lee' });
    const query = (fields: string) => `query($owner: String!, $repo: String!, $number: Int!) { repository(owner: $owner, name: $repo) { issue(number: $number) { ${fields} } } }`;
    expect(await octokit.graphql(query('body lastEditedAt'), { owner: 'acme', repo: 'handbook', number: issue.number })).toEqual({ repository: { issue: { body: 'Words.', lastEditedAt: null } } });
    const unknown = await octokit.graphql(query('body editedBy'), { owner: 'acme', repo: 'handbook', number: issue.number }).catch((error: unknown) => error);
    expect((unknown as { errors: { message: string }[] }).errors.map((error) => error.message)).toEqual(["Field 'editedBy' doesn't exist on type 'Issue'"]);
    const missing = await octokit.graphql(query('body'), { owner: 'acme', repo: 'handbook', number: 99 }).catch((error: unknown) => error);
    expect((missing as { errors: { type: string; message: string }[] }).errors).toEqual([{ type: 'NOT_FOUND', path: ['repository', 'issue'], message: 'Could not resolve to an Issue with the number of 99.' }]);
    expect(fake.violations).toEqual([]);
    await octokit.request('POST /graphql', { query: '', token: 'x' }).catch(() => undefined);
    await expect(fake.stop()).rejects.toThrow('- POST /graphql (graphql), body:\n    /query must NOT have fewer than 1 characters');
  });
});
