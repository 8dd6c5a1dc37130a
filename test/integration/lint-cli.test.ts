import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCli } from '../../src/lint/cli.ts';
import { lintFiles } from '../../src/lint/run.ts';
import { watchLint } from '../../src/lint/watch.ts';
import { lintSettingsSchema } from '../../src/schema/lint.ts';
import { createTempProject, EASY, LONG_SENTENCE, PASSIVE, SETTINGS, write } from '../helpers/temp-project.ts';

const CLI = resolve('src/bin/plainbook.ts');

/** `npm run lint` as a user runs it: a child process in the project, with its exit code. */
function runLint(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function lintInProcess(root: string, argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await lintCli(argv, { root, env, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('npm run lint', () => {
  it('exits 0 for clean files and 1 when there are errors', () => {
    const project = createTempProject({ 'content/easy.md': EASY });
    expect(runLint(project.dir)).toMatchObject({ code: 0 });
    write(project.dir, { 'content/long.md': LONG_SENTENCE });
    const failing = runLint(project.dir);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/content\/long\.md:5:1 +error +Unexpected sentence of `33` words, expected at most `25`\. .+ sentence-length\n/);
  });

  it('fails on warnings past --max-warnings', () => {
    const project = createTempProject({ 'content/passive.md': PASSIVE });
    expect(runLint(project.dir).code).toBe(0);
    expect(runLint(project.dir, '--max-warnings', '0').code).toBe(1);
  });

  it('exits 2 with a clear message for a file that cannot be read', () => {
    const project = createTempProject({ 'content/easy.md': EASY });
    const result = runLint(project.dir, 'content/missing.md');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`Cannot read content/missing.md: the file does not exist in ${project.dir}. Check the path.\n`);
    expect(result.stdout).toBe('');
  });

  it('exits 2 for a bad config, naming the file, line and rule', () => {
    const project = createTempProject({ 'content/easy.md': EASY });
    writeFileSync(join(project.dir, 'plainbook.config.yml'), `${readFileSync(join(project.dir, 'plainbook.config.yml'), 'utf8')}lint:\n  rules:\n    pasive: error\n`);
    const result = runLint(project.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('plainbook.config.yml:7:13: Unexpected unknown rule `pasive`, expected `passive`.');
    expect(result.stdout).toBe('');
  });

  it('skips pages in a locale that is not English, and says so in every format', async () => {
    const settings = `${SETTINGS}  locales:\n    root: { label: English, lang: en }\n    pt-pt: { label: Português, lang: pt-PT }\n`;
    const project = createTempProject({ 'content/easy.md': EASY, 'content/pt-pt/easy.md': '---\ntitle: Fácil\n---\n\nFale com a equipa. Uma equipa ajuda.\n' }, settings);
    const pretty = await lintInProcess(project.dir, []);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toBe('✔ 1 file checked: no problems.\nSkipped 1 page in other languages (pt-PT 1): the lint checks English only.\n');
    const json = JSON.parse((await lintInProcess(project.dir, ['--format', 'json'])).stdout) as { summary: { files: number; skipped: number }; skipped: unknown[] };
    expect(json.summary).toMatchObject({ files: 1, skipped: 1 });
    expect(json.skipped).toEqual([{ path: 'content/pt-pt/easy.md', lang: 'pt-PT' }]);
    expect((await lintInProcess(project.dir, ['--format', 'github'])).stdout).toContain('::notice title=Plainbook prose lint::Skipped 1 page in other languages (pt-PT 1): the lint checks English only.\n');
    // Without the locale, the same page is English to the lint, with nonsense findings.
    const unaware = createTempProject({ 'content/pt-pt/easy.md': '---\ntitle: Fácil\n---\n\nFale com a equipa. Uma equipa ajuda.\n' });
    expect((await lintInProcess(unaware.dir, ['--format', 'json'])).stdout).toContain('"ruleId": "spell"');
  });

  it('writes a large report through a pipe whole before it exits, even to a slow reader', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`content/p${i}.md`] = LONG_SENTENCE;
    const project = createTempProject(files);
    const child = spawn(process.execPath, [CLI, 'lint', '--format', 'json', '--no-cache'], { cwd: project.dir, env: { ...process.env, CI: '' } });
    // A reader that is not ready yet (`| jq` starting up): the pipe fills and writes queue.
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stdout.resume();
    await new Promise((resolve) => child.on('close', resolve));
    expect(stdout.length).toBeGreaterThan(200_000);
    expect((JSON.parse(stdout) as { summary: { files: number } }).summary.files).toBe(150);
  });

  it('exits 2 for an unknown format', () => {
    const project = createTempProject({ 'content/easy.md': EASY });
    expect(runLint(project.dir, '--format', 'xml')).toMatchObject({ code: 2, stderr: 'Unexpected format `xml`, expected one of `pretty`, `github`, `json`, `markdown`.\n' });
  });

  it('reports a file that does not parse and still lints the others', async () => {
    const project = createTempProject({ 'content/broken.mdx': '# Broken\n\n<Note>\n  never closed\n', 'content/long.md': LONG_SENTENCE });
    const { code, stdout } = await lintInProcess(project.dir, ['--format', 'json', '--no-cache']);
    const report = JSON.parse(stdout);
    expect(code).toBe(1);
    const rules = (path: string) =>
      report.files.find((file: { path: string }) => file.path === path).messages.map((m: { ruleId: string }) => m.ruleId);
    expect(report.files.map((file: { path: string }) => file.path)).toEqual(['content/broken.mdx', 'content/long.md']);
    expect(rules('content/broken.mdx')).toEqual(['parse-error']);
    expect(rules('content/long.md')).toContain('sentence-length');
  });

  it('--changed lints only what differs from the base: committed, modified and new files', async () => {
    const project = createTempProject({ 'content/a.md': EASY, 'content/b.md': EASY, 'content/c.md': EASY, 'README.md': '# x\n' });
    project.commit({}, 'Start', '2026-01-01T00:00:00Z');
    project.git('checkout', '-q', '-b', 'change');
    project.commit({ 'content/a.md': PASSIVE }, 'Edit a', '2026-01-02T00:00:00Z');
    rmSync(join(project.dir, 'content/c.md'));
    write(project.dir, { 'content/b.md': LONG_SENTENCE, 'content/new.mdx': EASY, 'README.md': '# changed, but not content\n' });

    const { stdout } = await lintInProcess(project.dir, ['--changed', 'main', '--format', 'json', '--no-cache']);
    expect(JSON.parse(stdout).files.map((file: { path: string }) => file.path)).toEqual(['content/a.md', 'content/b.md', 'content/new.mdx']);
  });

  it('says how to fix an unknown --changed base', async () => {
    const project = createTempProject({ 'content/a.md': EASY });
    project.commit({}, 'Start', '2026-01-01T00:00:00Z');
    await expect(lintInProcess(project.dir, ['--changed=origin/nope'])).rejects.toThrow('Cannot compare with `origin/nope`: git does not know it.');
  });

  it('reuses results for unchanged files and lints changed ones again', async () => {
    const project = createTempProject({ 'content/a.md': EASY, 'content/b.md': PASSIVE });
    const first = await lintInProcess(project.dir, ['--format', 'json']);
    expect(first.stderr).toBe('');
    const second = await lintInProcess(project.dir, ['--no-suggest']);
    expect(second.stderr).toContain('(0 linted, 2 from cache, 1 thread)');
    write(project.dir, { 'content/b.md': LONG_SENTENCE });
    const third = await lintInProcess(project.dir, ['--no-suggest']);
    expect(third.stderr).toContain('(1 linted, 1 from cache, 1 thread)');
    expect(third.stdout).toContain('sentence-length');
    // Spelling suggestions change the messages: a run that shows them does not reuse a run that did not.
    expect((await lintInProcess(project.dir, [])).stderr).toContain('(2 linted, 0 from cache, 1 thread)');
  });
});

describe('lint --watch', () => {
  async function waitFor(check: () => boolean, what: string): Promise<void> {
    // A guard against hanging, not a timing goal: saves are seen in well under a second.
    for (let waited = 0; !check(); waited += 25) {
      if (waited > 15_000) throw new Error(`Gave up waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('lints a policy again when it is saved, by writing or by renaming, and says when one is removed', async () => {
    const project = createTempProject({ 'content/a.md': EASY });
    let stdout = '';
    let stop = () => {};
    const until = new Promise<void>((resolve) => (stop = resolve));
    const io = { root: project.dir, env: {}, stdout: (text: string) => (stdout += text), stderr: () => {} };
    const watching = watchLint(io, { paths: [], suggest: false, cache: false, until });
    await waitFor(() => stdout.includes('all policies'), 'the first lint');
    expect(stdout).toMatch(/^\d\d:\d\d:\d\d all policies\n✔ 1 file checked: no problems\.\n$/);

    writeFileSync(join(project.dir, 'content/a.md'), LONG_SENTENCE);
    await waitFor(() => stdout.includes('sentence-length'), 'the saved file');
    expect(stdout).toMatch(/\d\d:\d\d:\d\d content\/a\.md\ncontent\/a\.md {2}reading grade [\d.]+ \(target 6\)\n(?: {2}.+\n)* {2}content\/a\.md:5:1 +error +Unexpected sentence of `33` words/);

    // Editors that save safely write a new file and rename it into place.
    writeFileSync(join(project.dir, 'content/.b.md.swp'), PASSIVE);
    renameSync(join(project.dir, 'content/.b.md.swp'), join(project.dir, 'content/b.md'));
    await waitFor(() => /content\/b\.md:\d+:\d+ +warning .+ passive/.test(stdout), 'the renamed file');

    rmSync(join(project.dir, 'content/b.md'));
    await waitFor(() => stdout.includes('content/b.md was removed.'), 'the removal');
    stop();
    await watching;
  });

  it('refuses options that make no sense while watching', () => {
    const project = createTempProject({ 'content/a.md': EASY });
    expect(runLint(project.dir, '--watch', '--format', 'json')).toMatchObject({
      code: 2,
      stderr: 'Unexpected --format with --watch, expected --watch alone (it prints for a person at a terminal). Run the lint once without --watch for --format.\n',
    });
  });
});

describe('lint worker threads', () => {
  it('give the same results, in the same order, as one thread', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 90; i++) files[`content/p${String(i).padStart(2, '0')}.md`] = [EASY, PASSIVE, LONG_SENTENCE][i % 3] ?? EASY;
    const project = createTempProject(files);
    const options = {
      root: project.dir,
      files: Object.keys(files).sort(),
      settings: lintSettingsSchema.parse({}),
      personalWords: '',
    };
    const one = await lintFiles({ ...options, workers: 1 });
    const two = await lintFiles({ ...options, workers: 2 });
    expect(two.stats.workers).toBe(2);
    expect(two.results).toEqual(one.results);
  });

  it('do not load the rules when every result comes from the cache', async () => {
    const project = createTempProject({ 'content/a.md': EASY, 'content/b.md': PASSIVE });
    // A fresh process, so the rules are not loaded already; it reports whether they got loaded.
    const script = `
      import module from 'node:module';
      const loaded = [];
      module.registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
      const { lintFiles } = await import(${JSON.stringify(resolve('src/lint/run.ts'))});
      const { lintSettingsSchema } = await import(${JSON.stringify(resolve('src/schema/lint.ts'))});
      const run = await lintFiles({ root: process.cwd(), files: ['content/a.md', 'content/b.md'], settings: lintSettingsSchema.parse({}), personalWords: '', cacheFile: 'cache.json' });
      console.log(JSON.stringify({ cached: run.stats.cached, rulesLoaded: loaded.some((url) => url.endsWith('/lint-file.ts')) }));
    `;
    const runOnce = () => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project.dir, encoding: 'utf8' })) as unknown;
    expect(runOnce()).toEqual({ cached: 0, rulesLoaded: true });
    expect(runOnce()).toEqual({ cached: 2, rulesLoaded: false });
  });

  it('hand over each result as it is done, cached ones first, before the run ends', async () => {
    const project = createTempProject({ 'content/a.md': EASY, 'content/b.md': PASSIVE, 'content/c.md': LONG_SENTENCE });
    const options = {
      root: project.dir,
      files: ['content/a.md', 'content/b.md', 'content/c.md'],
      settings: lintSettingsSchema.parse({}),
      personalWords: '',
      cacheFile: join(project.dir, 'cache.json'),
      background: true,
      workers: 1,
    };
    await lintFiles(options);
    write(project.dir, { 'content/b.md': `${PASSIVE}\nOne more line.\n` });
    const streamed: string[] = [];
    let ended = false;
    const running = lintFiles({ ...options, onResult: (result) => streamed.push(`${result.path}${ended ? ' (after the end)' : ''}`) });
    const run = await running.finally(() => (ended = true));
    expect(run.stats).toMatchObject({ linted: 1, cached: 2 });
    expect(streamed).toEqual(['content/a.md', 'content/c.md', 'content/b.md']);
    expect(run.results.map((result) => result.path)).toEqual(options.files);
  });
});

describe('lint cache fingerprint', () => {
  it('changes when the lint code or installed packages change, so old results are not reused', async () => {
    const { codeFingerprint } = await import('../../src/lint/cache.ts');
    const project = createTempProject({ 'lint/rule.ts': 'export const max = 25;\n', 'installed.json': '{"retext":"1"}' });
    const paths = [join(project.dir, 'lint'), join(project.dir, 'installed.json')];
    const before = codeFingerprint(paths);
    expect(codeFingerprint(paths)).toBe(before);
    write(project.dir, { 'lint/rule.ts': 'export const max = 30;\n' });
    const afterCode = codeFingerprint(paths);
    expect(afterCode).not.toBe(before);
    write(project.dir, { 'installed.json': '{"retext":"2"}' });
    expect(codeFingerprint(paths)).not.toBe(afterCode);
  });

  it('covers every module the lint loads, following its imports from the CLI, the worker and the site', async () => {
    const { codeSources } = await import('../../src/lint/cache.ts');
    const { PACKAGE_ROOT } = await import('../../src/files/package-root.ts');
    const hashed = codeSources(process.cwd(), PACKAGE_ROOT);
    const modules = localImports([resolve('src/lint/cli.ts'), resolve('src/lint/worker.ts'), resolve('src/site/page-metrics.ts')]);
    expect(modules.length).toBeGreaterThan(20);
    expect(modules).toContain(resolve('src/markdown/syntax.ts'));
    expect(modules).toContain(resolve('src/policies/frontmatter.ts'));
    const uncovered = modules.filter((module) => !hashed.some((path) => module === path || module.startsWith(`${path}/`)));
    expect(uncovered).toEqual([]);
  });
});

/** The project's own modules reachable from `entries` through static and dynamic `import`s. */
function localImports(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) visit(resolve(dirname(file), match[1] ?? ''));
  };
  entries.forEach(visit);
  return [...seen].sort();
}
