import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runToExitCode } from '../../src/cli/run-cli.ts';
import { feedbackCli } from '../../src/feedback/cli.ts';
import { FEEDBACK_FORM_PATH, renderFeedbackForm } from '../../src/pilot/feedback-form.ts';
import { parseFeedback } from '../../src/pilot/feedback-parse.ts';
import { FAKE_TOKEN, GitHubFake } from '../helpers/github-fake/server.ts';
import { createPilotProject, policyId } from '../helpers/pilot-project.ts';
import { write } from '../helpers/temp-project.ts';
import { MICROSOFT_COLUMNS, writeXlsx } from '../helpers/xlsx.ts';

const FAST = { retryAfterBaseValue: 5, rateLimitSecond: 5, writeIntervalMs: 0, log: { debug() {}, info() {}, warn() {}, error() {} } };
const GOOGLE = resolve('test/fixtures/feedback-import/google-answers.csv');
const EDITOR = 'ed-editor';

let fake: GitHubFake;
let project: ReturnType<typeof createPilotProject>;
let formYaml: string;

beforeEach(async () => {
  fake = new GitHubFake();
  await fake.start();
  project = createPilotProject({ policies: 3, staff: 1 });
  // The repository's form, with the tester code field (added with tester codes) if it is not there yet.
  const form = parse(renderFeedbackForm([1, 2, 3].map((n) => ({ id: policyId(n), title: `Policy ${n}` })))) as { body: { id?: string }[] };
  if (!form.body.some((field) => field.id === 'code')) form.body.push({ type: 'input', id: 'code', attributes: { label: 'Tester code' }, validations: { required: false } } as never);
  formYaml = stringify(form, { lineWidth: 0 });
  write(project.dir, { [FEEDBACK_FORM_PATH]: formYaml });
  copyFileSync(GOOGLE, join(project.dir, 'answers.csv'));
  fake.git.seed(Object.fromEntries([1, 2, 3].map((n) => [`content/policies/${policyId(n)}.mdx`, readFileSync(join(project.dir, `content/policies/${policyId(n)}.mdx`), 'utf8')])));
  fake.git.permissions.set(EDITOR, 'write');
});
afterEach(() => fake.stop());

async function feedback(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const env = { GITHUB_TOKEN: FAKE_TOKEN, GITHUB_REPOSITORY: 'acme/handbook', GITHUB_API_URL: fake.url };
  const code = await runToExitCode(() => feedbackCli(argv, { root: project.dir, env, clientOptions: FAST, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }), (t) => (stderr += t));
  return { code, stdout, stderr };
}

const filed = () => fake.issues.filter((issue) => issue.labels.some((label) => label.name === 'feedback'));
const issuePosts = () => fake.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/issues') && request.fault === undefined);
/** Everything Plainbook sent to GitHub, as one text. */
const sent = () => fake.requests.map((request) => JSON.stringify(request.body ?? '')).join('\n');

