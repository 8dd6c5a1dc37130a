import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkAnswers, defaultAnswers, packageName } from '../../src/init/answers.ts';
import { initCli } from '../../src/init/cli.ts';
import { dependencySpec } from '../../src/init/dependency.ts';
import { scaffold } from '../../src/init/scaffold.ts';
import { runToExitCode } from '../../src/cli/run-cli.ts';
import { readMarker } from '../../src/files/generated-file.ts';
import { WHO_CAN_READ } from '../../src/init/hosts.ts';
import { HOSTS, type Host } from '../../src/schema/settings.ts';
import { DEPLOY_PATHS } from '../../src/sync/targets.ts';
import { injectionFindings, permissionFindings, pinFindings, type Workflow } from './workflow-rules.ts';

const temp = () => mkdtempSync(join(tmpdir(), 'plainbook-init-'));

async function init(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runToExitCode(() => initCli(argv, { root: cwd, cwd, env: {}, interactive: false, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }), (t) => (stderr += t));
  return { code, stdout, stderr };
}

describe('init answers', () => {
  it('come from the folder name when nothing is given', () => {
    expect(defaultAnswers('/work/acme-handbook', {})).toEqual({
      title: 'Acme handbook',
      repo: 'your-org/acme-handbook',
      host: 'github-pages',
      url: 'https://your-org.github.io/acme-handbook/',
      owner: '@your-org/handbook-editors',
    });
    expect(defaultAnswers('/work/x', { repo: 'Acme/care' })).toMatchObject({ url: 'https://acme.github.io/care/', owner: '@Acme/handbook-editors' });
  });

  it('take the address from the host', () => {
    const url = (host: Host) => defaultAnswers('/work/x', { repo: 'Acme/Care.Book', host }).url;
    expect(HOSTS.map(url)).toEqual([
      'https://acme.github.io/Care.Book/',
      'https://care-book.pages.dev/',
      'https://care-book.netlify.app/',
      'https://acme.gitlab.io/Care.Book/',
      'https://handbook.example.com/',
    ]);
  });

  it('are refused with the flag and an example when they would not work', () => {
    const good = defaultAnswers('/w/h', {});
    expect(() => checkAnswers({ ...good, repo: 'acme' })).toThrow('Unexpected `acme` for --repo, expected the repository as `owner/name`, such as `acme/handbook`.');
    expect(() => checkAnswers({ ...good, url: 'acme.github.io' })).toThrow('Unexpected `acme.github.io` for --url, expected a full address such as `https://acme.github.io/handbook/`.');
    expect(() => checkAnswers({ ...good, owner: 'acme/leads' })).toThrow('for --owner, expected a GitHub team or user');
    expect(() => checkAnswers({ ...good, title: 'Two\nlines' })).toThrow('for --title');
    expect(() => checkAnswers({ ...good, title: '  ' })).toThrow('for --title');
    expect(() => checkAnswers({ ...good, host: 'nope' })).toThrow('Unexpected `nope` for --host, expected one of `github-pages`, `cloudflare-pages`, `netlify`, `gitlab-pages`, `folder`.');
    expect(() => checkAnswers({ ...good, host: 'GitHub-Pages' })).toThrow('for --host');
    expect(checkAnswers({ ...good, owner: '@sam' }).owner).toBe('@sam');
  });

  it('make an npm package name of any folder name', () => {
    expect(packageName('/x/Acme Care Handbook')).toBe('acme-care-handbook');
    expect(packageName('/x/.hidden_')).toBe('hidden');
    expect(packageName('/')).toBe('handbook');
  });
});

