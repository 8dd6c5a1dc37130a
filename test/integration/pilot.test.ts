import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pilotCli } from '../../src/pilot/cli.ts';
import { parse } from 'yaml';
import { roundResultsSchema, testerSchema } from '../../src/schema/pilot.ts';
import { FAKE_TOKEN, GitHubFake } from '../helpers/github-fake/server.ts';
import { createPilotProject, feedbackBody, staffLogin, testerCode } from '../helpers/pilot-project.ts';

let fake: GitHubFake;
beforeEach(async () => {
  fake = new GitHubFake();
  await fake.start();
});
afterEach(() => fake.stop());

const FAST = { retryAfterBaseValue: 5, rateLimitSecond: 5, writeIntervalMs: 0, log: { debug() {}, info() {}, warn() {}, error() {} } };

async function pilot(root: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const env = { GITHUB_TOKEN: FAKE_TOKEN, GITHUB_REPOSITORY: 'acme/handbook', GITHUB_API_URL: fake.url };
  const code = await pilotCli(argv, { root, env, clientOptions: FAST, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

async function countRequests(run: () => Promise<unknown>): Promise<number> {
  const before = fake.requests.length;
  await run();
  return fake.requests.length - before;
}

const tasks = () => fake.issues.filter((issue) => issue.labels.some((label) => label.name === 'pilot-task'));
const trackers = () => fake.issues.filter((issue) => issue.labels.some((label) => label.name === 'pilot-tracking'));

describe('pilot plan and start', () => {
  it('plan says what start would create and writes nothing', async () => {
    const project = createPilotProject({ policies: 3, staff: 4 });
    const { code, stdout, stderr } = await pilot(project.dir, 'plan', 'spring');
    expect(code).toBe(0);
    expect(stdout).toBe('Would create 15 things: 9 labels, 1 milestone, 1 tracking issue, 4 task issues. 0 task issues already existed.\n');
    expect(stderr).toContain('Would create task issue for tester-04 (4/4)');
    expect(fake.writes()).toEqual([]);
  });

  it('start sets up a 50 x 10 round in about 70 requests, and a rerun creates nothing', async () => {
    const project = createPilotProject({ policies: 10, staff: 48, customers: 2 });
    const first = await countRequests(() => pilot(project.dir, 'start', 'spring'));
    expect(tasks()).toHaveLength(50);
    expect(trackers()).toHaveLength(1);
    expect(fake.milestones).toHaveLength(1);
    expect(fake.milestones[0]?.due_on).toBe('2026-03-27T23:59:59Z');
    expect(tasks().map((issue) => issue.assignees.map((a) => a.login))).toContainEqual([staffLogin(1)]);
    const task = tasks().find((issue) => issue.assignees[0]?.login === staffLogin(7));
    expect(task?.body).toContain('<!-- plainbook:pilot=spring tester=tester-07 -->');
    expect(task?.body).toContain('[give feedback](https://github.com/acme/handbook/issues/new?template=policy-feedback.yml');
    expect(task?.body).toContain('round=spring');
    expect(trackers()[0]?.body).toContain(`- [ ] @tester-07 (#${task?.number})`);
    expect(first).toBeLessThanOrEqual(70);

    const writesBefore = fake.writes().length;
    const rerun = await countRequests(() => pilot(project.dir, 'start', 'spring'));
    expect(fake.writes().length).toBe(writesBefore);
    expect(rerun).toBeLessThanOrEqual(4);
    expect(tasks()).toHaveLength(50);
    console.info(`pilot start, 50 testers x 10 policies: ${first} requests; rerun: ${rerun} requests`);
  });

  it('does not take an issue someone else wrote with a task marker in it for the task', async () => {
    const project = createPilotProject({ policies: 1, staff: 2 });
    const copied = fake.addIssue({ title: 'My own notes', body: '<!-- plainbook:pilot=spring tester=tester-01 -->\nI copied the marker.', author: staffLogin(1), labels: ['pilot:spring'] });
    const { stdout } = await pilot(project.dir, 'start', 'spring');
    expect(stdout).toContain('2 task issues. 0 task issues already existed.');
    expect(tasks().map((issue) => issue.user.login)).toEqual(['plainbook-bot', 'plainbook-bot']);
    expect(fake.issues.find((issue) => issue.number === copied.number)?.body).toBe('<!-- plainbook:pilot=spring tester=tester-01 -->\nI copied the marker.');
    expect(trackers()[0]?.body).not.toContain(`#${copied.number}`);
  });

  it('gets through faults mid-start, and a rerun leaves exactly one of everything', async () => {
    const project = createPilotProject({ policies: 2, staff: 6 });
    fake.injectFaults(
      { kind: 'status', status: 502, method: 'GET' },
      { kind: 'secondary-rate-limit', method: 'POST' },
      { kind: 'drop-after', method: 'POST' },
      { kind: 'drop', method: 'POST' },
      { kind: 'rate-limit', method: 'GET' },
    );
    await pilot(project.dir, 'start', 'spring');
    await pilot(project.dir, 'start', 'spring');
    expect(tasks()).toHaveLength(6);
    expect(trackers()).toHaveLength(1);
    expect(fake.milestones).toHaveLength(1);
    expect(new Set(fake.labels.map((label) => label.name)).size).toBe(fake.labels.length);
  });
});

describe('pilot start after a crash', () => {
  it('a CLI killed between two writes, then run again, leaves exactly one of everything', async () => {
    const { spawn } = await import('node:child_process');
    const project = createPilotProject({ policies: 2, staff: 12 });
    const env = { ...process.env, GITHUB_TOKEN: FAKE_TOKEN, GITHUB_REPOSITORY: 'acme/handbook', GITHUB_API_URL: fake.url, PLAINBOOK_WRITE_INTERVAL_MS: '0' };
    const run = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [join(process.cwd(), 'src/bin/plainbook.ts'), 'pilot', 'start', 'spring'], { cwd: project.dir, env, stdio: 'ignore' });
        fake.onWrite = (count) => {
          if (count === 15) child.kill('SIGKILL');
        };
        child.on('close', (code, signal) => resolve(signal ? -1 : code));
      });
    expect(await run()).toBe(-1);
    expect(tasks().length).toBeLessThan(12);
    fake.onWrite = undefined;
    expect(await pilot(project.dir, 'start', 'spring')).toMatchObject({ code: 0 });
    expect(tasks()).toHaveLength(12);
    expect(new Set(tasks().map((issue) => issue.body)).size).toBe(12);
    expect(trackers()).toHaveLength(1);
    expect(fake.milestones).toHaveLength(1);
  });
});

