import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeWhole } from '../../src/files/write-whole.ts';
import { bodyHash, readMarker, withMarker, withoutMarker } from '../../src/files/generated-file.ts';
import { planSync } from '../../src/sync/plan.ts';
import { syncCli } from '../../src/sync/cli.ts';
import { packageVersion } from '../../src/files/package-root.ts';
import { createTempProject, SETTINGS } from '../helpers/temp-project.ts';
import { DEPLOY_PATHS, deployFile } from '../../src/sync/targets.ts';
import { HOSTS } from '../../src/schema/settings.ts';

const FILE = { path: '.github/workflows/checks.yml', body: 'name: Checks\non: push\n' };

describe('the generated-file marker', () => {
  it('is one line with the version and a 16-digit hash of the body below it', () => {
    const text = withMarker(FILE.body, '1.2.3');
    expect(text).toBe(`# plainbook:generated 1.2.3 sha256:${bodyHash(FILE.body)}\n${FILE.body}`);
    expect(bodyHash(FILE.body)).toMatch(/^[0-9a-f]{16}$/);
    expect(readMarker(text)).toEqual({ version: '1.2.3', hash: bodyHash(FILE.body), body: FILE.body, edited: false });
    expect(withoutMarker(text)).toBe(FILE.body);
  });

  it('tells an edited body, and has nothing to say of a file without the marker', () => {
    expect(readMarker(`${withMarker(FILE.body, '1.0.0')}# a person's line\n`)?.edited).toBe(true);
    expect(readMarker(withMarker(FILE.body, '1.0.0').replace('push', 'pull_request'))?.edited).toBe(true);
    expect(readMarker(FILE.body)).toBeUndefined();
    expect(readMarker(`\n${withMarker(FILE.body, '1.0.0')}`)).toBeUndefined();
    expect(withoutMarker(FILE.body)).toBe(FILE.body);
  });

  it('reads a marker line that ends in CRLF (a checkout with autocrlf)', () => {
    const crlf = withMarker(FILE.body, '1.0.0').replace('\n', '\r\n');
    expect(readMarker(crlf)?.edited).toBe(false);
  });

  it('writes the whole file or nothing, leaving no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plainbook-generated-'));
    writeWhole(join(dir, 'a/b/c.yml'), 'x: 1\n');
    expect(readFileSync(join(dir, 'a/b/c.yml'), 'utf8')).toBe('x: 1\n');
    expect(() => writeWhole(join(dir, 'a/b/c.yml/d.yml'), 'x')).toThrow();
    expect(readFileSync(join(dir, 'a/b/c.yml'), 'utf8')).toBe('x: 1\n');
  });
});

describe('what sync does with a file', () => {
  it('adds a missing file, and keeps one that already holds this version', () => {
    expect(planSync(FILE, undefined, '2.0.0')).toMatchObject({ action: 'add', next: withMarker(FILE.body, '2.0.0') });
    expect(planSync(FILE, withMarker(FILE.body, '2.0.0'), '2.0.0')).toMatchObject({ action: 'keep', from: '2.0.0' });
  });

  it('updates an untouched file from an earlier version, even when only the version differs', () => {
    expect(planSync(FILE, withMarker('name: Old\n', '1.0.0'), '2.0.0')).toMatchObject({ action: 'update', from: '1.0.0' });
    expect(planSync(FILE, withMarker(FILE.body, '1.0.0'), '2.0.0')).toMatchObject({ action: 'update', from: '1.0.0' });
  });

  it('leaves an edited file, or one without a marker, and shows the diff to what it would write', () => {
    const edited = `${withMarker('name: Old\n', '1.0.0')}# ours\n`;
    const step = planSync(FILE, edited, '2.0.0');
    expect(step).toMatchObject({ action: 'edited', from: '1.0.0' });
    expect(step.diff).toContain('--- .github/workflows/checks.yml\tyours');
    expect(step.diff).toContain('+++ .github/workflows/checks.yml\tplainbook 2.0.0');
    expect(step.diff).toContain('-# ours');
    expect(step.diff).toContain('+name: Checks');
    expect(planSync(FILE, 'name: Mine\n', '2.0.0')).toMatchObject({ action: 'edited', from: undefined });
  });

  it('treats a file without the marker as a person\'s, even when its body is what sync would write', () => {
    expect(planSync(FILE, FILE.body, '2.0.0').action).toBe('edited');
  });
});

