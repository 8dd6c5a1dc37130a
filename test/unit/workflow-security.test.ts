/**
 * The workflows' security guard. Untrusted text (issue titles, branch names, commit messages,
 * dispatch inputs: every context GitHub's security-hardening guide lists, and more of the kind)
 * reaches code only through `env:`; each job's token has exactly the permissions its steps use;
 * every action is pinned to a commit SHA with its version in a comment. The rules live in
 * workflow-rules.ts; the second block feeds them broken workflows, so each rule is seen to fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  botLoginFindings,
  GUIDE_CONTEXTS,
  injectionFindings,
  MORE_CONTEXTS,
  permissionFindings,
  pinFindings,
  type Step,
  type Workflow,
} from './workflow-rules.ts';

const DIR = '.github/workflows';
const DEPLOY = 'templates/deploy';
const read = (dir: string, name: string) => {
  const text = readFileSync(join(dir, name), 'utf8');
  return { name: `${dir}/${name}`, text, workflow: parse(text) as Workflow };
};
const yamlIn = (dir: string) => readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
// This repository's workflows, and the GitHub Actions deploys a handbook gets for its host
// (gitlab-pages.yml is GitLab's CI file, not a GitHub workflow).
const files = [
  ...yamlIn(DIR).map((name) => read(DIR, name)),
  ...yamlIn(DEPLOY).filter((name) => name !== 'gitlab-pages.yml').map((name) => read(DEPLOY, name)),
];

describe('GitHub workflows', () => {
  it('exist', () => {
    expect(files.map((file) => file.name)).toEqual([
      ...['checks.yml', 'ci.yml', 'deploy.yml', 'feedback.yml', 'pilot.yml', 'review.yml'].map((name) => `${DIR}/${name}`),
      ...['cloudflare-pages.yml', 'folder.yml', 'github-pages.yml', 'netlify.yml'].map((name) => `${DEPLOY}/${name}`),
    ]);
  });

  it.each(files.filter(({ name }) => name.startsWith(DEPLOY)))('$name asks for each secret and variable through env:, never in run:', ({ workflow }) => {
    const steps = Object.values(workflow.jobs ?? {}).flatMap((job) => job.steps ?? []);
    for (const step of steps) expect(step.run ?? '').not.toMatch(/\$\{\{[^}]*\b(secrets|vars)\./);
  });

  it.each(files.filter(({ name }) => name.startsWith(DEPLOY)))('$name sets a timeout on each job', ({ workflow }) => {
    for (const [name, job] of Object.entries(workflow.jobs ?? {})) expect((job as { 'timeout-minutes'?: number })['timeout-minutes'], name).toBeGreaterThan(0);
  });

  it.each(files)('$name keeps untrusted values out of run: scripts and script inputs', ({ workflow }) => {
    expect(injectionFindings(workflow)).toEqual([]);
  });

  it.each(files)('$name never runs untrusted code with secrets (pull_request_target)', ({ workflow }) => {
    expect(JSON.stringify(workflow.on)).not.toContain('pull_request_target');
  });

  it.each(files)('$name gives each job exactly the permissions its steps use', ({ workflow }) => {
    expect(permissionFindings(workflow)).toEqual([]);
  });

  it.each(files)('$name tells Plainbook which login its token writes as', ({ workflow }) => {
    expect(botLoginFindings(workflow)).toEqual([]);
  });

  it.each(files)('$name pins every action to a full commit SHA, version in a comment', ({ text }) => {
    expect(pinFindings(text).findings).toEqual([]);
  });

  it('pins each action to one SHA, and each SHA to one version, in every workflow', () => {
    const byAction = new Map<string, Set<string>>();
    for (const { action, sha, version } of files.flatMap(({ text }) => pinFindings(text).pins)) {
      byAction.set(action, (byAction.get(action) ?? new Set()).add(`${sha} ${version}`));
    }
    expect([...byAction].filter(([, pins]) => pins.size > 1)).toEqual([]);
    expect(byAction.size).toBeGreaterThan(0);
  });
});

const SHA = '11d5960a326750d5838078e36cf38b85af677262';
const CHECKOUT = { uses: `actions/checkout@${SHA}` };

/** One job holding `steps`, with the permissions given; `null` leaves the key out. */
function job(steps: Step[], permissions: unknown = { contents: 'read' }, top: unknown = {}): Workflow {
  const key = (name: string, value: unknown) => (value === null ? {} : { [name]: value });
  return { on: 'push', ...key('permissions', top), jobs: { job: { ...key('permissions', permissions), steps } } };
}
const run = (script: string, env?: Record<string, string>): Step => ({ run: script, ...(env ? { env } : {}) });
const REMIND = run('npm run review -- remind', { GITHUB_TOKEN: '${{ github.token }}', PLAINBOOK_BOT_LOGIN: 'github-actions[bot]' });