describe('pilot status', () => {
  async function seededRound() {
    const project = createPilotProject({ policies: 2, staff: 3, customers: 1 });
    await pilot(project.dir, 'start', 'spring');
    const file = (author: string, fields: Parameters<typeof feedbackBody>[0], labels: string[] = [], createdAt = '2026-03-10T10:00:00Z') =>
      fake.addIssue({ title: 'Feedback', body: feedbackBody(fields), author, labels: ['feedback', ...labels], createdAt });
    file(staffLogin(1), { policy: 1, round: 'spring', problem: 'Unclear', clarity: '2' });
    const declined = file(staffLogin(2), { policy: 1, round: 'spring', problem: 'Tone', clarity: '4' }, ['declined']);
    const withPr = file(staffLogin(2), { policy: 2, problem: 'Missing', clarity: '5' });
    const merged = file(staffLogin(1), { policy: 2, round: 'spring', problem: 'Incorrect', clarity: '3', from: 'customer', customer: 'customer 1' }, ['has-pr']);
    // Edited by hand: the clarity answer was deleted and the type changed to a word not on the form.
    const edited = file(staffLogin(2), { policy: 1, round: 'spring' }, ['needs-edit']);
    edited.body = (edited.body ?? '').replace('### How clear is this policy? (1 = very unclear, 5 = very clear)\n\n3', '').replace('Unclear', 'Vague');
    file(staffLogin(3), { policy: 1, round: 'autumn' });
    file(staffLogin(3), { policy: 2 }, [], '2026-05-01T10:00:00Z');
    Object.assign(merged, { state: 'closed', state_reason: 'completed' });
    const openPull = fake.addPullRequest({ head: `feedback/${withPr.number}`, title: 'Apply feedback' });
    const mergedPull = fake.addPullRequest({ head: `feedback/${merged.number}`, title: 'Apply feedback', merged: true });
    return { project, declined, withPr, merged, edited, pulls: [openPull.number, mergedPull.number] };
  }

  it('counts feedback per policy and per tester, each issue in exactly one state', async () => {
    const { project, edited, pulls } = await seededRound();
    const { stdout } = await pilot(project.dir, 'status', 'spring', '--format', 'json');
    const status = JSON.parse(stdout);
    expect(status.feedback).toBe(5);
    expect(status.policies).toEqual([
      {
        policy: 'policy-01',
        feedback: 3,
        meanClarity: 3,
        byProblem: { unclear: 1, tone: 1 },
        byState: { open: 1, 'has-pr': 0, merged: 0, declined: 1, 'needs-edit': 1 },
        pullRequests: [],
        testers: 2,
      },
      {
        policy: 'policy-02',
        feedback: 2,
        meanClarity: 4,
        byProblem: { missing: 1, incorrect: 1 },
        byState: { open: 0, 'has-pr': 1, merged: 1, declined: 0, 'needs-edit': 0 },
        pullRequests: pulls,
        testers: 2,
      },
    ]);
    expect(status.testers).toEqual([
      { tester: 'tester-01', group: 'staff', feedback: 1 },
      { tester: 'tester-02', group: 'staff', feedback: 3 },
      { tester: 'tester-03', group: 'staff', feedback: 0 },
      { tester: 'Customer 1 via tester-01', group: 'customer', feedback: 1 },
    ]);
    expect(status.unreadable).toEqual([{ number: edited.number, problems: ['problem: `vague` is not one of Unclear, Incorrect, Missing, Tone, Other', 'clarity: missing'] }]);
  });

  it('reads 500 feedback issues in pages of 100, not one request per issue', async () => {
    const project = createPilotProject({ policies: 1, staff: 1 });
    for (let i = 0; i < 500; i++) fake.addIssue({ title: 'F', body: feedbackBody({ policy: 1, round: 'spring' }), author: staffLogin(1), labels: ['feedback'] });
    const requests = await countRequests(() => pilot(project.dir, 'status', 'spring', '--format', 'json'));
    expect(requests).toBe(6); // 5 pages of issues, 1 of pull requests
  });

  it('--update rewrites only the summary in the tracking issue', async () => {
    const { project } = await seededRound();
    await pilot(project.dir, 'status', 'spring', '--update');
    const body = trackers()[0]?.body ?? '';
    expect(body).toContain('### Pilot status: Spring pilot');
    expect(body).toContain('| policy-01 | 3 | 3.0 |');
    expect(body).toContain('- [ ] @tester-01');
  });
});