describe('plainbook sync in this repository', () => {
  it('finds the workflows, feedback form and CODEOWNERS as this version generates them', async () => {
    let stdout = '';
    const code = await syncCli(['--check'], { root: process.cwd(), env: {}, stdout: (text) => (stdout += text), stderr: () => {} });
    expect(stdout).toContain('.github/workflows/checks.yml: up to date');
    expect(stdout).toContain('.github/CODEOWNERS: up to date');
    expect(stdout).not.toMatch(/added|updated|edited/);
    expect(code).toBe(0);
  });

  it('--check exits 1 and writes nothing when a generated file is out of date', async () => {
    const dir = createTempProject({}).dir;
    let stdout = '';
    const io = { root: dir, env: {}, stdout: (text: string) => (stdout += text), stderr: () => {} };
    expect(await syncCli(['--check'], io)).toBe(1);
    expect(stdout).toContain('.github/workflows/checks.yml: added (would be)');
    expect(() => readFileSync(join(dir, '.github/workflows/checks.yml'))).toThrow();
    expect(await syncCli([], io)).toBe(0);
    expect(readFileSync(join(dir, '.github/workflows/checks.yml'), 'utf8').startsWith(`# plainbook:generated ${packageVersion()} `)).toBe(true);
  });
});

describe('plainbook sync and the host', () => {
  const template = (host: string) => readFileSync(`templates/deploy/${host}.yml`, 'utf8');
  async function sync(dir: string, ...argv: string[]) {
    let stdout = '';
    const code = await syncCli(argv, { root: dir, env: {}, stdout: (text) => (stdout += text), stderr: () => {} });
    return { code, stdout };
  }

  it('maps each host to its deploy: a GitHub workflow, or GitLab\'s CI file', () => {
    expect(HOSTS.map((host) => deployFile(host).path)).toEqual(['.github/workflows/deploy.yml', '.github/workflows/deploy.yml', '.github/workflows/deploy.yml', '.gitlab-ci.yml', '.github/workflows/deploy.yml']);
    for (const host of HOSTS) expect(deployFile(host).body, host).toBe(template(host));
  });

  it('reads the deploy from the templates folder it is given', () => {
    const templates = mkdtempSync(join(tmpdir(), 'plainbook-deploy-'));
    writeFileSync(join(templates, 'netlify.yml'), 'name: Mine\n');
    expect(deployFile('netlify', templates)).toEqual({ path: '.github/workflows/deploy.yml', body: 'name: Mine\n' });
  });

  it.each(HOSTS)('writes the deploy for host: %s, and no other', async (host) => {
    const { dir } = createTempProject({}, `${SETTINGS}  host: ${host}\n`);
    const { code, stdout } = await sync(dir);
    expect(code).toBe(0);
    expect(stdout).toContain(`${DEPLOY_PATHS[host]}: added\n`);
    expect(readMarker(readFileSync(join(dir, DEPLOY_PATHS[host]), 'utf8'))?.body).toBe(template(host));
    expect(existsSync(join(dir, host === 'gitlab-pages' ? '.github/workflows/deploy.yml' : '.gitlab-ci.yml'))).toBe(false);
  });

  it('writes the GitHub Pages deploy when the settings name no host', async () => {
    const { dir } = createTempProject({});
    await sync(dir);
    expect(readMarker(readFileSync(join(dir, '.github/workflows/deploy.yml'), 'utf8'))?.body).toBe(template('github-pages'));
  });

  it('updates the deploy an earlier version wrote when the template has changed, and keeps one a person edited', async () => {
    const { dir } = createTempProject({}, `${SETTINGS}  host: cloudflare-pages\n`);
    const path = join(dir, '.github/workflows/deploy.yml');
    writeWhole(path, withMarker(template('cloudflare-pages').replace(/wrangler@[\d.]+/, 'wrangler@3.0.0'), '0.0.1'));
    expect((await sync(dir, '--check')).code).toBe(1);
    const { stdout } = await sync(dir);
    expect(stdout).toContain('.github/workflows/deploy.yml: updated from 0.0.1\n');
    expect(readFileSync(path, 'utf8')).toBe(withMarker(template('cloudflare-pages'), packageVersion()));
    expect((await sync(dir, '--check')).code).toBe(0);

    writeWhole(path, `${readFileSync(path, 'utf8')}# ours\n`);
    expect((await sync(dir)).stdout).toContain('.github/workflows/deploy.yml: kept: edited by a person');
    expect(readFileSync(path, 'utf8').endsWith('# ours\n')).toBe(true);
  });

  it('moves an untouched deploy to the new host when the settings change host', async () => {
    const { dir } = createTempProject({});
    await sync(dir);
    writeFileSync(join(dir, 'plainbook.config.yml'), `${SETTINGS}  host: netlify\n`);
    expect((await sync(dir)).stdout).toContain('.github/workflows/deploy.yml: updated\n');
    expect(readMarker(readFileSync(join(dir, '.github/workflows/deploy.yml'), 'utf8'))?.body).toBe(template('netlify'));
  });
});
