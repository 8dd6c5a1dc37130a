import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackCli } from '../../src/feedback/cli.ts';
import { FEEDBACK_FORM_PATH, renderFeedbackForm } from '../../src/pilot/feedback-form.ts';
import { buildSite } from '../helpers/build-site.ts';
import { FAKE_TOKEN, GitHubFake } from '../helpers/github-fake/server.ts';
import { createPilotProject, feedbackBody, policyId, type FeedbackFields } from '../helpers/pilot-project.ts';
import { write } from '../helpers/temp-project.ts';

const FAST = { retryAfterBaseValue: 5, rateLimitSecond: 5, writeIntervalMs: 0, log: { debug() {}, info() {}, warn() {}, error() {} } };
const EDITOR = 'ed-editor';
const POLICIES = 12;

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
`;
}

let fake: GitHubFake;
let project: ReturnType<typeof createPilotProject>;

beforeEach(async () => {
  fake = new GitHubFake();
  await fake.start();
  project = createPilotProject({ policies: POLICIES, staff: 1 });
  const files: Record<string, string> = {};
  for (let n = 1; n <= POLICIES; n++) files[`content/policies/${policyId(n)}.mdx`] = policyText(n);
  write(project.dir, files);
  const titles = Array.from({ length: POLICIES }, (_, i) => ({ id: policyId(i + 1), title: `Policy ${i + 1}` }));
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
    (issue as { body: string }).body = feedbackBody({ policy: 2, current: 'Answer the phone in policy 2 within three rings.', suggested: 'Pick up by the third ring.' });
    await feedback('pr', String(issue.number));
    expect(fake.pulls).toHaveLength(1);
    expect(fake.git.fileOn(`feedback/${issue.number}`, 'content/policies/policy-02.mdx')).toContain('Pick up by the third ring.');
    expect(fake.git.commits.get(fake.git.branches.get(`feedback/${issue.number}`) ?? '')?.parent).toBe(fake.git.branches.get('main'));
    expect(statusComments(issue.number)).toHaveLength(1);
    expect(statusComments(issue.number)[0]?.body).toContain('We updated a pull request');
  });

  it('finds the words despite curly quotes and line breaks', async () => {
    const issue = fileIssue({ policy: 4, current: 'Answer the phone in policy 4\nwithin   three rings.', suggested: 'Answer within 3 rings.' });
    accept(issue.number);
    expect((await feedback('pr', String(issue.number))).outcome).toBe('pull-request');
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
      `<!-- plainbook:feedback issue=${issue.number} -->\nThank you for this feedback. We could not turn it into a change yet:\n\n- The "Current wording" is not in Policy 6. Copy it again from the page: the words must match, though spaces and quote marks may differ.\n\nPlease edit the issue to fix this. An editor will then add the \`accepted\` label again.\n`,
    );
    expect(labelsOf(issue.number)).toContain('needs-edit');
    expect(fake.pulls).toHaveLength(0);

    (issue as { body: string }).body = feedbackBody({ policy: 6, current: 'Answer the phone in policy 6 within three rings.', suggested: 'Answer within 3 rings.' });
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
  });

  it('--dry-run writes nothing', async () => {
    const issue = fileIssue({ policy: 1 });
    accept(issue.number);
    const writes = fake.writes().length;
    await feedback('pr', String(issue.number), '--dry-run');
    expect(fake.writes().length).toBe(writes);
  });
});

describe('declined feedback', () => {
  it('gets a kind reply and is closed as not planned', async () => {
    const issue = fileIssue({ policy: 1 });
    fake.labelIssue(issue.number, 'declined', EDITOR);
    expect((await feedback('decline', String(issue.number))).outcome).toBe('declined');
    expect(statusComments(issue.number)[0]?.body).toContain('decided not to change the policy this time');
    expect(fake.issues.find((item) => item.number === issue.number)).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
  });
});

describe('hostile feedback', () => {
  const hostile: [string, Partial<FeedbackFields>, string][] = [
    ['an MDX expression', { suggested: 'Call {process.env.GITHUB_TOKEN} now.' }, 'Call &#123;process.env.GITHUB_TOKEN&#125; now.'],
    ['import and export lines', { suggested: "import fs from 'node:fs'\nexport const x = fs.readFileSync('/etc/passwd')" }, "&#105;mport fs from 'node:fs'\n&#101;xport const x = fs.readFileSync('/etc/passwd')"],
    ['a script tag', { suggested: '<script>alert(document.cookie)</script> Answer fast.' }, '&lt;script&gt;alert(document.cookie)&lt;/script&gt; Answer fast.'],
    ['a JSX component', { suggested: '<SayThis kind="avoid">Go away.</SayThis>' }, '&lt;SayThis kind="avoid"&gt;Go away.&lt;/SayThis&gt;'],
    ['a workflow expression', { suggested: 'Leak ${{ secrets.NPM_TOKEN }} here.' }, 'Leak $&#123;&#123; secrets.NPM_TOKEN &#125;&#125; here.'],
    ['bidirectional controls', { suggested: 'Refund \u202Eevil\u202C now.' }, 'Refund evil now.'],
    ['the end of a code fence', { suggested: '```\n# Not a heading? It is.\n```' }, '&#96;&#96;&#96;\n# Not a heading? It is.\n&#96;&#96;&#96;'],
  ];

  it.each(hostile.map(([name, fields, expected], index) => ({ name, fields, expected, policy: index + 1 })))(
    'turns $name into inert text',
    async ({ fields, expected, policy }) => {
      const issue = fileIssue({ policy, current: `Answer the phone in policy ${policy} within three rings.`, ...fields }, { title: 'Feedback ${{ secrets.NPM_TOKEN }}' });
      accept(issue.number);
      expect((await feedback('pr', String(issue.number))).outcome).toBe('pull-request');
      const text = fake.git.fileOn(`feedback/${issue.number}`, `content/policies/${policyId(policy)}.mdx`) ?? '';
      expect(text).toContain(expected);
      expect(fake.pulls.at(-1)?.body).not.toMatch(/^[^`\n]*\$\{\{ secrets/m);
    },
  );

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

  it('the handbook still builds with every hostile suggestion applied, showing it as plain text', async () => {
    for (const [index, [, fields]] of hostile.entries()) {
      const issue = fileIssue({ policy: index + 1, current: `Answer the phone in policy ${index + 1} within three rings.`, ...fields });
      accept(issue.number);
      await feedback('pr', String(issue.number));
      const path = `content/policies/${policyId(index + 1)}.mdx`;
      writeFileSync(join(project.dir, path), fake.git.fileOn(`feedback/${issue.number}`, path) ?? '');
    }
    const build = await buildSite({ PLAINBOOK_CONTENT_DIR: join(project.dir, 'content') });
    expect(build.code, build.output).toBe(0);
    const page = (n: number) => readFileSync(join(build.outDir, `policies/${policyId(n)}/index.html`), 'utf8');
    expect(page(1)).toContain('Call {process.env.GITHUB_TOKEN} now.');
    expect(page(3)).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt; Answer fast.');
    expect(page(3)).not.toContain('<script>alert');
    expect(page(4)).not.toContain('say-this');
  });
});