describe('testers without a GitHub account', () => {
  const FORM = 'https://docs.google.com/forms/d/e/1FAIpQLSf/viewform?usp=pp_url&entry.1=%7Bpolicy%7D&entry.2={round}&entry.3={code}';
  const codedRound = (settings = `feedback:\n  form: "${FORM}"\n`) => {
    const project = createPilotProject({ policies: 2, staff: 2, coded: 2, settings });
    // A staff tester's name may sit beside their login in the round file; it never needs to reach GitHub.
    const path = join(project.dir, 'content/pilots/spring.yml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('- login: tester-02', '- name: Zofia Staffname\n    login: tester-02'));
    return project;
  };
  const sent = () => fake.requests.map((request) => JSON.stringify(request.body ?? '')).join('\n');

  it('start to status: tasks and links by code, feedback counted by code, and no name in anything sent to GitHub', async () => {
    const project = codedRound();
    const start = await pilot(project.dir, 'start', 'spring');
    expect(start.code).toBe(0);
    expect(start.stderr).not.toContain('Warning');
    const link = (code: string, policy?: string) => FORM.replace('%7Bpolicy%7D', policy ?? '').replace('{round}', 'spring').replace('{code}', code);
    expect(start.stdout).toContain(`  ${testerCode(1)} (customer), invited by @tester-01:\n    ${link(testerCode(1))}\n  ${testerCode(2)} (customer), invited by @tester-01:\n    ${link(testerCode(2))}\n`);

    const coded = tasks().find((issue) => issue.title === `Pilot task: Spring pilot (tester ${testerCode(2)})`);
    expect(coded?.assignees.map((assignee) => assignee.login)).toEqual(['tester-01']);
    expect(coded?.body).toContain(`<!-- plainbook:pilot=spring tester=${testerCode(2)} -->`);
    expect(coded?.body).toContain(`<${link(testerCode(2))}>`);
    expect(coded?.body).toContain(`[their feedback](${link(testerCode(2), 'Policy%202%20%28policy-02%29')})`);
    expect(trackers()[0]?.body).toContain(`- [ ] Tester \`${testerCode(1)}\` (customer, via @tester-01) (#`);

    // Filed on GitHub by the staff member who invited them (the code typed loosely), and imported from the team's form.
    fake.addIssue({ title: 'Feedback', body: feedbackBody({ policy: 1, round: 'spring', from: 'customer', code: testerCode(1).toLowerCase().replace('-', ' ') }), author: staffLogin(1), labels: ['feedback'] });
    fake.addIssue({ title: 'Feedback', body: feedbackBody({ policy: 2, round: 'spring', from: 'customer', code: testerCode(2) }), author: 'plainbook-bot', labels: ['feedback'] });
    fake.addIssue({ title: 'Feedback', body: feedbackBody({ policy: 2, round: 'spring', clarity: '5' }), author: staffLogin(2), labels: ['feedback'] });
    const status = await pilot(project.dir, 'status', 'spring', '--format', 'json', '--update');
    expect(JSON.parse(status.stdout).testers).toEqual([
      { tester: 'tester-01', group: 'staff', feedback: 0 },
      { tester: 'tester-02', group: 'staff', feedback: 1 },
      { tester: testerCode(1), group: 'customer', feedback: 1 },
      { tester: testerCode(2), group: 'customer', feedback: 1 },
    ]);
    expect(JSON.parse(status.stdout).policies.map((policy: { testers: number }) => policy.testers)).toEqual([1, 2]);

    const everything = sent();
    expect(everything).toContain(testerCode(1));
    expect(everything).not.toContain('Zofia');
    expect(everything).not.toMatch(/Staffname|customer's name/i);
  });

  it('gives the e-mail link when the handbook has no form, and GitHub’s form when it has neither', async () => {
    const byMail = await pilot(codedRound('feedback:\n  email: feedback@acme.test\n').dir, 'plan', 'spring');
    expect(byMail.stdout).toContain(`  ${testerCode(1)} (customer), invited by @tester-01:\n    mailto:feedback@acme.test?subject=Feedback%20on%20the%20handbook&body=Pilot%20round%3A%20spring%0D%0ATester%20code%3A%20${testerCode(1)}%0D%0A`);
    const byGitHub = await pilot(codedRound('').dir, 'plan', 'spring');
    expect(byGitHub.stdout).toContain(`    https://github.com/acme/handbook/issues/new?template=policy-feedback.yml&title=Feedback%3A+&round=spring&code=${testerCode(1)}\n`);
    expect(fake.writes()).toEqual([]);
  });

  it('still runs a round that lists customers by name, and says how to move to codes, with the lines to write', async () => {
    const project = createPilotProject({ policies: 1, staff: 1, customers: 1 });
    const start = await pilot(project.dir, 'start', 'spring');
    expect(start.code).toBe(0);
    expect(tasks()).toHaveLength(2);
    expect(start.stderr).toMatch(
      /^Warning: content\/pilots\/spring.yml lists a tester by name \(tester 2 in `testers`\)\. The round file is in git and task issues are on GitHub, often in public: list a tester without a GitHub account by a code instead\. Write in place of each:\n {4}- \{ code: [2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}, group: customer, via: tester-01 \} {3}# tester 2\nThen `npx plainbook pilot start spring` prints/,
    );
    // CI logs can be public: neither the warning nor the log names the customer.
    expect(start.stderr).not.toContain('Customer 1');
    expect(start.stderr).toMatch(/Created task issue #\d+ for tester 2 \(2\/2\)/);
    // The suggested line is a tester the round file accepts.
    const suggested = /\n {4}- (\{.*\}) {3}# tester 2\n/.exec(start.stderr)?.[1] ?? '';
    expect(testerSchema.parse(parse(suggested))).toMatchObject({ group: 'customer', via: 'tester-01' });
    expect((await pilot(project.dir, 'status', 'spring')).stderr).toContain('Warning: content/pilots/spring.yml lists a tester by name (tester 2 in `testers`).');
  });
});

describe('pilot remind and close', () => {
  it('reminds each tester without feedback once a day', async () => {
    const project = createPilotProject({ policies: 1, staff: 3 });
    await pilot(project.dir, 'start', 'spring');
    fake.addIssue({ title: 'F', body: feedbackBody({ policy: 1, round: 'spring' }), author: staffLogin(2), labels: ['feedback'] });
    expect((await pilot(project.dir, 'remind', 'spring', '--today', '2026-03-10')).stdout).toBe('Reminded 2 testers.\n');
    expect((await pilot(project.dir, 'remind', 'spring', '--today', '2026-03-10')).stdout).toBe('Reminded 0 testers.\n');
    expect((await pilot(project.dir, 'remind', 'spring', '--today', '2026-03-11')).stdout).toBe('Reminded 2 testers.\n');
    expect((await pilot(project.dir, 'remind', 'spring', '--today', '2026-04-01')).stderr).toContain('is not open on 2026-04-01');
    const reminded = [...fake.comments.values()].flat().filter((comment) => comment.body.includes('reminder='));
    expect(reminded).toHaveLength(4);
  });

  it('close thanks testers, closes everything and writes the results file', async () => {
    const project = createPilotProject({ policies: 1, staff: 2 });
    await pilot(project.dir, 'start', 'spring');
    fake.addIssue({ title: 'F', body: feedbackBody({ policy: 1, round: 'spring', clarity: '4' }), author: staffLogin(1), labels: ['feedback'] });
    const { code } = await pilot(project.dir, 'close', 'spring', '--today', '2026-03-28');
    expect(code).toBe(0);
    expect(tasks().every((issue) => issue.state === 'closed' && issue.state_reason === 'completed')).toBe(true);
    expect(trackers()[0]?.state).toBe('closed');
    expect(fake.milestones[0]?.state).toBe('closed');
    const results = roundResultsSchema.parse(JSON.parse(readFileSync(join(project.dir, 'content/pilots/spring.results.json'), 'utf8')));
    expect(results).toMatchObject({ round: 'spring', closedOn: '2026-03-28', testers: 2, testersWithFeedback: 1, feedback: 1 });
    expect(results.policies[0]).toMatchObject({ policy: 'policy-01', feedback: 1, meanClarity: 4, testers: 1 });

    const writes = fake.writes().length;
    await pilot(project.dir, 'close', 'spring', '--today', '2026-03-28');
    expect(fake.writes().length).toBe(writes);
  });
});

describe('pilot bad input', () => {
  it.each([
    ['an unknown policy', (y: string) => y.replace('policy-01', 'policy-99'), 'Unexpected unknown policy `policy-99`'],
    ['a tester listed twice', (y: string) => y.replace('tester-02', 'tester-01'), 'Unexpected tester `tester-01` listed twice'],
    ['closes before opens', (y: string) => y.replace('closes: 2026-03-27', 'closes: 2026-02-01'), 'Unexpected `closes` `2026-02-01` before `opens` `2026-03-02`'],
  ])('stops on %s with a clear message before any request', async (_, edit, message) => {
    const project = createPilotProject({ policies: 2, staff: 2 });
    const path = join(project.dir, 'content/pilots/spring.yml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    await expect(pilot(project.dir, 'start', 'spring')).rejects.toThrow(message);
    expect(fake.requests).toEqual([]);
  });

  it('names the rounds that exist when the round is not found', async () => {
    const project = createPilotProject({ policies: 1, staff: 1 });
    await expect(pilot(project.dir, 'start', 'autumn')).rejects.toThrow('Cannot find pilot round `autumn`: there is no pilots/autumn.yml in the content folder. Rounds: `spring`.');
  });

  it('stops when the token or the repository is missing, or the token has no access', async () => {
    const project = createPilotProject({ policies: 1, staff: 1 });
    const run = (env: Record<string, string>) =>
      pilotCli(['start', 'spring'], { root: project.dir, env, clientOptions: FAST, stdout: () => {}, stderr: () => {} });
    await expect(run({ GITHUB_REPOSITORY: 'acme/handbook', GITHUB_API_URL: fake.url })).rejects.toThrow('Missing GITHUB_TOKEN');
    await expect(run({ GITHUB_TOKEN: FAKE_TOKEN, GITHUB_API_URL: fake.url })).rejects.toThrow('Missing GITHUB_REPOSITORY');
    const noAccess = await run({ GITHUB_TOKEN: 'ghp_wrong', GITHUB_REPOSITORY: 'acme/handbook', GITHUB_API_URL: fake.url }).catch((error: Error) => error);
    expect(String(noAccess)).toContain('GitHub answered 401 while reading labels');
    expect(String(noAccess)).not.toContain('ghp_wrong');
    expect(fake.writes()).toEqual([]);
  });
});
