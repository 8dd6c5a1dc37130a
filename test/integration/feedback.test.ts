import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runToExitCode } from '../../src/cli/run-cli.ts';
import { feedbackCli } from '../../src/feedback/cli.ts';
import { FEEDBACK_FORM_PATH, renderFeedbackForm } from '../../src/pilot/feedback-form.ts';
import { buildSite } from '../helpers/build-site.ts';
import { PERSON_LOGIN } from '../helpers/github-fake/git.ts';
import { BOT_LOGIN } from '../helpers/github-fake/repository.ts';
import { FAKE_TOKEN, GitHubFake } from '../helpers/github-fake/server.ts';
import { createPilotProject, feedbackBody, policyId, type FeedbackFields } from '../helpers/pilot-project.ts';
import { write } from '../helpers/temp-project.ts';
import { gainedConstructs, gainedRenderedParts } from '../helpers/markdown.ts';
import { fromHtml } from 'hast-util-from-html';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

const FAST = { retryAfterBaseValue: 5, rateLimitSecond: 5, writeIntervalMs: 0, log: { debug() {}, info() {}, warn() {}, error() {} } };
const EDITOR = 'ed-editor';
/** Policies 1 to 13 are MDX (`.mdx`); policy n + 20 is the same policy in Markdown (`.md`). */
const POLICIES = 13;
const asMarkdown = (n: number) => n + 20;
const policyPath = (n: number) => `content/policies/${policyId(n)}.${n > 20 ? 'md' : 'mdx'}`;

/** Policy n: a heading, a unique sentence, and one sentence that repeats under two headings. */
function policyText(n: number): string {
  return `---
title: Policy ${n}
owner: "@acme/leads"
status: published
effective: 2026-01-05
goals: [warm-welcome]
---

## On the phone

Answer the phone in policy ${n} within three rings.
Say our name first.

## In person

Say our name first.

Ask "How can I help?" and say 'thank you' at the end.
`;
}

let fake: GitHubFake;
let project: ReturnType<typeof createPilotProject>;

beforeEach(async () => {
  fake = new GitHubFake();
  await fake.start();
  project = createPilotProject({ policies: POLICIES, staff: 1 });
  const files: Record<string, string> = {};
  const numbers = Array.from({ length: POLICIES }, (_, i) => i + 1).flatMap((n) => [n, asMarkdown(n)]);
  for (const n of numbers) files[policyPath(n)] = policyText(n);
  write(project.dir, files);
  const titles = numbers.map((n) => ({ id: policyId(n), title: `Policy ${n}` }));
  write(project.dir, { [FEEDBACK_FORM_PATH]: renderFeedbackForm(titles) });
  fake.git.seed(files);
  fake.git.permissions.set(EDITOR, 'write');
  fake.git.permissions.set('visitor', 'read');
});
afterEach(() => fake.stop());