describe('feedback import', () => {
  it('files one feedback issue per answer, which parseFeedback reads as if filed with the form', async () => {
    const { code, stdout } = await feedback('import', 'answers.csv');
    expect(code).toBe(0);
    expect(stdout).toContain('Columns used:\n  `Timestamp` -> when the answer was given\n  `Policy` -> Policy\n');
    expect(stdout).toContain('Columns left out:\n  `Email Address` (an e-mail address: never filed)\n  `Anything else?` (no field of the form)\n');
    expect(stdout.endsWith('Filed 2 issues, 0 answers already filed.\n')).toBe(true);
    expect(filed().map((issue) => [issue.title, issue.user?.login])).toEqual([
      ['Feedback: Policy 1', 'plainbook-bot'],
      ['Feedback: Policy 2', 'plainbook-bot'],
    ]);
    const [first, second] = filed().map((issue) => parseFeedback(issue.body ?? '', formYaml).feedback);
    expect(first).toEqual({ policy: 'policy-01', round: 'spring', section: 'On the phone', current: 'Say hello.', suggested: 'Say "Hello, how can I help?"\nthen listen.', problem: 'unclear', clarity: 3, from: 'customer', code: 'K7P2QX' });
    expect(second).toMatchObject({ policy: 'policy-02', problem: 'tone', clarity: 4, from: 'customer' });
    expect(fake.violations).toEqual([]);
  });

  it('keeps names and e-mail addresses out of every request', async () => {
    await feedback('import', 'answers.csv');
    for (const personal of ['ana.lee@example.com', 'bo@example.org', '7946 0958', '123-4567']) expect(sent()).not.toContain(personal);
  });

  it('files nothing twice: a rerun, or a later export with the same answers and more', async () => {
    await feedback('import', 'answers.csv');
    const again = await feedback('import', 'answers.csv');
    expect(again.stdout.endsWith('Filed 0 issues, 2 answers already filed.\n')).toBe(true);
    const later = `${readFileSync(GOOGLE, 'utf8')}"2026/03/09 9:00:00 AM GMT+1","cy@example.com","policy-03","","","Say hello.","Hi.","Missing","2","",""\r\n`;
    writeFileSync(join(project.dir, 'later.csv'), later);
    const third = await feedback('import', 'later.csv');
    expect(third.stdout.endsWith('Filed 1 issue, 2 answers already filed.\n')).toBe(true);
    expect(filed()).toHaveLength(3);
    expect(issuePosts()).toHaveLength(3);
  });

  it('files an answer that is in the file twice (a row copied in the sheet) once', async () => {
    const text = readFileSync(GOOGLE, 'utf8');
    const rows = text.split('\r\n');
    writeFileSync(join(project.dir, 'twice.csv'), `${text}${rows[2]}\r\n`);
    expect((await feedback('import', 'twice.csv')).stdout.endsWith('Filed 2 issues, 1 answer already filed.\n')).toBe(true);
    expect(filed()).toHaveLength(2);
  });

  it("does not take an issue someone else wrote with an answer's marker in it for that answer", async () => {
    await feedback('import', 'answers.csv');
    const bodies = filed().map((issue) => issue.body ?? '');
    fake.issues.splice(0);
    for (const body of bodies) fake.addIssue({ title: 'Copied', body, author: 'ana-lee', labels: ['feedback'] });
    expect((await feedback('import', 'answers.csv')).stdout.endsWith('Filed 2 issues, 0 answers already filed.\n')).toBe(true);
    expect(filed().map((issue) => issue.user?.login)).toEqual(['ana-lee', 'ana-lee', 'plainbook-bot', 'plainbook-bot']);
  });

  it('--dry-run writes nothing and says what it would file', async () => {
    const { code, stdout, stderr } = await feedback('import', 'answers.csv', '--dry-run');
    expect(code).toBe(0);
    expect(stderr).toBe('Would file "Feedback: Policy 1" (row 2)\nWould file "Feedback: Policy 2" (row 3)\n');
    expect(stdout.endsWith('Would file 2 issues, 0 answers already filed.\n')).toBe(true);
    expect(fake.writes()).toEqual([]);
  });

  it('--since skips answers from before that day', async () => {
    const { stdout } = await feedback('import', 'answers.csv', '--since', '2026-03-05');
    expect(stdout.endsWith('Filed 1 issue, 0 answers already filed, 1 answer from before 2026-03-05 skipped (--since).\n')).toBe(true);
    expect(filed().map((issue) => issue.title)).toEqual(['Feedback: Policy 2']);
  });

  it('gets through server errors, rate limits and a lost answer, filing each answer once', async () => {
    fake.injectFaults(
      { kind: 'status', status: 502, method: 'GET' },
      { kind: 'secondary-rate-limit', method: 'POST' },
      { kind: 'drop-after', method: 'POST' },
      { kind: 'status', status: 503, method: 'POST' },
      { kind: 'rate-limit', method: 'GET' },
    );
    const { code } = await feedback('import', 'answers.csv');
    expect(code).toBe(0);
    expect(fake.requests.filter((request) => request.fault).map((request) => request.fault).sort()).toEqual(['drop-after', 'rate-limit', 'secondary-rate-limit', 'status', 'status']);
    expect(filed()).toHaveLength(2);
    await feedback('import', 'answers.csv');
    expect(filed()).toHaveLength(2);
  });

  it('a bad file names the row and column, exits 1 and sends nothing', async () => {
    writeFileSync(join(project.dir, 'bad.csv'), readFileSync(GOOGLE, 'utf8').replace('"Tone","4"', '"Rude","4"'));
    const { code, stderr } = await feedback('import', 'bad.csv');
    expect(code).toBe(1);
    expect(stderr).toContain('- row 3, column `What is wrong?`: Unexpected `Rude`, expected one of `Unclear`, `Incorrect`, `Missing`, `Tone`, `Other`.');
    expect(fake.requests).toEqual([]);
  });

  it('exits 2 for a usage mistake', async () => {
    expect((await feedback('import')).code).toBe(2);
    expect((await feedback('import', 'answers.csv', '--since', 'March')).stderr).toBe('Unexpected `March` for --since, expected a date such as `2026-03-15`.\n');
    expect((await feedback('import', 'answers.csv', '--round', 'autumn')).stderr).toMatch(/^Cannot find pilot round `autumn`/);
    expect(fake.requests).toEqual([]);
  });
});

