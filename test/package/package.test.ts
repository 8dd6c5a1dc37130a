/**
 * Plainbook as a team meets it: the packed tarball, `npx --package <tarball> plainbook init`, a
 * plain `npm install` in the new handbook, its own `npm test` (lint, generated files, build),
 * the GitHub commands against the local fake, Node 22.12 (the oldest Node it supports), and an
 * upgrade to a second packed version with `plainbook sync`.
 */
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullWordDocument } from '../helpers/documents.ts';
import { FAKE_TOKEN, GitHubFake } from '../helpers/github-fake/server.ts';

const REPO = resolve('.');
const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const NEXT = VERSION.replace(/\d+$/, (patch) => String(Number(patch) + 1));
const work = mkdtempSync(join(tmpdir(), 'plainbook-package-'));
const handbook = join(work, 'acme-handbook');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cleanEnv(): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|npm_|INIT_CWD$|NODE_ENV$|TEST$|BASE_URL$|MODE$|DEV$|PROD$|SSR$)/.test(name)));
}

/** A command as a person types it, with the test runner's own variables removed. */
function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking this process: the GitHub fake answers from its event loop. */
function runAsync(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function ok(result: Run): Run {
  if (result.code !== 0) throw new Error(`exit ${result.code}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  return result;
}

const npm = (args: string[], cwd: string, env?: Record<string, string>) => run('npm', ['--no-audit', '--no-fund', '--loglevel=error', ...args], cwd, env);
const plainbook = (args: string[], cwd = handbook, env?: Record<string, string>) => run('npx', ['--no-install', 'plainbook', ...args], cwd, env);

function hashTree(root: string): string {
  const hash = createHash('sha256');
  for (const path of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = join(root, path);
    if (statSync(full).isFile()) hash.update(path).update(readFileSync(full));
  }
  return hash.digest('hex');
}

let tarball = '';
let nextTarball = '';

beforeAll(() => {
  // Version N, as `npm pack` makes it (its prepack compiles lib/).
  const packed = ok(npm(['pack', '--pack-destination', work, '--json'], REPO));
  tarball = join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
  // Version N+1: the same package with a changed workflow template, packed as published.
  const next = join(work, 'next');
  mkdirSync(next);
  execFileSync('tar', ['xzf', tarball, '-C', next]);
  const pkg = join(next, 'package');
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ ...manifest, version: NEXT }, null, 2));
  const checks = join(pkg, 'templates/workflows/checks.yml');
  writeFileSync(checks, readFileSync(checks, 'utf8').replace('timeout-minutes: 30', 'timeout-minutes: 25'));
  const nextPacked = ok(npm(['pack', '--ignore-scripts', '--pack-destination', work, '--json'], pkg));
  nextTarball = join(work, (JSON.parse(nextPacked.stdout) as { filename: string }[])[0]!.filename);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('holds the compiled CLI and integration, the sources Vite compiles, and the templates; no tests', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((path) => path.replace(/^package\//, ''));
    expect(files).toContain('lib/bin/plainbook.js');
    expect(files).toContain('lib/integration.js');
    expect(files).toContain('lib/lint/worker.js');
    // The lint's rules as one module: a thread that lints loads it in a quarter of the time (src/lint/bundle.ts).
    expect(files).toContain('lib/lint/lint-file.bundle.js');
    expect(files).toContain('src/routes/print.astro');
    expect(files).toContain('src/components/index.ts');
    expect(files).toContain('templates/handbook/gitignore');
    expect(files).toContain('templates/workflows/checks.yml');
    expect(files.filter((path) => path.startsWith('lib/') && /\.ts$/.test(path) && !path.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((path) => /^(test|content|scripts)\//.test(path) || /\.test\.ts$/.test(path))).toEqual([]);
  });
});

describe('a handbook made with plainbook init', () => {
  beforeAll(() => {
    ok(run('npx', ['--yes', '--package', tarball, 'plainbook', 'init', 'acme-handbook', '--yes', '--repo', 'acme/handbook', '--owner', '@acme/service-leads'], work));
    ok(npm(['install', '--prefer-offline'], handbook));
  }, 600_000);

  it('holds only what is the team\'s, and depends on the tarball it was made from', () => {
    const top = readdirSync(handbook).filter((name) => !['node_modules', 'package-lock.json'].includes(name)).sort();
    expect(top).toEqual(['.github', '.gitignore', '.nvmrc', 'README.md', 'astro.config.mjs', 'content', 'package.json', 'plainbook.config.yml', 'src']);
    expect(readdirSync(join(handbook, 'src'))).toEqual(['content.config.ts']);
    const manifest = JSON.parse(readFileSync(join(handbook, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies).toEqual({ plainbook: `file:${tarball}` });
    expect(readFileSync(join(handbook, 'plainbook.config.yml'), 'utf8')).toContain('repo: "acme/handbook"');
    expect(readFileSync(join(handbook, '.github/CODEOWNERS'), 'utf8')).toContain('/content/policies/saying-no.mdx @acme/service-leads');
  });

  it('passes its own npm test: prose lint, generated files up to date, build', () => {
    ok(npm(['test'], handbook));
    expect(readFileSync(join(handbook, 'dist/print/index.html'), 'utf8')).toContain('Greeting customers');
    expect(readFileSync(join(handbook, 'dist/policies/greeting-customers/index.html'), 'utf8')).toContain('Answer within 3 rings');
    // The check page's worker is bundled from the installed package's own src/, with its word list.
    expect(readFileSync(join(handbook, 'dist/check/index.html'), 'utf8')).toContain('Check your words');
    expect(readFileSync(join(handbook, 'dist/check/lint-worker.js'), 'utf8')).toContain('plainbook-check-ready');
    expect(statSync(join(handbook, 'dist/check/dictionaries/dictionary-en/index.dic')).size).toBeGreaterThan(100_000);
  });

  it('is for staff only unless the team says otherwise: every page noindex, robots.txt disallows all, no sitemap', () => {
    const pages = readdirSync(join(handbook, 'dist'), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const html = readFileSync(join(handbook, 'dist', page), 'utf8');
      expect(html, page).toMatch(/<meta name="robots" content="noindex, nofollow"\/?>/);
      expect(html, page).not.toContain('rel="sitemap"');
    }
    expect(readFileSync(join(handbook, 'dist/robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
    expect(existsSync(join(handbook, 'dist/sitemap-index.xml'))).toBe(false);
  });

  it('lints a path typed from inside content/, and an absolute one', () => {
    const fromContent = plainbook(['lint', 'policies/saying-no.mdx', '--format', 'json'], join(handbook, 'content'));
    expect(fromContent.code).toBe(0);
    expect((JSON.parse(fromContent.stdout) as { files: { path: string }[] }).files.map((file) => file.path)).toEqual(['content/policies/saying-no.mdx']);
    const draft = join(work, 'draft.md');
    writeFileSync(draft, '---\ntitle: Draft\n---\n\nThe form was sent to the office by the team.\n');
    const absolute = plainbook(['lint', draft, '--format', 'json']);
    expect(absolute.code).toBe(0);
    expect(JSON.stringify(JSON.parse(absolute.stdout))).toContain('passive');
  });

  it('imports a Word document with the packed CLI (mammoth and the readers ship with it)', async () => {
    const document = join(work, 'Refunds.docx');
    writeFileSync(document, await fullWordDocument());
    const imported = plainbook(['import', document, '--owner', '@acme/leads', '--dry-run', '--format', 'json']);
    expect(imported.code, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout) as { dryRun: boolean; policies: { policy: string; images: string[]; grade: number }[] };
    expect(report.dryRun).toBe(true);
    expect(report.policies).toEqual([expect.objectContaining({ policy: 'content/policies/refunds-and-returns.mdx', images: ['content/policies/refunds-and-returns/image-1.png'] })]);
    expect(existsSync(join(handbook, 'content/policies/refunds-and-returns.mdx'))).toBe(false);
  });

  it('runs pilot plan and feedback pr --dry-run against GitHub, writing nothing', async () => {
    const fake = new GitHubFake();
    await fake.start();
    try {
      const env = { GITHUB_TOKEN: FAKE_TOKEN, GITHUB_REPOSITORY: 'acme/handbook', GITHUB_API_URL: fake.url };
      const plan = await runAsync('npx', ['--no-install', 'plainbook', 'pilot', 'plan', 'first-pilot'], handbook, env);
      expect(plan.code, plan.stderr).toBe(0);
      expect(plan.stdout).toBe('Would create 12 things: 9 labels, 1 milestone, 1 tracking issue, 1 task issues. 0 task issues already existed.\n');
      expect(plan.stderr).not.toContain('set `status: pilot`');
      expect(fake.issues).toEqual([]);
      expect(plan.stderr).not.toContain(FAKE_TOKEN);

      const policy = 'content/policies/greeting-customers.mdx';
      fake.git.seed({ [policy]: readFileSync(join(handbook, policy), 'utf8') });
      fake.git.permissions.set('ed-editor', 'write');
      const body = [
        ['Policy', 'Greeting customers (greeting-customers)'],
        ['Pilot round', '_No response_'],
        ['Section heading', 'In person'],
        ['Current wording', 'Give your name, and ask for theirs.'],
        ['Suggested wording', 'Say your name, and ask for theirs.'],
        ['What is wrong?', 'Unclear'],
        ['How clear is this policy? (1 = very unclear, 5 = very clear)', '4'],
        ['Who is this feedback from?', 'Me (staff)'],
        ['Tester code', '_No response_'],
      ].map(([label, value]) => `### ${label}\n\n${value}`).join('\n\n');
      const issue = fake.addIssue({ title: 'Feedback: Greeting customers', body, author: 'ana-lee', labels: ['feedback'] });
      fake.labelIssue(issue.number, 'accepted', 'ed-editor');
      const feedback = await runAsync('npx', ['--no-install', 'plainbook', 'feedback', 'pr', String(issue.number), '--dry-run'], handbook, env);
      expect(feedback.code, feedback.stderr).toBe(0);
      expect(feedback.stdout.trim(), JSON.stringify(fake.comments.get(issue.number))).toBe('pull-request');
      expect(`${feedback.stdout}${feedback.stderr}`).toContain(`Would open pull request from feedback/${issue.number} for #${issue.number}`);
      expect(fake.git.branches.has(`feedback/${issue.number}`)).toBe(false);
      expect(fake.pulls).toEqual([]);
      expect(fake.issues.filter((filed) => filed.number !== issue.number)).toEqual([]);
    } finally {
      await fake.stop();
    }
  });

  it('lints and builds on Node 22.12, the oldest Node it supports', () => {
    const node22 = join(work, 'node22');
    ok(npm(['install', '--prefix', node22, '--prefer-offline', 'node@22.12.0'], work));
    const node = join(node22, 'node_modules/.bin/node');
    expect(ok(run(node, ['--version'], work)).stdout.trim()).toBe('v22.12.0');
    const bin = join(handbook, 'node_modules/plainbook/lib/bin/plainbook.js');
    ok(run(node, [bin, 'lint', '--no-cache'], handbook));
    ok(run(node, [bin, 'build', '--out-dir', join(work, 'dist-22')], handbook));
    expect(readFileSync(join(work, 'dist-22/index.html'), 'utf8')).toContain('Acme handbook');
  });

  it('upgrades with npm install and plainbook sync: unedited files follow, edited ones are left with a diff', () => {
    const review = join(handbook, '.github/workflows/review.yml');
    appendFileSync(review, '# Our own note: reminders also go to the team chat.\n');
    const editedReview = readFileSync(review, 'utf8');
    const content = hashTree(join(handbook, 'content'));

    ok(npm(['install', '--prefer-offline', nextTarball], handbook));
    expect(ok(plainbook(['--version'])).stdout.trim()).toBe(NEXT);
    const sync = ok(plainbook(['sync']));
    expect(sync.stdout).toContain(`.github/workflows/checks.yml: updated from ${VERSION}`);
    expect(sync.stdout).toContain('.github/workflows/review.yml: kept: edited by a person');
    expect(sync.stdout).toContain('+# Our own note'.replace('+', '-'));
    const checks = readFileSync(join(handbook, '.github/workflows/checks.yml'), 'utf8');
    expect(checks.startsWith(`# plainbook:generated ${NEXT} `)).toBe(true);
    expect(checks).toContain('timeout-minutes: 25');
    expect(readFileSync(review, 'utf8')).toBe(editedReview);
    expect(hashTree(join(handbook, 'content'))).toBe(content);
    ok(plainbook(['build']));
    expect(ok(plainbook(['sync', '--check'])).stdout).toContain('.github/workflows/checks.yml: up to date');
  });
});