async function feedback(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const env = { GITHUB_TOKEN: FAKE_TOKEN, GITHUB_REPOSITORY: 'acme/handbook', GITHUB_API_URL: fake.url };
  await feedbackCli(argv, { root: project.dir, env, clientOptions: FAST, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { outcome: stdout.trim(), stderr };
}

function fileIssue(fields: Partial<FeedbackFields> & { policy?: number }, options: { body?: string; title?: string; author?: string } = {}) {
  const body = options.body ?? feedbackBody({ policy: 1, current: 'within three rings', suggested: 'within 3 rings', ...fields });
  const issue = fake.addIssue({ title: options.title ?? 'Feedback: Policy 1', body, author: options.author ?? 'ana-lee', labels: ['feedback'] });
  (issue.user as { id: number }).id = 4242;
  return issue;
}

function accept(number: number, by = EDITOR) {
  fake.labelIssue(number, 'accepted', by);
}

const statusComments = (number: number) => (fake.comments.get(number) ?? []).filter((comment) => comment.body.includes(`<!-- plainbook:feedback issue=${number} -->`));
const labelsOf = (number: number) => fake.issues.find((issue) => issue.number === number)?.labels.map((label) => label.name) ?? [];

describe('accepted feedback becomes a pull request', () => {
  it('opens one pull request with the change, asks the owner to review, and links it back', async () => {
    const issue = fileIssue({ policy: 3, current: 'Answer the phone in policy 3 within three rings.', suggested: 'Answer within 3 rings.', section: 'On the phone', round: 'spring' });
    accept(issue.number);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('pull-request');

    const branch = `feedback/${issue.number}`;
    const changed = fake.git.fileOn(branch, 'content/policies/policy-03.mdx') ?? '';
    expect(changed).toBe(policyText(3).replace('Answer the phone in policy 3 within three rings.', 'Answer within 3 rings.'));
    const head = fake.git.commits.get(fake.git.branches.get(branch) ?? '');
    expect(head?.parent).toBe(fake.git.branches.get('main'));
    expect(head?.message).toBe(`Apply feedback from #${issue.number}\n\nCo-authored-by: ana-lee <4242+ana-lee@users.noreply.github.com>`);

    expect(fake.pulls).toHaveLength(1);
    const pull = fake.pulls[0];
    expect(pull?.title).toBe(`Apply feedback from #${issue.number}: Policy 3`);
    expect(pull?.body).toContain('- **Section:** `On the phone`');
    expect(pull?.body).toContain('- **Pilot round:** `spring`');
    expect(pull?.body).toMatch(/- \*\*Reading grade of the paragraph:\*\* -?\d+\.\d → -?\d+\.\d/);
    expect(pull?.body).toContain('```text\nAnswer the phone in policy 3 within three rings.\nSay our name first.\n```');
    expect(pull?.body).toContain(`Closes #${issue.number}`);
    expect(fake.git.reviewRequests).toEqual([{ pull: pull?.number, reviewers: [], teams: ['leads'] }]);
    expect(statusComments(issue.number).map((c) => c.body)).toEqual([expect.stringContaining(`We opened a pull request with your suggestion: ${pull?.html_url}`)]);
    expect(labelsOf(issue.number)).toContain('has-pr');
  });

  it('updates the same branch and pull request when run again', async () => {
    const issue = fileIssue({ policy: 2, current: 'Answer the phone in policy 2 within three rings.', suggested: 'Pick up within 3 rings.' });
    accept(issue.number);
    await feedback('pr', String(issue.number));
    fake.editIssue(issue.number, feedbackBody({ policy: 2, current: 'Answer the phone in policy 2 within three rings.', suggested: 'Pick up by the third ring.' }));
    accept(issue.number);
    await feedback('pr', String(issue.number));
    expect(fake.pulls).toHaveLength(1);
    expect(fake.git.fileOn(`feedback/${issue.number}`, 'content/policies/policy-02.mdx')).toContain('Pick up by the third ring.');
    expect(fake.git.commits.get(fake.git.branches.get(`feedback/${issue.number}`) ?? '')?.parent).toBe(fake.git.branches.get('main'));
    expect(statusComments(issue.number)).toHaveLength(1);
    expect(statusComments(issue.number)[0]?.body).toContain('We updated a pull request');
  });

  it('finds the words despite line breaks and spaces', async () => {
    const issue = fileIssue({ policy: 4, current: 'Answer the phone in policy 4\nwithin   three rings.', suggested: 'Answer within 3 rings.' });
    accept(issue.number);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('pull-request');
    expect(fake.git.fileOn(`feedback/${issue.number}`, 'content/policies/policy-04.mdx')).toContain('## On the phone\n\nAnswer within 3 rings.\nSay our name first.');
  });

  it('finds the words despite curly quotes, every one of them', async () => {
    // Copied from the web page: both pairs of straight quotes came out curly.
    const issue = fileIssue({ policy: 4, current: 'Ask \u201CHow can I help?\u201D and say \u2018thank you\u2019 at the end.', suggested: 'Ask how you can help, and thank them.' });
    accept(issue.number);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('pull-request');
    expect(fake.git.fileOn(`feedback/${issue.number}`, 'content/policies/policy-04.mdx')).toContain('Say our name first.\n\nAsk how you can help, and thank them.\n');
  });

  it('applies the change to the policy as it is on the default branch, keeping a change merged after the checkout', async () => {
    const path = 'content/policies/policy-08.mdx';
    // Someone merged a change to the same policy on GitHub; this checkout has not pulled it.
    const merged = fake.git.commitTo('main', 'Merge pull request #90', { [path]: policyText(8).replace('Say our name first.\n\nAsk', 'Say our name, then yours.\n\nAsk') });
    const issue = fileIssue({ policy: 8, current: 'Answer the phone in policy 8 within three rings.', suggested: 'Answer by the third ring.' });
    accept(issue.number);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('pull-request');
    const changed = fake.git.fileOn(`feedback/${issue.number}`, path) ?? '';
    expect(changed).toContain('Answer by the third ring.');
    expect(changed).toContain('## In person\n\nSay our name, then yours.');
    expect(fake.git.commits.get(fake.git.branches.get(`feedback/${issue.number}`) ?? '')?.parent).toBe(merged.sha);
  });

  it('asks for an edit, opening no pull request, when the quoted words are gone from the default branch', async () => {
    const path = 'content/policies/policy-09.mdx';
    fake.git.commitTo('main', 'Merge pull request #91', { [path]: policyText(9).replace('Answer the phone in policy 9 within three rings.', 'Answer in policy 9 by the second ring.') });
    const issue = fileIssue({ policy: 9, current: 'Answer the phone in policy 9 within three rings.', suggested: 'Answer within 3 rings.' });
    accept(issue.number);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('needs-edit');
    expect(statusComments(issue.number)[0]?.body).toContain('- The "Current wording" is not in Policy 9 as it is now on main. It may have changed since you wrote this.');
    expect(fake.pulls).toHaveLength(0);
    expect(fake.git.branches.has(`feedback/${issue.number}`)).toBe(false);
  });

  it('asks for an edit when the policy is no longer on the default branch', async () => {
    const main = fake.git.commits.get(fake.git.branches.get('main') ?? '');
    main?.files.delete('content/policies/policy-10.mdx');
    const issue = fileIssue({ policy: 10, current: 'Say our name first.', section: 'In person', suggested: 'Say hello.' });
    accept(issue.number);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('needs-edit');
    expect(statusComments(issue.number)[0]?.body).toContain('- Policy 10 is no longer on main.');
  });

  it('never edits a comment someone else wrote, even one carrying our marker', async () => {
    const issue = fileIssue({ policy: 11, current: 'Answer the phone in policy 11 within three rings.', suggested: 'Answer within 3 rings.' });
    const pasted = fake.addComment(issue.number, `<!-- plainbook:feedback issue=${issue.number} -->\nI pasted the bot's marker.`, 'ana-lee');
    accept(issue.number);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('pull-request');
    expect(fake.comments.get(issue.number)?.find((comment) => comment.id === pasted.id)?.body).toBe(`<!-- plainbook:feedback issue=${issue.number} -->\nI pasted the bot's marker.`);
    const ours = statusComments(issue.number).filter((comment) => comment.user.login === 'plainbook-bot');
    expect(ours.map((comment) => comment.body)).toEqual([expect.stringContaining('We opened a pull request')]);
  });

  it('leaves alone a branch someone added commits to, and a pull request already merged', async () => {
    const issue = fileIssue({ policy: 5, current: 'Answer the phone in policy 5 within three rings.', suggested: 'Answer within 3 rings.' });
    accept(issue.number);
    await feedback('pr', String(issue.number));
    const branch = `feedback/${issue.number}`;
    const editorCommit = fake.git.commitTo(branch, 'Editor: tidy the wording', { 'content/policies/policy-05.mdx': 'Edited by a reviewer.\n' });
    const rerun = await feedback('pr', String(issue.number));
    expect(rerun.outcome).toBe('branch-edited');
    expect(rerun.stderr).toBe(`${branch} has commits someone else added: left as it is. Nothing done.\n`);
    expect(fake.git.branches.get(branch)).toBe(editorCommit.sha);
    expect(statusComments(issue.number).at(-1)?.body).toContain(`The branch \`${branch}\` has changes someone added after ours, so we left it alone.`);

    fake.pulls[0]!.state = 'closed';
    fake.pulls[0]!.merged_at = '2026-11-20T10:00:00Z';
    const merged = await feedback('pr', String(issue.number));
    expect(merged.outcome).toBe('already-merged');
    expect(statusComments(issue.number).at(-1)?.body).toContain(`This feedback is already in the handbook: ${fake.pulls[0]?.html_url} was merged.`);
    expect(fake.git.branches.get(branch)).toBe(editorCommit.sha);
    expect(fake.pulls).toHaveLength(1);
  });

  it('makes one commit when the answer to the commit is lost', async () => {
    const issue = fileIssue({ policy: 12, current: 'Answer the phone in policy 12 within three rings.', suggested: 'Answer within 3 rings.' });
    accept(issue.number);
    // GitHub commits, then the connection drops before the answer arrives.
    fake.injectFaults({ kind: 'drop-after', method: 'PUT' });
    expect((await feedback('pr', String(issue.number))).outcome).toBe('pull-request');
    const head = fake.git.commits.get(fake.git.branches.get(`feedback/${issue.number}`) ?? '');
    expect(head?.parent).toBe(fake.git.branches.get('main'));
    expect(fake.requests.filter((request) => request.method === 'PUT').map((request) => request.fault)).toEqual(['drop-after']);
    expect(fake.pulls).toHaveLength(1);
  });

  it('uses the section heading to choose between two matches, and asks for it when missing', async () => {
    const ambiguous = fileIssue({ policy: 5, current: 'Say our name first.', suggested: 'Say our name and yours.' });
    accept(ambiguous.number);
    expect((await feedback('pr', String(ambiguous.number))).outcome).toBe('needs-edit');
    expect(statusComments(ambiguous.number)[0]?.body).toContain(
      '- The "Current wording" appears 2 times in Policy 5 (under On the phone, In person). Write the heading it is under in "Section heading", or quote more words.',
    );

    const settled = fileIssue({ policy: 5, current: 'Say our name first.', suggested: 'Say our name and yours.', section: 'In person' });
    accept(settled.number);
    expect((await feedback('pr', String(settled.number))).outcome).toBe('pull-request');
    const text = fake.git.fileOn(`feedback/${settled.number}`, 'content/policies/policy-05.mdx') ?? '';
    expect(text).toContain('## On the phone\n\nAnswer the phone in policy 5 within three rings.\nSay our name first.');
    expect(text).toContain('## In person\n\nSay our name and yours.');
  });

  it('explains wording it cannot find, labels needs-edit, and tries again after an edit', async () => {
    const issue = fileIssue({ policy: 6, current: 'Answer within four rings.', suggested: 'Answer within 3 rings.' });
    accept(issue.number);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('needs-edit');
    expect(statusComments(issue.number)[0]?.body).toBe(
      `<!-- plainbook:feedback issue=${issue.number} -->\nThank you for this feedback. We could not turn it into a change yet:\n\n- The "Current wording" is not in Policy 6 as it is now on main. It may have changed since you wrote this. Copy it again from the page: the words must match, though spaces and quote marks may differ.\n\nPlease edit the issue to fix this. We took the \`accepted\` label off: an editor adds it again once the issue is fixed, and we try again.\n`,
    );
    // Off, so that adding it again is a new event the workflow runs on.
    expect(labelsOf(issue.number)).toEqual(['feedback', 'needs-edit']);
    expect(fake.pulls).toHaveLength(0);

    fake.editIssue(issue.number, feedbackBody({ policy: 6, current: 'Answer the phone in policy 6 within three rings.', suggested: 'Answer within 3 rings.' }));
    accept(issue.number);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('pull-request');
    expect(labelsOf(issue.number)).not.toContain('needs-edit');
    expect(statusComments(issue.number)).toHaveLength(1);
  });

  it('refuses an empty suggestion', async () => {
    const issue = fileIssue({ policy: 7, current: 'Say our name first.', section: 'In person', suggested: undefined as unknown as string });
    accept(issue.number);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('needs-edit');
    expect(statusComments(issue.number)[0]?.body).toContain('Write your new words in "Suggested wording". It is empty.');
  });

  it('does nothing but explain when the label came from someone who cannot write', async () => {
    const issue = fileIssue({ policy: 1 });
    accept(issue.number, 'visitor');
    expect((await feedback('pr', String(issue.number))).outcome).toBe('not-allowed');
    expect(statusComments(issue.number)[0]?.body).toContain('was added by @visitor, who cannot change this repository');
    expect(fake.pulls).toHaveLength(0);
    expect(fake.git.branches.size).toBe(1);
    // The comment is the one write: the label is there already, so none is added.
    expect(fake.writes().map((request) => request.method)).toEqual(['POST']);
  });

  it('does nothing when no event says who added the label', async () => {
    const issue = fake.addIssue({ title: 'Feedback: Policy 1', body: feedbackBody({ policy: 1 }), author: 'ana-lee', labels: ['feedback', 'accepted'] });
    const run = await feedback('pr', String(issue.number));
    expect(run.outcome).toBe('not-allowed');
    expect(run.stderr).toBe(`The accepted label on #${issue.number} was not added by a writer (unknown): nothing done.\n`);
    expect(fake.writes()).toEqual([]);
  });

  it('--dry-run writes nothing', async () => {
    const issue = fileIssue({ policy: 1 });
    accept(issue.number);
    const writes = fake.writes().length;
    await feedback('pr', String(issue.number), '--dry-run');
    expect(fake.writes().length).toBe(writes);
  });
});

describe('the words that go in are the words an editor accepted', () => {
  const current = 'Answer the phone in policy 2 within three rings.';
  it('refuses a body edited after the accepted label was added, and says what to do', async () => {
    const issue = fileIssue({ policy: 2, current, suggested: 'Answer within 3 rings.' });
    accept(issue.number);
    fake.editIssue(issue.number, feedbackBody({ policy: 2, current, suggested: 'Answer within 3 rings and call 555-0100.' }));
    const run = await feedback('pr', String(issue.number));
    expect(run.outcome).toBe('needs-edit');
    const [comment] = statusComments(issue.number);
    expect(comment?.body).toMatch(/^<!-- plainbook:feedback issue=\d+ -->\nThank you for this feedback\. We could not turn it into a change yet:\n\n- The issue was edited at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, after the `accepted` label was added at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, so its words are not the ones an editor accepted\.\n\nWe took the `accepted` label off\. An editor needs to read the issue as it is now, and add the `accepted` label again if the new words should go in\.\n$/);
    expect(run.stderr).toContain(`#${issue.number} needs an edit: The issue was edited at `);
    expect(labelsOf(issue.number)).toEqual(['feedback', 'needs-edit']);
    expect(fake.pulls).toHaveLength(0);
    expect(fake.git.branches.has(`feedback/${issue.number}`)).toBe(false);
  });

  it('counts an edit in the same second as the label as after it, since GitHub cannot say which came first', async () => {
    const issue = fileIssue({ policy: 2, current, suggested: 'Answer within 3 rings.' });
    accept(issue.number);
    const labelled = fake.git.events.get(issue.number)?.at(-1)?.created_at ?? '';
    fake.editIssue(issue.number, feedbackBody({ policy: 2, current, suggested: 'Answer at once.' }));
    fake.git.edits.set(issue.number, [{ editedAt: labelled, editor: 'ana-lee' }]);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('needs-edit');
  });

  it('takes a body edited before the accepted label was added', async () => {
    const issue = fileIssue({ policy: 2, current, suggested: 'Answer within 3 rings.' });
    fake.editIssue(issue.number, feedbackBody({ policy: 2, current, suggested: 'Answer by the third ring.' }), EDITOR);
    accept(issue.number);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('pull-request');
    expect(fake.git.fileOn(`feedback/${issue.number}`, 'content/policies/policy-02.mdx')).toContain('## On the phone\n\nAnswer by the third ring.\n');
  });

  it('reads the words and their last edit in one GraphQL answer, after checking the label', async () => {
    const issue = fileIssue({ policy: 2, current, suggested: 'Answer within 3 rings.' });
    accept(issue.number);
    await feedback('pr', String(issue.number));
    const graphql = fake.requests.filter((request) => request.path === '/graphql').map((request) => (request.body as { variables?: unknown }).variables);
    expect(graphql).toContainEqual({ owner: 'acme', repo: 'handbook', number: issue.number });
    const order = fake.requests.map((request) => (request.path.includes('/events') ? 'events' : request.path === '/graphql' && JSON.stringify(request.body).includes('lastEditedAt') ? 'words' : '')).filter(Boolean);
    expect(order).toEqual(['events', 'words']);
  });
});

describe('a rerun replaces only its own commit on feedback/<n>', () => {
  async function branchWith(message: string, author: string) {
    const issue = fileIssue({ policy: 1, current: 'within three rings', suggested: 'within 3 rings' });
    expect(issue.number).toBe(1);
    accept(issue.number);
    const mainSha = fake.git.branches.get('main') ?? '';
    fake.git.branches.set('feedback/1', mainSha);
    const commit = fake.git.commitTo('feedback/1', message, { 'content/policies/policy-01.mdx': 'Someone else wrote this.\n' }, { author });
    return { issue, commit };
  }

  it.each([
    ['a person, with a title that starts like ours', 'Apply feedback from #1 (tweak)', PERSON_LOGIN],
    ['a person, with exactly our title', 'Apply feedback from #1\n\nCo-authored-by: ana-lee <4242+ana-lee@users.noreply.github.com>', PERSON_LOGIN],
    ['the bot, for issue #12', 'Apply feedback from #12\n\nCo-authored-by: ana-lee <4242+ana-lee@users.noreply.github.com>', BOT_LOGIN],
  ])('keeps a commit by %s, and says so', async (_, message, author) => {
    const { commit } = await branchWith(message, author);
    const run = await feedback('pr', '1');
    expect(run.outcome).toBe('branch-edited');
    expect(run.stderr).toBe('feedback/1 has commits someone else added: left as it is. Nothing done.\n');
    expect(fake.git.branches.get('feedback/1')).toBe(commit.sha);
    expect(statusComments(1).at(-1)?.body).toContain('The branch `feedback/1` has changes someone added after ours, so we left it alone.');
    expect(fake.requests.filter((request) => request.method === 'PATCH' && request.path.includes('/git/refs/'))).toEqual([]);
  });

  it('replaces its own earlier commit for the same issue', async () => {
    const { commit } = await branchWith('Apply feedback from #1\n\nCo-authored-by: ana-lee <4242+ana-lee@users.noreply.github.com>', BOT_LOGIN);
    expect((await feedback('pr', '1')).outcome).toBe('pull-request');
    const head = fake.git.commits.get(fake.git.branches.get('feedback/1') ?? '');
    expect(head?.sha).not.toBe(commit.sha);
    expect(head?.parent).toBe(fake.git.branches.get('main'));
    expect(fake.git.fileOn('feedback/1', 'content/policies/policy-01.mdx')).toContain('Answer the phone in policy 1 within 3 rings.');
  });
});

describe('how the command ends', () => {
  it('exits 3 with the step and a way out when GitHub keeps failing, having written nothing', async () => {
    const issue = fileIssue({ policy: 1 });
    accept(issue.number);
    fake.injectFaults(...Array.from({ length: 8 }, () => ({ kind: 'status' as const, status: 502 })));
    let stderr = '';
    const env = { GITHUB_TOKEN: FAKE_TOKEN, GITHUB_REPOSITORY: 'acme/handbook', GITHUB_API_URL: fake.url };
    const code = await runToExitCode(() => feedbackCli(['pr', String(issue.number)], { root: project.dir, env, clientOptions: FAST, stdout: () => {}, stderr: () => {} }), (text) => (stderr += text));
    expect(code).toBe(3);
    expect(stderr).toBe(`GitHub answered 502 while reading issue #${issue.number}: Server Error. GitHub had a problem; try again in a few minutes.\n`);
    expect(fake.writes()).toEqual([]);
  });

  it('exits 2 naming the variable when GITHUB_REPOSITORY is missing, and never prints the token', () => {
    const run = spawnSync(process.execPath, [resolve('src/bin/plainbook.ts'), 'feedback', 'pr', '4'], { cwd: project.dir, encoding: 'utf8', env: { PATH: process.env.PATH, GITHUB_TOKEN: 'ghp_doNotPrintMe' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('Missing GITHUB_REPOSITORY, expected `owner/name`, such as `acme/handbook`. GitHub Actions sets it; locally, export it.\n');
    expect(run.stdout + run.stderr).not.toContain('ghp_doNotPrintMe');
  });

  it('exits 2 for a usage mistake', () => {
    const run = spawnSync(process.execPath, [resolve('src/bin/plainbook.ts'), 'feedback', 'merge', '4'], { cwd: project.dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Unexpected command `merge`, expected `pr`, `decline` or `import`\./);
  });
});

describe('declined feedback', () => {
  it('gets a kind reply and is closed as not planned', async () => {
    const issue = fileIssue({ policy: 1 });
    fake.labelIssue(issue.number, 'declined', EDITOR);
    const { outcome, stderr } = await feedback('decline', String(issue.number));
    expect(outcome).toBe('declined');
    expect(stderr).toBe(`Declined #${issue.number}\n`);
    expect(statusComments(issue.number)[0]?.body).toContain('decided not to change the policy this time');
    expect(fake.issues.find((item) => item.number === issue.number)).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
  });

  it('does not close an issue that is closed already, and says in a dry run what it would do', async () => {
    const issue = fileIssue({ policy: 1 });
    fake.labelIssue(issue.number, 'declined', EDITOR);
    const dry = await feedback('decline', String(issue.number), '--dry-run');
    expect(dry.stderr).toBe(`Would decline #${issue.number}\n`);
    expect(fake.writes()).toEqual([]);
    Object.assign(fake.issues.find((item) => item.number === issue.number) ?? {}, { state: 'closed', state_reason: 'completed' });
    await feedback('decline', String(issue.number));
    expect(fake.requests.filter((request) => request.method === 'PATCH')).toEqual([]);
  });

  it('only explains when the label came from someone who cannot write', async () => {
    const issue = fileIssue({ policy: 1 });
    fake.labelIssue(issue.number, 'declined', 'visitor');
    const { outcome, stderr } = await feedback('decline', String(issue.number));
    expect(outcome).toBe('not-allowed');
    expect(stderr).toBe(`The declined label on #${issue.number} was not added by a writer (visitor): nothing done.\n`);
    expect(statusComments(issue.number)[0]?.body).toContain('The `declined` label was added by @visitor');
    expect(fake.issues.find((item) => item.number === issue.number)?.state).toBe('open');
  });
});

describe('run from a terminal', () => {
  it('adds the accepted label itself, as the person running it, and reports each step', async () => {
    const issue = fileIssue({ policy: 2, current: 'Answer the phone in policy 2 within three rings.', suggested: 'Answer fast.' });
    fake.git.permissions.set('plainbook-bot', 'write');
    const first = await feedback('pr', String(issue.number));
    expect(first.outcome).toBe('pull-request');
    expect(labelsOf(issue.number)).toEqual(['feedback', 'accepted', 'has-pr']);
    const pull = fake.pulls[0];
    expect(first.stderr).toBe(`Opened pull request ${pull?.html_url} for #${issue.number}\n`);
    const again = await feedback('pr', String(issue.number));
    expect(again.stderr).toBe(`Updated pull request ${pull?.html_url} for #${issue.number}\n`);
  });

  it('does nothing but explain when the token running it cannot write', async () => {
    const issue = fileIssue({ policy: 2, current: 'Answer the phone in policy 2 within three rings.', suggested: 'Answer fast.' });
    fake.git.permissions.set('plainbook-bot', 'read');
    expect((await feedback('pr', String(issue.number))).outcome).toBe('not-allowed');
    expect(statusComments(issue.number)[0]?.body).toContain('was added by @plainbook-bot, who cannot change this repository');
    expect(fake.git.branches.size).toBe(1);
  });

  it('--dry-run with no accepted label yet says what it would open', async () => {
    const issue = fileIssue({ policy: 3, current: 'Answer the phone in policy 3 within three rings.', suggested: 'Answer slowly.' });
    // Edited before this run, which is when the label would be added.
    fake.editIssue(issue.number, feedbackBody({ policy: 3, current: 'Answer the phone in policy 3 within three rings.', suggested: 'Answer fast.' }));
    const { outcome, stderr } = await feedback('pr', String(issue.number), '--dry-run');
    expect(outcome).toBe('pull-request');
    expect(stderr).toBe(`Would open pull request from feedback/${issue.number} for #${issue.number}\n`);
    expect(fake.writes()).toEqual([]);
  });

  it('says in one line why feedback needs an edit', async () => {
    const issue = fileIssue({ policy: 3, current: 'Not in the policy.', suggested: 'Answer fast.' });
    accept(issue.number);
    const { stderr } = await feedback('pr', String(issue.number));
    expect(stderr).toBe(`#${issue.number} needs an edit: The "Current wording" is not in Policy 3 as it is now on main. It may have changed since you wrote this. Copy it again from the page: the words must match, though spaces and quote marks may differ.\n`);
    const two = fileIssue({ policy: 3, current: undefined as unknown as string, suggested: ' ' }, { body: feedbackBody({ policy: 3, suggested: ' ' }).replace('### Current wording\n\nSay hello.', '### Current wording\n\n_No response_') });
    accept(two.number);
    expect((await feedback('pr', String(two.number))).stderr).toBe(`#${two.number} needs an edit: Copy the words you want changed into "Current wording", exactly as they are on the page. Write your new words in "Suggested wording". It is empty.\n`);
  });

  it('explains a bad issue number or command, with the usage', async () => {
    await expect(feedback('pr', 'seven')).rejects.toThrow('Unexpected issue number `seven`, expected a number such as `42`.');
    await expect(feedback('pr')).rejects.toThrow('Unexpected issue number ``, expected a number such as `42`.');
    await expect(feedback('pr', '7x')).rejects.toThrow('Unexpected issue number `7x`');
    await expect(feedback()).rejects.toThrow(/^Missing command, expected `pr`, `decline` or `import`\.\n\nUsage: plainbook feedback/);
    expect((await feedback('--help')).outcome).toMatch(/^Usage: plainbook feedback <pr\|decline> <issue-number> \[--dry-run\]/);
    expect(fake.requests).toEqual([]);
  });
});

describe('hostile feedback', () => {
  /** One construct per policy, at a different place in each: the real build must show them all as text. */
  const hostile: { name: string; policy: number; current: string; section?: string; suggested: string }[] = [
    { name: 'a javascript: link', policy: 1, current: 'within three rings', suggested: '[read this](javascript:alert(document.cookie))' },
    { name: 'a tracking image', policy: 2, current: 'Answer the phone in policy 2 within three rings.', suggested: 'Hi ![](https://tracker.example/p.gif)' },
    { name: 'a reference link and definition', policy: 3, current: 'Say our name first.', section: 'On the phone', suggested: 'See [here][x]\n\n[x]: https://evil.example' },
    { name: 'bare addresses', policy: 4, current: 'Say our name first.', section: 'In person', suggested: 'Go to https://evil.example, www.evil.example or boss@evil.example' },
    { name: 'a script tag', policy: 5, current: 'within three rings', suggested: '<script>alert(document.cookie)</script> Answer fast.' },
    { name: 'a JSX component', policy: 6, current: 'within three rings', suggested: '<SayThis kind="avoid">Go away.</SayThis>' },
    { name: 'an MDX expression and import/export lines', policy: 7, current: 'Answer the phone in policy 7 within three rings.', suggested: "Call {process.env.GITHUB_TOKEN} now.\n\nimport fs from 'node:fs'\nexport const x = 1" },
    { name: 'a heading, a rule and a list', policy: 8, current: 'Answer the phone in policy 8 within three rings.', suggested: '# Big\n\n---\n\n- one\n1. two\n\n> quoted' },
    { name: 'a table and a code fence', policy: 9, current: 'Answer the phone in policy 9 within three rings.', suggested: '| a | b |\n| - | - |\n| 1 | 2 |\n\n```\ncode\n```' },
    { name: 'a Starlight aside and a workflow expression', policy: 10, current: 'Answer the phone in policy 10 within three rings.', suggested: ':::caution\nLeak ${{ secrets.NPM_TOKEN }}\n:::' },
    { name: 'a heading of its own', policy: 11, current: 'On the phone', suggested: 'Phone [x](javascript:alert(1)) # calls' },
    // micromark does not link this address; Sätteri, which renders the site, does.
    { name: 'an address only the site\'s renderer links', policy: 12, current: 'Answer the phone in policy 12 within three rings.', suggested: 'Go to http://.evil.example now.' },
  ];
  /** Each hostile suggestion in an MDX policy, and again in a Markdown one. */
  const inBoth = hostile.flatMap((item) => [
    { ...item, flavour: 'mdx' as const },
    { ...item, flavour: 'md' as const, policy: asMarkdown(item.policy), current: item.current.replace(`policy ${item.policy} `, `policy ${asMarkdown(item.policy)} `) },
  ]);

  it.each(inBoth)('turns $name into a pull request that changes only words ($flavour)', async ({ policy, current, section, suggested, flavour }) => {
    const issue = fileIssue({ policy, current, suggested, ...(section ? { section } : {}) }, { title: 'Feedback ${{ secrets.NPM_TOKEN }}' });
    accept(issue.number);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('pull-request');
    const path = policyPath(policy);
    const text = fake.git.fileOn(`feedback/${issue.number}`, path) ?? '';
    expect(text).not.toBe(fake.git.fileOn('main', path));
    expect(gainedConstructs(fake.git.fileOn('main', path) ?? '', text, flavour)).toEqual([]);
    expect(gainedRenderedParts(fake.git.fileOn('main', path) ?? '', text, flavour)).toEqual([]);
    // The words show in the pull request only as code, where no expression or link works.
    expect(proseOf(fake.pulls.at(-1)?.body ?? '')).not.toContain('${{');
  });

  it.each([
    ['a path in the policy field', (body: string) => body.replace('Policy 1 (policy-01)', '../../.github/workflows/x.yml'), 'Choose the policy in the "Policy" field.'],
    ['a policy that does not exist', (body: string) => body.replace('Policy 1 (policy-01)', 'Secrets (../../../etc/passwd)'), 'Choose the policy in the "Policy" field.'],
    ['a 1 MB body', (body: string) => body + 'x'.repeat(1024 * 1024), 'The issue is longer than 64 KB.'],
    ['an unknown policy id in the usual format', (body: string) => body.replace('Policy 1 (policy-01)', 'Nope (policy-99)'), 'The policy chosen is not in the handbook.'],
  ])('refuses %s, writing no file', async (_, edit, message) => {
    const issue = fileIssue({}, { body: edit(feedbackBody({ policy: 1, current: 'within three rings', suggested: 'within 3 rings' })) });
    accept(issue.number);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('needs-edit');
    expect(statusComments(issue.number)[0]?.body).toContain(message);
    expect(fake.git.branches.size).toBe(1);
    expect(fake.requests.some((request) => request.method === 'PUT')).toBe(false);
  });

  it('refuses words quoted across a link or from a component tag, writing no file', async () => {
    const path = 'content/policies/policy-01.mdx';
    fake.git.commitTo('main', 'Add a link', { [path]: policyText(1).replace('Say our name first.\n\n## In person', 'Say our name first. See [the list](https://example.com/list).\n\n## In person') });
    const issue = fileIssue({ policy: 1, current: 'list](https://example.com/list)', suggested: 'rules' });
    accept(issue.number);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('needs-edit');
    expect(statusComments(issue.number)[0]?.body).toContain('runs across formatting or across paragraphs in Policy 1');
    expect(fake.requests.some((request) => request.method === 'PUT')).toBe(false);
  });

  it('the handbook builds with every hostile suggestion applied, and each page gains no element, only the words', async () => {
    for (const { policy, current, section, suggested } of inBoth) {
      const issue = fileIssue({ policy, current, suggested, ...(section ? { section } : {}) });
      accept(issue.number);
      expect((await feedback('pr', String(issue.number))).outcome).toBe('pull-request');
      const path = policyPath(policy);
      writeFileSync(join(project.dir, path), fake.git.fileOn(`feedback/${issue.number}`, path) ?? '');
    }
    const build = await buildSite({ PLAINBOOK_CONTENT_DIR: join(project.dir, 'content') });
    expect(build.code, build.output).toBe(0);
    const content = (n: number) => {
      const tree = fromHtml(readFileSync(join(build.outDir, `policies/${policyId(n)}/index.html`), 'utf8'));
      const main = select('.sl-markdown-content', tree);
      if (!main) throw new Error(`no content on ${policyId(n)}`);
      return main;
    };
    // Addresses off the page; a heading's own anchor (`#…`) follows its words.
    const links = (n: number) => selectAll('[href], [src]', content(n)).map((element) => String(element.properties.href ?? element.properties.src)).filter((address) => !address.startsWith('#'));
    const elements = (n: number) => {
      const counts: Record<string, number> = {};
      for (const tag of WATCHED_ELEMENTS) counts[tag] = selectAll(tag, content(n)).length;
      return counts;
    };
    // The last policy of each kind is untouched: every changed page must have exactly its elements.
    const untouched = { mdx: elements(POLICIES), md: elements(asMarkdown(POLICIES)) };
    expect(untouched.md).toEqual(untouched.mdx);
    for (const { policy, suggested, flavour } of inBoth) {
      expect(elements(policy), policyId(policy)).toEqual(untouched[flavour]);
      expect(links(policy), policyId(policy)).toEqual(links(flavour === 'md' ? asMarkdown(POLICIES) : POLICIES));
      // Letters and digits only: the site curls quotes and turns `--` into dashes (smartypants).
      const words = (text: string) => text.replace(/\u2060/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      expect(words(toString(content(policy))), policyId(policy)).toContain(words(suggested));
    }
  });
});

/** The text of a Markdown document outside code, as GitHub reads it (GFM). */
function proseOf(markdown: string): string {
  const texts: string[] = [];
  visit(unified().use(remarkParse).use(remarkGfm).parse(markdown), 'text', (node) => void texts.push(node.value));
  return texts.join('\n');
}

/** What a suggestion must never add to a page: links, media, code, structure, forms. */
const WATCHED_ELEMENTS = ['a', 'img', 'script', 'style', 'iframe', 'object', 'embed', 'svg', 'form', 'input', 'button', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'blockquote', 'pre', 'code', 'hr', 'aside', 'sup', 'section', 'em', 'strong', 'del'];
