/**
 * The issue-tracker gateway pilot rounds and reviews share, against the local GitHub fake: each
 * write found before it is made, dry runs that write nothing, and failures that name their step.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RequestError } from 'octokit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubError } from '../../src/errors/index.ts';
import { pullRequestFromEvent } from '../../src/github/event.ts';
import { findOrCreate } from '../../src/github/idempotent.ts';
import { IssueTracker, labelNames } from '../../src/github/issues.ts';
import { marker } from '../../src/github/markers.ts';
import { fakeClient } from '../helpers/github-client.ts';
import { GitHubFake } from '../helpers/github-fake/server.ts';

let fake: GitHubFake;
beforeEach(async () => {
  fake = new GitHubFake();
  await fake.start();
});
afterEach(() => fake.stop());

function tracker(dryRun = false): IssueTracker {
  const { octokit, target } = fakeClient(fake);
  return new IssueTracker(octokit, target, dryRun);
}

const LABEL = { name: 'pilot', color: '0e8a16', description: 'Pilot round' };

describe('labels and milestones', () => {
  it('creates only the labels that are missing, matching names without case', async () => {
    fake.addLabel('Pilot');
    expect(await tracker().ensureLabels([LABEL, { ...LABEL, name: 'feedback' }])).toEqual(['feedback']);
    expect(fake.labels.map((label) => [label.name, label.color, label.description])).toEqual([
      ['Pilot', 'ededed', null],
      ['feedback', '0e8a16', 'Pilot round'],
    ]);
    expect(await tracker(true).ensureLabels([{ ...LABEL, name: 'new' }])).toEqual(['new']);
    expect(fake.labels).toHaveLength(2);
  });

  it('takes "already exists" as done when a label was made by a try whose answer was lost', async () => {
    fake.injectFaults({ kind: 'drop-after', method: 'POST' });
    expect(await tracker().ensureLabels([LABEL])).toEqual(['pilot']);
    expect(fake.labels.map((label) => label.name)).toEqual(['pilot']);
  });

  it('keeps a milestone due that day, moves one due another day, and creates a missing one once', async () => {
    expect(await tracker().ensureMilestone('Round', '2026-03-27T23:59:59Z', 'About')).toMatchObject({ action: 'created', number: 1 });
    expect(await tracker().ensureMilestone('Round', '2026-03-27T00:00:00Z', 'About')).toEqual({ number: 1, action: 'kept' });
    expect(await tracker(true).ensureMilestone('Round', '2026-04-30T23:59:59Z', 'About')).toEqual({ number: 1, action: 'updated' });
    expect(fake.milestones[0]?.due_on).toBe('2026-03-27T23:59:59Z');
    expect(await tracker().ensureMilestone('Round', '2026-04-30T23:59:59Z', 'About')).toEqual({ number: 1, action: 'updated' });
    expect(fake.milestones[0]?.due_on).toBe('2026-04-30T23:59:59Z');
    expect(await tracker(true).ensureMilestone('Other', '2026-04-30T23:59:59Z', 'About')).toEqual({ number: 0, action: 'created' });
    fake.milestones[0]!.due_on = null;
    expect((await tracker().ensureMilestone('Round', '2026-04-30T23:59:59Z', 'About')).action).toBe('updated');
    await tracker(true).closeMilestone(1);
    expect(fake.milestones[0]?.state).toBe('open');
    await tracker().closeMilestone(1);
    expect(fake.milestones[0]?.state).toBe('closed');
    expect(fake.milestones).toHaveLength(1);
  });
});

describe('issues and comments', () => {
  it('lists issues with a label, open and closed, leaving out pull requests', async () => {
    fake.addIssue({ title: 'Open', body: '', labels: ['pilot'] });
    const closed = fake.addIssue({ title: 'Closed', body: '', labels: ['pilot'] });
    Object.assign(closed, { state: 'closed' });
    fake.addIssue({ title: 'A pull request', body: '', labels: ['pilot'], pullRequest: fake.addPullRequest({ head: 'x', title: 'A pull request' }) });
    fake.addIssue({ title: 'Other', body: '', labels: ['feedback'] });
    expect((await tracker().issuesWithLabel('pilot')).map((issue) => issue.title)).toEqual(['Closed', 'Open']);
    expect(labelNames({ labels: ['a', { name: 'b' }, {}] })).toEqual(['a', 'b', '']);
  });

  it('creates an issue once, even when the answer to the create is lost', async () => {
    const tag = marker('pilot=spring', { tester: 'ana' });
    const github = tracker();
    fake.injectFaults({ kind: 'drop-after', method: 'POST' });
    const issue = await github.createIssueOnce(tag, { title: 'Task', body: `${tag}\nRead it.`, labels: ['pilot'] }, () => github.issuesWithLabel('pilot'));
    expect(fake.issues.map((item) => item.number)).toEqual([issue.number]);
  });

  it('comments once per tag, refusing a body without it', async () => {
    const issue = fake.addIssue({ title: 'Task', body: '' });
    const tag = marker('pilot=spring', { reminder: 'ana:2026-03-10' });
    await expect(tracker().commentOnce(issue.number, tag, 'No tag here.')).rejects.toThrow(`commentOnce: the body must contain its marker ${tag}`);
    expect(await tracker(true).commentOnce(issue.number, tag, `${tag}\nHi.`)).toBe('created');
    expect(fake.comments.get(issue.number)).toBeUndefined();
    expect(await tracker().commentOnce(issue.number, tag, `${tag}\nHi.`)).toBe('created');
    expect(await tracker().commentOnce(issue.number, tag, `${tag}\nHi again.`)).toBe('exists');
    expect(fake.comments.get(issue.number)?.map((comment) => comment.body)).toEqual([`${tag}\nHi.`]);
  });

  it('updates an issue, or only says so in a dry run', async () => {
    const issue = fake.addIssue({ title: 'Task', body: 'old' });
    await tracker(true).updateIssue(issue.number, { body: 'new' });
    expect(fake.issues[0]?.body).toBe('old');
    await tracker().updateIssue(issue.number, { body: 'new', state: 'closed', state_reason: 'completed' });
    expect(fake.issues[0]).toMatchObject({ body: 'new', state: 'closed', state_reason: 'completed' });
  });

  it('finds feedback pull requests by their branch, feedback/<issue>, and nothing else', async () => {
    fake.addPullRequest({ head: 'feedback/12', title: 'A', merged: true });
    fake.addPullRequest({ head: 'feedback/7', title: 'B' });
    fake.addPullRequest({ head: 'feedback/7x', title: 'C' });
    fake.addPullRequest({ head: 'my/feedback/8', title: 'D' });
    fake.addPullRequest({ head: 'feedback/', title: 'E' });
    const pulls = await tracker().feedbackPullRequests();
    expect([...pulls.keys()].sort((a, b) => a - b)).toEqual([7, 12]);
    expect(pulls.get(12)).toMatchObject({ state: 'closed', merged: true });
    expect(pulls.get(7)).toMatchObject({ state: 'open', merged: false, html_url: 'https://github.com/acme/handbook/pull/2' });
  });

  it.each([
    ['reading labels', (github: IssueTracker) => github.ensureLabels([LABEL])],
    ['reading milestones', (github: IssueTracker) => github.findMilestone('x')],
    ['closing milestone 3', (github: IssueTracker) => github.closeMilestone(3)],
    ['reading issues labelled pilot', (github: IssueTracker) => github.issuesWithLabel('pilot')],
    ['updating issue #3', (github: IssueTracker) => github.updateIssue(3, { body: 'x' })],
    ['reading the comments of #3', (github: IssueTracker) => github.comments(3)],
    ['reading pull requests', (github: IssueTracker) => github.feedbackPullRequests()],
  ])('names the step when GitHub refuses: %s', async (step, call) => {
    fake.injectFaults({ kind: 'status', status: 422 });
    await expect(call(tracker())).rejects.toThrow(`GitHub answered 422 while ${step}: Server Error. GitHub rejected the data`);
  });
});

describe('find before create', () => {
  const serverError = () => new RequestError('Bad Gateway', 502, { request: { method: 'POST', url: 'x', headers: {} } });
  const rejected = () => new RequestError('Validation Failed', 422, { request: { method: 'POST', url: 'x', headers: {} } });

  it('tries three times after failures that may hide a success, looking first each time', async () => {
    let finds = 0;
    let creates = 0;
    const attempt = findOrCreate({ step: 'making it', find: async () => (finds++, undefined), create: async () => (creates++, Promise.reject(serverError())) });
    await expect(attempt).rejects.toBeInstanceOf(GitHubError);
    expect([finds, creates]).toEqual([3, 3]);
  });

  it('stops at once after a failure that cannot hide a success', async () => {
    let creates = 0;
    await expect(findOrCreate({ step: 'making it', find: async () => undefined, create: async () => (creates++, Promise.reject(rejected())) })).rejects.toThrow('GitHub answered 422 while making it');
    expect(creates).toBe(1);
  });

  it('returns what a later look finds, without creating again', async () => {
    let found: string | undefined;
    let creates = 0;
    const result = await findOrCreate({
      step: 'making it',
      knownAbsent: true,
      find: async () => found,
      create: async () => {
        creates++;
        found = 'made';
        throw serverError();
      },
    });
    expect(result).toEqual({ item: 'made', created: false });
    expect(creates).toBe(1);
  });

  it('honours a smaller number of attempts', async () => {
    let creates = 0;
    await expect(findOrCreate({ step: 'x', attempts: 1, find: async () => undefined, create: async () => (creates++, Promise.reject(serverError())) })).rejects.toThrow(GitHubError);
    expect(creates).toBe(1);
  });
});

describe('the pull request a workflow runs for', () => {
  const eventFile = (content: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'plainbook-event-')), 'event.json');
    writeFileSync(path, content);
    return path;
  };
  const event = (pullRequest: unknown) => pullRequestFromEvent({ GITHUB_EVENT_PATH: eventFile(JSON.stringify({ pull_request: pullRequest })) });

  it('is read from the event, and is from a fork when head and base repositories differ', () => {
    expect(event({ number: 4, head: { repo: { full_name: 'acme/handbook' } }, base: { repo: { full_name: 'acme/handbook' } } })).toEqual({ number: 4, fromFork: false });
    expect(event({ number: 4, head: { repo: { full_name: 'ana/handbook' } }, base: { repo: { full_name: 'acme/handbook' } } })).toEqual({ number: 4, fromFork: true });
    expect(event({ number: 4, head: { repo: null }, base: { repo: { full_name: 'acme/handbook' } } })).toEqual({ number: 4, fromFork: false });
    expect(event({ number: 4 })).toEqual({ number: 4, fromFork: false });
  });

  it('is not there outside a pull request event, or when the event cannot be read', () => {
    expect(pullRequestFromEvent({})).toBeUndefined();
    expect(pullRequestFromEvent({ GITHUB_EVENT_PATH: eventFile('{ not json') })).toBeUndefined();
    expect(pullRequestFromEvent({ GITHUB_EVENT_PATH: '/nonexistent/event.json' })).toBeUndefined();
    expect(pullRequestFromEvent({ GITHUB_EVENT_PATH: eventFile('{"issue": {"number": 3}}') })).toBeUndefined();
    expect(event({ number: '4' })).toBeUndefined();
  });
});
