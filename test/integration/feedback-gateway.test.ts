/**
 * The feedback flow's GitHub calls, one by one, against the local fake: who labelled, who may
 * write, branches, files, pull requests, reviewers; and each failure names its step.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/index.ts';
import { FeedbackGitHub } from '../../src/feedback/github.ts';
import { fakeClient } from '../helpers/github-client.ts';
import { BOT_LOGIN } from '../helpers/github-fake/repository.ts';
import { GitHubFake } from '../helpers/github-fake/server.ts';

let fake: GitHubFake;
let logged: string[];
beforeEach(async () => {
  fake = new GitHubFake();
  await fake.start();
  fake.git.seed({ 'content/policies/a.mdx': 'Say hello.\n' });
  logged = [];
});
afterEach(() => fake.stop());

function gateway(dryRun = false): FeedbackGitHub {
  const { octokit, target } = fakeClient(fake);
  return new FeedbackGitHub(octokit, target, dryRun);
}

describe('reading', () => {
  it('refuses a pull request given as the feedback issue', async () => {
    const pull = fake.addPullRequest({ head: 'x', title: 'A pull request' });
    fake.addIssue({ title: 'Feedback', body: '', pullRequest: pull });
    const error = await gateway().issue(pull.number).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`#${pull.number} is a pull request, not a feedback issue: give the number of the issue with the feedback.`);
  });

  it('says who added a label last, ignoring other labels and removals', async () => {
    const issue = fake.addIssue({ title: 'Feedback', body: '' });
    fake.labelIssue(issue.number, 'accepted', 'first-editor');
    fake.labelIssue(issue.number, 'feedback', 'someone-else');
    fake.git.events.get(issue.number)?.push({ ...fake.git.events.get(issue.number)![0]!, id: 1, event: 'unlabeled', actor: { ...fake.git.events.get(issue.number)![0]!.actor, login: 'remover' } });
    const first = fake.git.events.get(issue.number)?.[0];
    expect(await gateway().lastLabelling(issue.number, 'accepted')).toEqual({ login: 'first-editor', at: first?.created_at });
    fake.labelIssue(issue.number, 'accepted', 'second-editor');
    const second = await gateway().lastLabelling(issue.number, 'accepted');
    expect(second).toEqual({ login: 'second-editor', at: fake.git.events.get(issue.number)?.at(-1)?.created_at });
    expect(Date.parse(second?.at ?? '')).toBeGreaterThan(Date.parse(first?.created_at ?? ''));
    expect(await gateway().lastLabelling(issue.number, 'declined')).toBeUndefined();
  });

  it('reads an issue\'s words with the time of their last edit, and says when the issue is gone', async () => {
    const issue = fake.addIssue({ title: 'Feedback', body: 'First words.', author: 'ana-lee' });
    expect(await gateway().issueWords(issue.number)).toEqual({ body: 'First words.', lastEditedAt: null });
    fake.editIssue(issue.number, 'Second words.');
    fake.editIssue(issue.number, 'Third words.', 'ed-editor');
    expect(await gateway().issueWords(issue.number)).toEqual({ body: 'Third words.', lastEditedAt: fake.git.edits.get(issue.number)?.[1]?.editedAt });
    const error = await gateway().issueWords(99).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe('#99 is no longer an issue of acme/handbook (deleted or moved): give the number of the issue with the feedback.');
  });

  it('knows its own commit for an issue by its one parent, exact title and author', async () => {
    const main = fake.git.branches.get('main') ?? '';
    const commit = (message: string, author: string, parent = main) => fake.git.commitTo('main', message, { 'content/policies/a.mdx': `${message} ${author}\n` }, { author, parent }).sha;
    const github = gateway();
    expect(await github.isOwnFeedbackCommit(commit('Apply feedback from #1\n\nCo-authored-by: a <1+a@users.noreply.github.com>', BOT_LOGIN), 1)).toBe(true);
    expect(await github.isOwnFeedbackCommit(commit('Apply feedback from #1', 'PLAINBOOK-BOT'), 1)).toBe(true);
    expect(await github.isOwnFeedbackCommit(commit('Apply feedback from #1', 'ed-editor'), 1)).toBe(false);
    expect(await github.isOwnFeedbackCommit(commit('Apply feedback from #1', ''), 1)).toBe(false);
    expect(await github.isOwnFeedbackCommit(commit('Apply feedback from #12', BOT_LOGIN), 1)).toBe(false);
    expect(await github.isOwnFeedbackCommit(commit('Apply feedback from #1 (tweak)', BOT_LOGIN), 1)).toBe(false);
    expect(await github.isOwnFeedbackCommit(commit('Apply feedback from #1', BOT_LOGIN, fake.git.commitTo('main', 'x', {}).sha), 1)).toBe(true);
    const root = fake.git.commit(undefined, 'Apply feedback from #1', new Map(), BOT_LOGIN).sha;
    expect(await github.isOwnFeedbackCommit(root, 1)).toBe(false);
  });

  it('lets admins, maintainers and writers act, and no one else', async () => {
    for (const [login, permission] of [['ad', 'admin'], ['ma', 'maintain'], ['wr', 'write'], ['tr', 'triage'], ['re', 'read']] as const) fake.git.permissions.set(login, permission);
    const github = gateway();
    expect(await Promise.all(['ad', 'ma', 'wr', 'tr', 're', 'stranger'].map((login) => github.canWrite(login)))).toEqual([true, true, true, false, false, false]);
  });

  it('reads a file at a commit, and says there is none for a missing file', async () => {
    const sha = fake.git.branches.get('main') ?? '';
    fake.git.commitTo('main', 'Change', { 'content/policies/a.mdx': 'Say hi.\n' });
    expect((await gateway().file('content/policies/a.mdx', sha))?.text).toBe('Say hello.\n');
    expect((await gateway().file('content/policies/a.mdx', 'main'))?.text).toBe('Say hi.\n');
    expect(await gateway().file('content/policies/none.mdx', 'main')).toBeUndefined();
    expect(await gateway().branchSha('no-such-branch')).toBeUndefined();
  });

  it('says a policy over 1 MB is too long, since GitHub sends no text for it', async () => {
    fake.git.commitTo('main', 'Huge', { 'content/policies/huge.mdx': 'x'.repeat(1024 * 1024 + 1) });
    await expect(gateway().file('content/policies/huge.mdx', 'main')).rejects.toThrow('content/policies/huge.mdx is over 1 MB, so GitHub does not send its text: split it into smaller policies.');
  });
});

describe('writing', () => {
  it('labels, unlabels (a missing label is fine) and closes, and writes nothing in a dry run', async () => {
    const issue = fake.addIssue({ title: 'Feedback', body: '' });
    await gateway(true).addLabels(issue.number, ['has-pr']);
    await gateway(true).close(issue.number, 'completed');
    expect(fake.writes()).toEqual([]);
    await gateway().addLabels(issue.number, []);
    expect(fake.writes()).toEqual([]);
    await gateway().addLabels(issue.number, ['has-pr']);
    await gateway().removeLabel(issue.number, 'needs-edit');
    await gateway().removeLabel(issue.number, 'has-pr');
    await gateway().close(issue.number, 'not_planned');
    expect(fake.issues[0]).toMatchObject({ labels: [], state: 'closed', state_reason: 'not_planned' });
  });

  it('creates a branch, or resets it to the commit given', async () => {
    const main = fake.git.branches.get('main') ?? '';
    expect(await gateway().resetBranch('feedback/1', main)).toBe('created');
    const moved = fake.git.commitTo('feedback/1', 'Old try', { 'content/policies/a.mdx': 'Old.\n' });
    expect(fake.git.branches.get('feedback/1')).toBe(moved.sha);
    expect(await gateway().resetBranch('feedback/1', main)).toBe('reset');
    expect(fake.git.branches.get('feedback/1')).toBe(main);
    expect(await gateway(true).resetBranch('feedback/2', main)).toBe('created');
    expect(fake.git.branches.has('feedback/2')).toBe(false);
  });

  it('commits a file once: the same text again is found, not committed', async () => {
    const main = fake.git.branches.get('main') ?? '';
    await gateway().resetBranch('feedback/1', main);
    const blob = (await gateway().file('content/policies/a.mdx', main))?.sha ?? '';
    expect(await gateway().commitFile('feedback/1', 'content/policies/a.mdx', 'Say hi.\n', blob, 'Apply')).toBe('committed');
    expect(await gateway().commitFile('feedback/1', 'content/policies/a.mdx', 'Say hi.\n', blob, 'Apply')).toBe('unchanged');
    expect(fake.requests.filter((request) => request.method === 'PUT')).toHaveLength(1);
  });

  it('opens a pull request once, updates it after, and reopens one closed without merging', async () => {
    const main = fake.git.branches.get('main') ?? '';
    await gateway().resetBranch('feedback/1', main);
    const first = await gateway().openOrUpdatePull('feedback/1', 'main', 'Title', 'Body');
    expect(first).toMatchObject({ action: 'created', number: fake.pulls[0]?.number });
    expect(fake.pulls[0]).toMatchObject({ title: 'Title', body: 'Body', base: { ref: 'main' }, head: { ref: 'feedback/1' } });
    fake.pulls[0]!.state = 'closed';
    expect(await gateway().openOrUpdatePull('feedback/1', 'main', 'New title', 'New body')).toMatchObject({ action: 'updated', number: first.number });
    expect(fake.pulls[0]).toMatchObject({ title: 'New title', body: 'New body', state: 'open' });

    fake.pulls[0]!.state = 'closed';
    fake.pulls[0]!.merged_at = '2026-11-20T10:00:00Z';
    await gateway().openOrUpdatePull('feedback/1', 'main', 'Merged', 'Body');
    expect(fake.pulls[0]).toMatchObject({ title: 'Merged', state: 'closed' });
    expect(fake.pulls).toHaveLength(1);
  });

  it('says what it would do in a dry run, writing nothing', async () => {
    expect(await gateway(true).openOrUpdatePull('feedback/9', 'main', 'T', 'B')).toEqual({ number: 0, html_url: '', action: 'created' });
    expect(await gateway(true).commitFile('feedback/9', 'content/policies/a.mdx', 'x', 'sha', 'm')).toBe('committed');
    await gateway(true).requestReview(1, '@ana', (line) => logged.push(line));
    await gateway(true).removeLabel(1, 'x');
    expect(fake.writes()).toEqual([]);
  });

  it('asks a user or a team to review, and only notes a refusal', async () => {
    const pull = fake.addPullRequest({ head: 'feedback/1', title: 'T' });
    await gateway().requestReview(pull.number, '@ana-lee', (line) => logged.push(line));
    await gateway().requestReview(pull.number, '@acme/phone-team', (line) => logged.push(line));
    expect(fake.git.reviewRequests).toEqual([
      { pull: pull.number, reviewers: ['ana-lee'], teams: [] },
      { pull: pull.number, reviewers: [], teams: ['phone-team'] },
    ]);
    fake.injectFaults({ kind: 'status', status: 422, method: 'POST' });
    await gateway().requestReview(pull.number, '@ana-lee', (line) => logged.push(line));
    expect(logged).toEqual([`Could not ask @ana-lee to review #${pull.number}: Server Error`]);
  });
});

describe('each failure names its step', () => {
  const failing = (status: number) => fake.injectFaults({ kind: 'status', status });
  it.each([
    ['reading issue #5', (github: FeedbackGitHub) => github.issue(5)],
    ['reading the events of #5', (github: FeedbackGitHub) => github.lastLabelling(5, 'accepted')],
    ['reading the words of #5', (github: FeedbackGitHub) => github.issueWords(5)],
    ['reading commit aaaaaaa', (github: FeedbackGitHub) => github.isOwnFeedbackCommit('a'.repeat(40), 5)],
    ['checking what ana may do', (github: FeedbackGitHub) => github.canWrite('ana')],
    ['labelling #5', (github: FeedbackGitHub) => github.addLabels(5, ['x'])],
    ['removing x from #5', (github: FeedbackGitHub) => github.removeLabel(5, 'x')],
    ['reading the repository', (github: FeedbackGitHub) => github.defaultBranch()],
    ['reading branch main', (github: FeedbackGitHub) => github.branchSha('main')],
    ['reading content/policies/a.mdx at main', (github: FeedbackGitHub) => github.file('content/policies/a.mdx', 'main')],
    ['looking for the pull request from feedback/5', (github: FeedbackGitHub) => github.openOrUpdatePull('feedback/5', 'main', 'T', 'B')],
    ['closing #5', (github: FeedbackGitHub) => github.close(5, 'completed')],
  ])('%s', async (step, call) => {
    // 422 is not retried, so the one fault is the answer.
    failing(422);
    await expect(call(gateway())).rejects.toThrow(`GitHub answered 422 while ${step}: Server Error`);
  });
});
