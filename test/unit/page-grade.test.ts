import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/files/package-root.ts';
import { shareLintResults, stopSharingLintResults } from '../../src/lint/build-lint.ts';
import { cacheKey, LintCache, LINT_CACHE_FILE, lintFingerprints } from '../../src/lint/cache.ts';
import { lintContext } from '../../src/lint/context.ts';
import type { FileResult } from '../../src/lint/result.ts';
import { pageGrades } from '../../src/lint/page-grade.ts';
import { metricsFromSource } from '../../src/lint/source-metrics.ts';
import { loadSettings } from '../../src/config/settings.ts';
import { SETTINGS, write } from '../helpers/temp-project.ts';

const PAGE = 'content/policies/greet.mdx';
const BODY = 'Say hello. Smile at people. Help them fast.\n';
const SOURCE = `---\ntitle: Greet\n---\n\n${BODY}`;
const withGrade = (grade: number): FileResult => ({ path: PAGE, targetGrade: 6, messages: [], metrics: { fleschKincaidGrade: grade } as FileResult['metrics'] & object });

let root = '';
let context: ReturnType<typeof lintContext>;
afterEach(() => {
  stopSharingLintResults();
  if (root) rmSync(root, { recursive: true, force: true });
});

function handbook(): string {
  root = mkdtempSync(join(tmpdir(), 'plainbook-grade-'));
  write(root, { 'plainbook.config.yml': SETTINGS, [PAGE]: SOURCE });
  context = lintContext(loadSettings(root, {}));
  return root;
}

/** A lint cache holding `result` for the page as it is now, as a lint with `suggest` writes it. */
function cacheResult(at: string, result: FileResult, suggest: boolean) {
  const [fingerprint] = lintFingerprints([{ ...context, suggest }], at, PACKAGE_ROOT);
  const cache = new LintCache(join(at, LINT_CACHE_FILE));
  cache.set(cacheKey({ path: PAGE, source: SOURCE, fingerprint: fingerprint ?? '' }), result);
  cache.save();
}

describe("a page's grade", () => {
  it('is the lint beside the build\'s result once it has the page, computed until then', async () => {
    cacheResult(handbook(), withGrade(11), false);
    const grade = pageGrades({ root, packageRoot: PACKAGE_ROOT, context });
    const share = shareLintResults();
    expect(await grade(PAGE, BODY, true)).toEqual(await metricsFromSource(BODY, { mdx: true }));
    share(withGrade(2.5));
    expect((await grade(PAGE, BODY, true))?.fleschKincaidGrade).toBe(2.5);
  });

  it('comes from the lint cache under either key, CI\'s or an editor\'s, when no lint runs beside the build', async () => {
    cacheResult(handbook(), withGrade(9.5), true);
    expect((await pageGrades({ root, packageRoot: PACKAGE_ROOT, context })(PAGE, BODY, true))?.fleschKincaidGrade).toBe(9.5);
  });

  it('is computed the lint\'s way when the cache holds another version of the page, or the page is not a file', async () => {
    cacheResult(handbook(), withGrade(9.5), false);
    write(root, { [PAGE]: `${SOURCE}One more line.\n` });
    const grade = pageGrades({ root, packageRoot: PACKAGE_ROOT, context });
    const computed = await metricsFromSource(BODY, { mdx: true });
    expect(computed?.fleschKincaidGrade).not.toBe(9.5);
    expect(await grade(PAGE, BODY, true)).toEqual(computed);
    expect(await grade(undefined, BODY, true)).toEqual(computed);
  });
});