describe('a Microsoft Forms workbook', () => {
  const header = [...MICROSOFT_COLUMNS, 'Policy', 'Current wording', 'Suggested wording', 'What is wrong?', 'How clear is this policy?', 'May we name you?'];
  const row = (id: number, name: string, consent: string) => [id, new Date(Date.UTC(2026, 2, id, 9)), new Date(Date.UTC(2026, 2, id, 9, 5)), `${name.split(' ')[0]?.toLowerCase()}@example.com`, name, policyId(1), 'Say hello.', 'Say hi.', 'Tone', 4, consent];

  it('credits a name only with consent, never an address, and files each answer once by its number', async () => {
    write(project.dir, { 'plainbook.config.yml': `${readFileSync(join(project.dir, 'plainbook.config.yml'), 'utf8')}\nfeedback:\n  columns:\n    consent: May we name you?\n` });
    writeFileSync(join(project.dir, 'answers.xlsx'), writeXlsx([header, row(1, 'Ana Lee', 'Yes'), row(2, 'Bo Berg', 'No')]));
    const { code, stdout } = await feedback('import', 'answers.xlsx', '--round', 'spring');
    expect(code, stdout).toBe(0);
    expect(filed()[0]?.body).toContain('From: `Ana Lee` (agreed to be named)');
    expect(parseFeedback(filed()[0]?.body ?? '', formYaml).feedback).toMatchObject({ policy: 'policy-01', round: 'spring', problem: 'tone', clarity: 4 });
    expect(sent()).not.toMatch(/Bo Berg|@example\.com/);
    // A later export, with one more answer.
    writeFileSync(join(project.dir, 'answers.xlsx'), writeXlsx([header, row(1, 'Ana Lee', 'Yes'), row(2, 'Bo Berg', 'No'), row(3, 'Cy Cole', '')]));
    expect((await feedback('import', 'answers.xlsx')).stdout.endsWith('Filed 1 issue, 2 answers already filed.\n')).toBe(true);
  });
});

describe('an imported answer, accepted', () => {
  it('becomes a pull request like any feedback issue', async () => {
    writeFileSync(join(project.dir, 'one.csv'), '\uFEFFTimestamp,Policy,Current wording,Suggested wording,What is wrong?,How clear is this policy?\r\n"2026/03/04 10:15:22 AM GMT+1",policy-03,Say hello.,"Say ""hi"" <b>warmly</b>, call me on 555.123.4567",Tone,4\r\n');
    await feedback('import', 'one.csv');
    const [issue] = filed();
    fake.labelIssue(issue?.number ?? 0, 'accepted', EDITOR);
    const { code, stdout } = await feedback('pr', String(issue?.number));
    expect(code).toBe(0);
    expect(stdout).toBe('pull-request\n');
    expect(fake.git.fileOn(`feedback/${issue?.number}`, `content/policies/${policyId(3)}.mdx`)).toContain('\n\nSay "hi" \\<b>warmly\\</b>, call me on \\[removed]\n');
  });
});
