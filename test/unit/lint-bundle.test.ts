import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policySource } from '../../src/bench/generate-handbook.ts';
import { bundleLint, LINT_BUNDLE } from '../../src/lint/bundle.ts';
import { lintSource, type LintContext } from '../../src/lint/lint-file.ts';
import { lintSettingsSchema } from '../../src/schema/lint.ts';

// Inside the project's node_modules, so the packages left outside the bundle resolve as they do
// from lib/lint/ in an installed package.
const cacheRoot = resolve('node_modules/.cache');
let folder = '';
let bundled: typeof import('../../src/lint/lint-file.ts');
let source = '';

beforeAll(async () => {
  mkdirSync(cacheRoot, { recursive: true });
  folder = mkdtempSync(join(cacheRoot, 'plainbook-lint-bundle-'));
  const file = join(folder, LINT_BUNDLE);
  await bundleLint(file);
  source = readFileSync(file, 'utf8');
  bundled = await import(/* @vite-ignore */ pathToFileURL(file).href);
}, 60_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const FIXTURES = readdirSync('test/fixtures/lint').map((name) => `test/fixtures/lint/${name}`);
const POLICIES = readdirSync('content/policies').filter((name) => name.endsWith('.mdx')).map((name) => `content/policies/${name}`);

describe('the lint as one bundled module', () => {
  it('finds what the lint modules find, message for message, with suggestions', async () => {
    const context: LintContext = { settings: lintSettingsSchema.parse({}), personalWords: 'Plainbook\n', suggest: true };
    let messages = 0;
    // The bench's generated pages bring unknown words (names, acronyms, typos) for the spell rule.
    const generated = [0, 1, 2].map((index) => ({ path: `content/policies/generated-${index}.mdx`, text: policySource(index) }));
    for (const { path, text } of [...[...FIXTURES, ...POLICIES].map((path) => ({ path, text: readFileSync(path, 'utf8') })), ...generated]) {
      const expected = await lintSource(path, text, context);
      messages += expected.messages.length;
      expect(await bundled.lintSource(path, text, context), path).toEqual(expected);
    }
    // The fixtures are there to be flagged: a bundle that found nothing would not pass for equal.
    expect(messages).toBeGreaterThan(100);
  });

  it('walks trees without renaming the visitor per node, and searches phrases in one walk per page', () => {
    expect(source).not.toContain("Object.defineProperty(visit, 'name'");
    expect(source).toContain('src/lint/shared-search.ts');
    expect(source).not.toContain('node_modules/nlcst-search/');
  });

  it('leaves the dictionaries and Sätteri to load from their own folders', () => {
    expect(source).toMatch(/import\("dictionary-en"\)/);
    expect(source).toMatch(/from "satteri"/);
  });
});