describe('the handbook template', () => {
  const files = scaffold({ answers: { title: 'Acme: care # "first"', repo: 'acme/care', host: 'github-pages', url: 'https://acme.github.io/care/', owner: '@acme/leads' }, name: 'care', dependency: '^1.2.3', today: '2026-11-23' });

  it('puts back the dots npm strips from file names, and fills every placeholder', () => {
    expect(files.has('.gitignore')).toBe(true);
    expect(files.has('.nvmrc')).toBe(true);
    expect([...files.keys()].filter((path) => /(^|\/)(gitignore|nvmrc)$/.test(path))).toEqual([]);
    for (const [path, text] of files) expect(text, path).not.toMatch(/\{\{/);
  });

  it('writes a title with YAML characters so YAML reads back the same text', () => {
    const settings = parse(files.get('plainbook.config.yml') ?? '') as { site: Record<string, string> };
    expect(settings.site).toMatchObject({ title: 'Acme: care # "first"', repo: 'acme/care', url: 'https://acme.github.io/care/', defaultOwner: '@acme/leads', host: 'github-pages', visibility: 'private' });
    expect(files.get('README.md')).toMatch(/^# Acme: care # "first"\n/);
    const index = files.get('content/index.mdx') ?? '';
    expect(parse(index.split('---\n')[1] ?? '')).toMatchObject({ title: 'Acme: care # "first"' });
    expect(files.get('content/policies/saying-no.mdx')).toContain('effective: 2026-11-23');
  });

  it('depends on plainbook alone, with scripts for each command its README and workflows use', () => {
    const manifest = JSON.parse(files.get('package.json') ?? '') as { name: string; dependencies: object; scripts: Record<string, string> };
    expect(manifest.name).toBe('care');
    expect(manifest.dependencies).toEqual({ plainbook: '^1.2.3' });
    const workflowScripts = [...files.values()].join('\n').match(/npm run [a-z]+/g) ?? [];
    for (const used of new Set(workflowScripts)) expect(manifest.scripts, used).toHaveProperty(used.replace('npm run ', ''));
    expect(manifest.scripts.test).toBe('plainbook lint && plainbook forms --check && plainbook owners --check && plainbook build');
  });
});

describe('plainbook init', () => {
  it('writes the handbook with generated workflows, form and CODEOWNERS, each with its marker', async () => {
    const cwd = temp();
    const result = await init(cwd, 'care', '--repo', 'acme/care', '--owner', '@acme/leads');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Wrote 26 files to ${join(cwd, 'care')}.`);
    expect(result.stdout).toContain('  cd care\n');
    const dir = join(cwd, 'care');
    for (const path of ['.github/workflows/checks.yml', '.github/ISSUE_TEMPLATE/policy-feedback.yml', '.github/CODEOWNERS']) {
      expect(readMarker(readFileSync(join(dir, path), 'utf8'))?.edited, path).toBe(false);
    }
    expect(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')).toContain('/content/policies/greeting-customers.mdx @acme/leads');
    expect(readFileSync(join(dir, '.github/ISSUE_TEMPLATE/policy-feedback.yml'), 'utf8')).toContain('- Greeting customers (greeting-customers)');
    expect(readdirSync(cwd)).toEqual(['care']);
  });

  it('refuses a folder that is not empty, naming what is there, and writes nothing', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'care'));
    writeFileSync(join(cwd, 'care/notes.txt'), 'mine');
    const result = await init(cwd, 'care');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`Cannot start a handbook in ${join(cwd, 'care')}: the folder is not empty (notes.txt). Name a new folder, such as \`plainbook init my-handbook\`, or pass --force to write into this one.\n`);
    expect(readdirSync(join(cwd, 'care'))).toEqual(['notes.txt']);
    expect(readdirSync(cwd)).toEqual(['care']);
  });

  it('writes into an empty folder or a fresh git repository, and with --force beside existing files', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'care/.git'), { recursive: true });
    expect((await init(join(cwd, 'care'))).code).toBe(0);
    expect(existsSync(join(cwd, 'care/plainbook.config.yml'))).toBe(true);
    writeFileSync(join(cwd, 'care/notes.txt'), 'mine');
    expect((await init(join(cwd, 'care'), '.', '--force')).code).toBe(0);
    expect(readFileSync(join(cwd, 'care/notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(cwd)).toEqual(['care']);
  });

  it('writes nothing when an answer is wrong', async () => {
    const cwd = temp();
    const result = await init(cwd, 'care', '--url', 'not a url');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unexpected `not a url` for --url');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('asks for what was not given when it runs in a terminal, the later defaults following earlier answers', async () => {
    const cwd = temp();
    const asked: string[] = [];
    const HOST = 'Where it is hosted (github-pages, cloudflare-pages, netlify, gitlab-pages, folder)';
    const replies: Record<string, string> = { 'Handbook title': 'Care book', 'GitHub repository (owner/name)': 'acme/care', [HOST]: 'netlify' };
    let stdout = '';
    const io = { root: cwd, cwd, env: {}, interactive: true, stdout: (text: string) => (stdout += text), stderr: () => {}, ask: async (question: string, fallback: string) => (asked.push(`${question} (${fallback})`), replies[question] ?? '') };
    expect(await initCli(['care', '--owner', '@acme/leads'], io)).toBe(0);
    expect(asked).toEqual(['Handbook title (Care)', 'GitHub repository (owner/name) (your-org/care)', `${HOST} (github-pages)`, 'Address the handbook will be served at (https://care.netlify.app/)']);
    const settings = readFileSync(join(cwd, 'care/plainbook.config.yml'), 'utf8');
    expect(settings).toContain('title: "Care book"');
    expect(settings).toContain('  host: netlify\n');
    expect(readFileSync(join(cwd, 'care/.github/workflows/deploy.yml'), 'utf8')).toContain('netlify-cli@');
    expect(stdout.trimEnd().endsWith(WHO_CAN_READ.netlify)).toBe(true);
  });
});

/** What each host's README section must tell the team: its staff-only settings and its secrets. */
const README_SAYS: Record<Host, string[]> = {
  'github-pages': ['A GitHub Pages site is public', 'GitHub Enterprise Cloud', 'Settings > Pages > Visibility: Private', 'Settings > Pages > Source: GitHub Actions', 'Secrets: none'],
  'cloudflare-pages': ['Cloudflare Zero Trust > Access > Applications', 'Self-hosted', '`*.<project>.pages.dev`', 'Action: Allow', 'Emails ending in', 'identity provider group', 'free for up to 50 users', '`CLOUDFLARE_API_TOKEN`', '`CLOUDFLARE_ACCOUNT_ID`', '`CLOUDFLARE_PROJECT`', 'Name it `care`'],
  netlify: ['Site configuration > Access & security > Visitor access', 'Password protection', 'SSO', '**Check your plan**', '`NETLIFY_AUTH_TOKEN`', '`NETLIFY_SITE_ID`'],
  'gitlab-pages': ['`.gitlab-ci.yml`', 'Run CI/CD for external repository', 'move the repository to GitLab', 'Only project members', 'Settings > General > Visibility', '`pages: publish: dist`', 'Secrets: none'],
  folder: ['artifact', 'Any static web server works', 'oauth2-proxy', 'auth_request /oauth2/auth;', 'Secrets: none'],
};
const EVERY_README_SAYS = ['`changes.xml`', 'feed readers cannot sign in', '`visibility: private`', 'asks search engines to stay out', 'does not lock the site', "host's sign-in"];

describe('plainbook init --host', () => {
  const made = new Map<Host, { dir: string; stdout: string }>();
  async function handbookFor(host: Host) {
    const cached = made.get(host);
    if (cached) return cached;
    const cwd = temp();
    const result = await init(cwd, 'care', '--repo', 'acme/care', '--host', host, '--yes');
    expect(result.code, result.stderr).toBe(0);
    const done = { dir: join(cwd, 'care'), stdout: result.stdout };
    made.set(host, done);
    return done;
  }
  const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
  const template = (host: Host) => readFileSync(`templates/deploy/${host}.yml`, 'utf8');

  it.each(HOSTS)('%s: writes that host\'s deploy, with its marker, and no other host\'s', async (host) => {
    const { dir } = await handbookFor(host);
    const marker = readMarker(read(dir, DEPLOY_PATHS[host]));
    expect(marker?.edited).toBe(false);
    expect(marker?.body).toBe(template(host));
    const other = host === 'gitlab-pages' ? '.github/workflows/deploy.yml' : '.gitlab-ci.yml';
    expect(existsSync(join(dir, other)), other).toBe(false);
    for (const otherHost of HOSTS) if (otherHost !== host) expect(marker?.body, otherHost).not.toBe(template(otherHost));
    // The shared workflows come whatever the host.
    expect(readdirSync(join(dir, '.github/workflows')).sort()).toEqual(host === 'gitlab-pages' ? ['checks.yml', 'feedback.yml', 'pilot.yml', 'review.yml'] : ['checks.yml', 'deploy.yml', 'feedback.yml', 'pilot.yml', 'review.yml']);
  });

  it.each(HOSTS)('%s: writes `host:` into plainbook.config.yml, after visibility', async (host) => {
    const { dir } = await handbookFor(host);
    const text = read(dir, 'plainbook.config.yml');
    expect(text).toContain(`  visibility: private\n  # Where the handbook is deployed`);
    expect(text).toContain(`\n  host: ${host}\n`);
    expect((parse(text) as { site: { host: string } }).site.host).toBe(host);
  });

  it.each(HOSTS)('%s: README says who can read it, how to make it staff-only, and the secrets', async (host) => {
    const { dir } = await handbookFor(host);
    const readme = read(dir, 'README.md');
    const section = readme.split('## Who can read the handbook\n')[1]?.split('\n## ')[0] ?? '';
    expect(section.startsWith(`\n${WHO_CAN_READ[host].replace(' See README.md.', '')}\n`)).toBe(true);
    for (const words of [...README_SAYS[host], ...EVERY_README_SAYS]) expect(section, words).toContain(words);
    for (const otherHost of HOSTS) if (otherHost !== host) expect(section, otherHost).not.toContain(README_SAYS[otherHost][0]);
    expect(readme).not.toMatch(/\{\{/);
  });

  it.each(HOSTS)('%s: ends by saying who can read it', async (host) => {
    const { stdout } = await handbookFor(host);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(WHO_CAN_READ[host]);
  });

  it('says, for GitHub Pages, that anyone with the address can read it', async () => {
    const { stdout } = await handbookFor('github-pages');
    expect(stdout).toContain('Settings → Pages → Source: GitHub Actions');
    expect(stdout.trimEnd().endsWith('\n\nWho can read it: anyone with the address, unless your organisation has GitHub Enterprise Cloud private Pages. See README.md.')).toBe(true);
  });

  it.each(HOSTS.filter((host) => host !== 'gitlab-pages'))('%s: its workflow passes the workflow rules', async (host) => {
    const text = read((await handbookFor(host)).dir, '.github/workflows/deploy.yml');
    const workflow = parse(text) as Workflow & { jobs: Record<string, { 'timeout-minutes'?: number }> };
    expect(injectionFindings(workflow)).toEqual([]);
    expect(permissionFindings(workflow)).toEqual([]);
    expect(pinFindings(text).findings).toEqual([]);
    expect(workflow.permissions).toEqual({});
    for (const job of Object.values(workflow.jobs)) expect(job['timeout-minutes']).toBeGreaterThan(0);
    expect(text).toContain('fetch-depth: 0');
    expect(text).toContain('npm ci --no-audit --no-fund');
    expect(text).toContain('npm run build');
    expect(text).toContain('PLAINBOOK_CHROMIUM: /usr/bin/google-chrome');
  });

  it('cloudflare-pages and netlify: deploy with an exactly pinned CLI, secrets only through env:', async () => {
    const cloudflare = read((await handbookFor('cloudflare-pages')).dir, '.github/workflows/deploy.yml');
    expect(cloudflare).toMatch(/run: npx --yes wrangler@\d+\.\d+\.\d+ pages deploy dist --project-name="\$CLOUDFLARE_PROJECT" --branch=main\n/);
    expect(cloudflare).toContain('CLOUDFLARE_API_TOKEN: ${{ secrets.CLOUDFLARE_API_TOKEN }}');
    expect(cloudflare).toContain('CLOUDFLARE_ACCOUNT_ID: ${{ secrets.CLOUDFLARE_ACCOUNT_ID }}');
    expect(cloudflare).toContain('CLOUDFLARE_PROJECT: ${{ vars.CLOUDFLARE_PROJECT || github.event.repository.name }}');
    const netlify = read((await handbookFor('netlify')).dir, '.github/workflows/deploy.yml');
    expect(netlify).toMatch(/run: npx --yes netlify-cli@\d+\.\d+\.\d+ deploy --dir=dist --prod --no-build\n/);
    expect(netlify).toContain('NETLIFY_AUTH_TOKEN: ${{ secrets.NETLIFY_AUTH_TOKEN }}');
    expect(netlify).toContain('NETLIFY_SITE_ID: ${{ secrets.NETLIFY_SITE_ID }}');
    // The build job, which runs the repository's code and dependencies, never sees a secret.
    for (const text of [cloudflare, netlify]) {
      const { jobs } = parse(text) as { jobs: Record<string, unknown> };
      expect(JSON.stringify(jobs.build)).not.toContain('secrets.');
    }
  });

  it('folder: uploads dist/ as an artifact and publishes nothing', async () => {
    const text = read((await handbookFor('folder')).dir, '.github/workflows/deploy.yml');
    const { jobs } = parse(text) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> };
    expect(Object.keys(jobs)).toEqual(['build']);
    const upload = jobs.build?.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({ name: 'handbook', path: 'dist' });
    expect(text).not.toContain('secrets.');
  });

  it('gitlab-pages: a .gitlab-ci.yml whose `pages` job builds on the default branch only and publishes dist', async () => {
    const text = read((await handbookFor('gitlab-pages')).dir, '.gitlab-ci.yml');
    const ci = parse(text) as { pages?: { image: string; script: string[]; pages: { publish: string }; rules: { if: string }[]; variables: Record<string, unknown> } };
    expect(ci.pages).toMatchObject({ image: 'node:24', pages: { publish: 'dist' }, rules: [{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }], variables: { GIT_DEPTH: 0 } });
    expect(ci.pages?.script.some((line) => line.startsWith('npm ci'))).toBe(true);
    expect(ci.pages?.script).toContain('npm run build');
  });

  it('uses github-pages when no host is given', async () => {
    const cwd = temp();
    const result = await init(cwd, 'care', '--yes');
    expect(result.code).toBe(0);
    expect(readMarker(read(join(cwd, 'care'), '.github/workflows/deploy.yml'))?.body).toBe(template('github-pages'));
    expect(read(join(cwd, 'care'), 'plainbook.config.yml')).toContain('\n  host: github-pages\n');
  });

  it('refuses an unknown host with exit code 2 and writes nothing', async () => {
    const cwd = temp();
    const result = await init(cwd, 'care', '--host', 'nope', '--yes');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('Unexpected `nope` for --host, expected one of `github-pages`, `cloudflare-pages`, `netlify`, `gitlab-pages`, `folder`.\n');
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('which plainbook a new handbook depends on', () => {
  it('the registry version, when init runs from an installed package', () => {
    const project = temp();
    mkdirSync(join(project, 'node_modules/plainbook'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ dependencies: { plainbook: '^0.3.0' } }));
    expect(dependencySpec(join(project, 'node_modules/plainbook'), '0.3.1')).toBe('^0.3.1');
  });

  it('the same tarball, made absolute, when npx installed it from one', () => {
    const npx = temp();
    mkdirSync(join(npx, 'node_modules/plainbook'), { recursive: true });
    writeFileSync(join(npx, 'package.json'), JSON.stringify({ dependencies: { plainbook: 'file:../dl/plainbook-0.3.1.tgz' } }));
    expect(dependencySpec(join(npx, 'node_modules/plainbook'), '0.3.1')).toBe(`file:${join(npx, '../dl/plainbook-0.3.1.tgz')}`);
  });

  it('the folder itself, when it runs from a checkout', () => {
    expect(dependencySpec('/src/plainbook', '0.3.1')).toBe('file:/src/plainbook');
  });
});
