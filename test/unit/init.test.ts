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
      url: 'https://your-org.github.io/acme-handbook/',
      owner: '@your-org/handbook-editors',
    });
    expect(defaultAnswers('/work/x', { repo: 'Acme/care' })).toMatchObject({ url: 'https://acme.github.io/care/', owner: '@Acme/handbook-editors' });
  });

  it('are refused with the flag and an example when they would not work', () => {
    const good = defaultAnswers('/w/h', {});
    expect(() => checkAnswers({ ...good, repo: 'acme' })).toThrow('Unexpected `acme` for --repo, expected the repository as `owner/name`, such as `acme/handbook`.');
    expect(() => checkAnswers({ ...good, url: 'acme.github.io' })).toThrow('Unexpected `acme.github.io` for --url, expected a full address such as `https://acme.github.io/handbook/`.');
    expect(() => checkAnswers({ ...good, owner: 'acme/leads' })).toThrow('for --owner, expected a GitHub team or user');
    expect(() => checkAnswers({ ...good, title: 'Two\nlines' })).toThrow('for --title');
    expect(() => checkAnswers({ ...good, title: '  ' })).toThrow('for --title');
    expect(checkAnswers({ ...good, owner: '@sam' }).owner).toBe('@sam');
  });

  it('make an npm package name of any folder name', () => {
    expect(packageName('/x/Acme Care Handbook')).toBe('acme-care-handbook');
    expect(packageName('/x/.hidden_')).toBe('hidden');
    expect(packageName('/')).toBe('handbook');
  });
});

describe('the handbook template', () => {
  const files = scaffold({ answers: { title: 'Acme: care # "first"', repo: 'acme/care', url: 'https://acme.github.io/care/', owner: '@acme/leads' }, name: 'care', dependency: '^1.2.3', today: '2026-11-23' });

  it('puts back the dots npm strips from file names, and fills every placeholder', () => {
    expect(files.has('.gitignore')).toBe(true);
    expect(files.has('.nvmrc')).toBe(true);
    expect([...files.keys()].filter((path) => /(^|\/)(gitignore|nvmrc)$/.test(path))).toEqual([]);
    for (const [path, text] of files) expect(text, path).not.toMatch(/\{\{/);
  });

  it('writes a title with YAML characters so YAML reads back the same text', () => {
    const settings = parse(files.get('plainbook.config.yml') ?? '') as { site: Record<string, string> };
    expect(settings.site).toMatchObject({ title: 'Acme: care # "first"', repo: 'acme/care', url: 'https://acme.github.io/care/', defaultOwner: '@acme/leads' });
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
    const replies: Record<string, string> = { 'Handbook title': 'Care book', 'GitHub repository (owner/name)': 'acme/care' };
    const io = { root: cwd, cwd, env: {}, interactive: true, stdout: () => {}, stderr: () => {}, ask: async (question: string, fallback: string) => (asked.push(`${question} (${fallback})`), replies[question] ?? '') };
    expect(await initCli(['care', '--owner', '@acme/leads'], io)).toBe(0);
    expect(asked).toEqual(['Handbook title (Care)', 'GitHub repository (owner/name) (your-org/care)', 'Address the handbook will be served at (https://acme.github.io/care/)']);
    expect(readFileSync(join(cwd, 'care/plainbook.config.yml'), 'utf8')).toContain('title: "Care book"');
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
