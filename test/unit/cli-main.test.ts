import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../src/cli/main.ts';
import { findProjectRoot, userFolder, userPath } from '../../src/command/project.ts';
import { runToExitCode } from '../../src/cli/run-cli.ts';
import { packageVersion } from '../../src/files/package-root.ts';
import { withoutVisitorRenaming } from '../../src/lint/lint-hooks.ts';

async function plainbook(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runToExitCode(() => main(argv, { root: process.cwd(), env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }), (t) => (stderr += t));
  return { code, stdout, stderr };
}

describe('plainbook <command>', () => {
  it('--version prints the package version, --help every command', async () => {
    expect(await plainbook('--version')).toEqual({ code: 0, stdout: `${packageVersion()}\n`, stderr: '' });
    const help = await plainbook('--help');
    expect(help.code).toBe(0);
    for (const name of ['init', 'lint', 'forms', 'owners', 'pilot', 'feedback', 'review', 'pdf', 'sync', 'build']) expect(help.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
  });

  it('exits 2 with the list of commands for an unknown or missing one', async () => {
    const unknown = await plainbook('lnt');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Unexpected command `lnt`, expected one of `init`, `dev`, `build`/);
    const missing = await plainbook();
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Missing command\.\n\nUsage: plainbook <command>/);
    expect((await plainbook('toString')).code).toBe(2);
  });

  it('every command loads and answers --help without touching the project', async () => {
    for (const name of Object.keys(COMMANDS)) {
      const result = await plainbook(name, '--help');
      expect(result.code, name).toBe(0);
      expect(result.stdout, name).toMatch(new RegExp(`^Usage: plainbook ${name}\\b`));
    }
  });

  it('every command takes -h, and refuses an option it does not know with its own usage', async () => {
    for (const name of Object.keys(COMMANDS)) {
      expect((await plainbook(name, '-h')).stdout, name).toMatch(new RegExp(`^Usage: plainbook ${name}\\b`));
      expect((await plainbook(name, '--debug', '--help')).code, name).toBe(0);
      const unknown = await plainbook(name, '--nope');
      expect(unknown.code, name).toBe(2);
      expect(unknown.stderr, name).toMatch(new RegExp(`^Unknown option '--nope'.*\n\nUsage: plainbook ${name}\\b`, 's'));
    }
  });

  it('runs as a process and passes a leading --debug to the command', () => {
    const result = spawnSync(process.execPath, [resolve('src/bin/plainbook.ts'), '--debug', 'lint', '--format', 'nope'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unexpected format `nope`');
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});

describe('paths as the user typed them', () => {
  it('finds the handbook upwards from where the user stands', () => {
    const root = mkdtempSync(join(tmpdir(), 'plainbook-root-'));
    writeFileSync(join(root, 'plainbook.config.yml'), 'site: {}\n');
    mkdirSync(join(root, 'content/policies'), { recursive: true });
    expect(findProjectRoot(join(root, 'content/policies'))).toBe(root);
    expect(findProjectRoot(root)).toBe(root);
    const elsewhere = mkdtempSync(join(tmpdir(), 'plainbook-none-'));
    expect(findProjectRoot(elsewhere)).toBe(elsewhere);
  });

  it('takes INIT_CWD only from an npm script of the package in the current folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'plainbook-npm-'));
    mkdirSync(join(root, 'content'));
    const npmScript = { INIT_CWD: join(root, 'content'), npm_package_json: join(root, 'package.json') };
    expect(userFolder(npmScript, root)).toBe(join(root, 'content'));
    expect(userFolder(npmScript, join(root, 'content'))).toBe(join(root, 'content'));
    expect(userFolder({ INIT_CWD: join(root, 'content') }, root)).toBe(root);
    expect(userFolder({ ...npmScript, npm_package_json: '/elsewhere/package.json' }, root)).toBe(root);
    expect(userFolder({ ...npmScript, INIT_CWD: join(root, 'gone') }, root)).toBe(root);
  });

  it('resolves relative paths against that folder and keeps absolute ones', () => {
    expect(userPath('/h/content', 'policies/a.mdx')).toBe('/h/content/policies/a.mdx');
    expect(userPath('/h/content', '../README.md')).toBe('/h/README.md');
    expect(userPath('/h/content', '/tmp/draft.md')).toBe('/tmp/draft.md');
  });
});

describe('the lint threads skip the visitor renaming of unist-util-visit-parents', () => {
  it('finds the renaming in the installed module and removes only that statement', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(resolve('node_modules/unist-util-visit-parents/lib/index.js'), 'utf8');
    const changed = withoutVisitorRenaming(source);
    // If this fails, upstream rewrote the statement: the speed-up is gone, update lint-hooks.ts.
    expect(source).toContain("Object.defineProperty(visit, 'name', {");
    expect(changed).not.toContain("Object.defineProperty(visit, 'name'");
    expect(changed.length).toBeLessThan(source.length);
    expect(changed.replace('void 0', '')).toBe(source.replace(/Object\.defineProperty\(visit, 'name', \{[^{}]*\}\)/, ''));
  });

  it('walks the same nodes with the hook in place, with visitors left unnamed', () => {
    const script = `
      import { installLintHooks } from ${JSON.stringify(resolve('src/lint/lint-hooks.ts'))};
      installLintHooks();
      const { visitParents } = await import('unist-util-visit-parents');
      const tree = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'hi' }] }] };
      const seen = [];
      visitParents(tree, (node) => { seen.push(node.type); });
      const error = (() => { try { visitParents(tree, () => { throw new Error('x'); }); } catch (e) { return e.stack; } })();
      console.log(JSON.stringify({ seen, named: /node \\(/.test(error) }));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ seen: ['root', 'paragraph', 'text'], named: false });
    const without = spawnSync(process.execPath, ['--input-type=module', '-e', script.replace('installLintHooks();', '')], { encoding: 'utf8' });
    expect(JSON.parse(without.stdout)).toEqual({ seen: ['root', 'paragraph', 'text'], named: true });
  });
});