describe('the workflow checks catch the mistakes they look for', () => {
  /** `pages.*.page_name` as an expression reads it: `pages[0].page_name`; `inputs.*` as `inputs.round`. */
  const concrete = (context: string) => context.replace(/\.\*\./g, '[0].').replace(/\.\*$/, '.round');

  it.each([...GUIDE_CONTEXTS, ...MORE_CONTEXTS])('%s pasted into run: is injection', (context) => {
    expect(injectionFindings(job([run(`echo "\${{ ${concrete(context)} }}"`)]))).toHaveLength(1);
  });

  it.each([
    "github.event['issue']['title']",
    "github['event'][ 'pull_request' ].head['ref']",
    'github.event.commits[0].message',
    "join(github.event.commits.*.message, ' ')",
    'github.event.commits[github.run_number].author.name',
    'github.event[inputs.part].title',
    'toJSON(github.event.issue)',
    'toJSON(github.event)',
    "format('{0}-{1}', github.event.issue.number, github.head_ref)",
    'GitHub.Event.Issue.Title',
    'github.event.inputs.round',
    'github.event.workflow_run.head_commit.author.name',
  ])('`%s` in run: is injection', (expression) => {
    expect(injectionFindings(job([run(`echo \${{ ${expression} }}`)]))).not.toEqual([]);
  });

  it.each(['script', 'shell', 'command'])('an untrusted value in an action\'s `with.%s` is injection', (input) => {
    const step = { uses: `actions/github-script@${SHA}`, with: { [input]: 'core.info("${{ github.event.comment.body }}")' } };
    expect(injectionFindings(job([step]))).toEqual(['job step 1 with.' + input + ': github.event.comment.body']);
  });

  it('lets untrusted values through env: and ordinary with: inputs, and trusted ones anywhere', () => {
    const steps: Step[] = [
      { ...CHECKOUT, with: { ref: '${{ github.event.pull_request.head.ref }}' } },
      run('echo "$TITLE"', { TITLE: '${{ github.event.issue.title }}' }),
      run('echo ${{ github.event.issue.number }} ${{ github.event.pull_request.head.sha }} ${{ github.event_name }}'),
      run("echo ${{ steps.app-token.outputs.app-slug }} ${{ hashFiles('src/**') }} ${{ 'github.head_ref' }}"),
      run('echo ${{ github.event.issue.labels[0].name }} ${{ github.event.label.name }}'),
      { uses: `actions/github-script@${SHA}`, with: { script: 'core.info(process.env.BODY)' }, env: { BODY: '${{ github.event.comment.body }}' } },
    ];
    expect(injectionFindings(job(steps))).toEqual([]);
  });

  it('accepts a job that has what its steps use and no more', () => {
    expect(permissionFindings(job([CHECKOUT, REMIND], { contents: 'read', issues: 'write', actions: 'none' }))).toEqual([]);
    const deploy = job([{ uses: `actions/deploy-pages@${SHA}` }], { pages: 'write', 'id-token': 'write' }, { contents: 'read' });
    expect(permissionFindings(deploy)).toEqual([]);
  });

  it.each([
    ['an excess write', job([CHECKOUT], { contents: 'write' }), ['job: contents: write is more than it needs (read)']],
    ['an excess scope', job([CHECKOUT], { contents: 'read', actions: 'read' }), ['job: actions: read is more than it needs (none)']],
    ['a missing scope', job([CHECKOUT, REMIND]), ['job: issues: needs write, has none']],
    ['a read where a write is needed', job([CHECKOUT, REMIND], { contents: 'read', issues: 'read' }), ['job: issues: needs write, has read']],
    ['a missing id-token', job([{ uses: `actions/deploy-pages@${SHA}` }], { pages: 'write' }), ['job: id-token: needs write, has none']],
    ['write-all', job([CHECKOUT], 'write-all'), ['job: permissions "write-all", list the scopes']],
    ['read-all at the top', job([CHECKOUT], null, 'read-all'), ['top level: permissions "read-all", list the scopes', 'job: permissions "read-all", list the scopes']],
    ['no permissions at all', job([CHECKOUT], null, null), ['top level: no permissions, so the repository default applies', 'job: no permissions, so the repository default applies']],
    ['a write at the top', job([CHECKOUT, REMIND], null, { contents: 'read', issues: 'write' }), ['top level: issues: write, grant writes per job']],
    ['an unknown level', job([CHECKOUT], { contents: 'admin' }), ['job: contents: admin is not read, write or none', 'job: contents: needs read, has none']],
    ['an action not in the table', job([CHECKOUT, { uses: `someone/tool@${SHA}` }]), [`job: no table entry for action someone/tool@${SHA}`]],
    ['a token used by an unknown command', job([CHECKOUT, run('gh issue list', { GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}' })]), ['job: no table entry for a token used by `gh issue list`']],
  ])('catches %s', (_, workflow, findings) => {
    expect(permissionFindings(workflow)).toEqual(findings);
  });

  it('knows what each Plainbook command needs', () => {
    const needs = (script: string) => permissionFindings(job([run(script, { GITHUB_TOKEN: '${{ github.token }}' })], {}));
    expect(needs('npm run feedback -- pr "$N"')).toEqual(['job: contents: needs write, has none', 'job: pull-requests: needs write, has none', 'job: issues: needs write, has none']);
    expect(needs('npm run pilot -- "${args[@]}"')).toEqual(['job: issues: needs write, has none', 'job: pull-requests: needs read, has none']);
    expect(needs('npm run lint -- --changed x --comment')).toEqual(['job: pull-requests: needs write, has none']);
    expect(needs('npm run lint -- --format github')).toEqual(['job: no table entry for a token used by `npm run lint -- --format github`']);
  });

  it('catches a writing command that does not say which login its token writes as', () => {
    const app = '${{ steps.app-token.outputs.token || github.token }}';
    const appLogin = "${{ steps.app-token.outputs.app-slug && format('{0}[bot]', steps.app-token.outputs.app-slug) || 'github-actions[bot]' }}";
    const login = (env: Record<string, string>) => botLoginFindings(job([run('npm run pilot -- status r1', env)]));
    expect(login({ GITHUB_TOKEN: '${{ github.token }}' })).toEqual(['job step 1: no PLAINBOOK_BOT_LOGIN']);
    expect(login({ PLAINBOOK_BOT_LOGIN: 'github-actions[bot]' })).toEqual(['job step 1: no GITHUB_TOKEN']);
    expect(login({ GITHUB_TOKEN: '${{ github.token }}', PLAINBOOK_BOT_LOGIN: 'plainbook[bot]' })).toEqual(['job step 1: GITHUB_TOKEN writes as github-actions[bot]']);
    expect(login({ GITHUB_TOKEN: app, PLAINBOOK_BOT_LOGIN: 'github-actions[bot]' })).toEqual(['job step 1: the App token\'s login comes from steps.app-token.outputs.app-slug']);
    expect(login({ GITHUB_TOKEN: app, PLAINBOOK_BOT_LOGIN: appLogin })).toEqual([]);
    expect(login({ GITHUB_TOKEN: '${{ github.token }}', PLAINBOOK_BOT_LOGIN: 'github-actions[bot]' })).toEqual([]);
  });

  const pins = (...uses: string[]) => pinFindings(`on: push\njobs:\n  job:\n    runs-on: ubuntu-latest\n    steps:\n${uses.map((u) => `      - ${u}\n`).join('')}`).findings;

  it.each([
    ['a tag', 'uses: actions/checkout@v4', 'is not pinned to a full commit SHA'],
    ['a branch', 'uses: actions/checkout@main', 'is not pinned to a full commit SHA'],
    ['a short SHA', 'uses: actions/checkout@11d5960 # v4.4.0', 'is not pinned to a full commit SHA'],
    ['no ref', 'uses: actions/checkout', 'is not pinned to a full commit SHA'],
    ['a SHA without a comment', `uses: actions/checkout@${SHA}`, 'has no "# vX.Y.Z" comment naming its version'],
    ['a SHA with only the major version', `uses: actions/checkout@${SHA} # v4`, 'has no "# vX.Y.Z" comment naming its version'],
    ['a line the scan cannot read', `{ uses: actions/checkout@${SHA} }`, 'write it as "uses: <ref> # vX.Y.Z" on its own line'],
  ])('catches %s', (_, line, message) => {
    expect(pins(line)).toEqual([expect.stringContaining(message)]);
  });

  it('catches an unpinned reusable workflow', () => {
    expect(pinFindings('jobs:\n  call:\n    uses: owner/repo/.github/workflows/x.yml@main\n').findings).toEqual([expect.stringContaining('is not pinned')]);
  });

  it('accepts pinned actions, local actions and docker images', () => {
    expect(pins(`uses: actions/checkout@${SHA} # v4.4.0`, `uses: 'actions/cache/restore@${SHA}' # v4.3.0 (restore only)`, 'uses: ./.github/actions/local', 'uses: docker://alpine:3.20')).toEqual([]);
    expect(pinFindings(`jobs:\n  j:\n    steps:\n      - uses: actions/checkout@${SHA} # v4.4.0\n`).pins).toEqual([{ action: 'actions/checkout', sha: SHA, version: 'v4.4.0' }]);
  });
});
