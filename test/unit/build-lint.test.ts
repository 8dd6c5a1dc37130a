import { afterEach, describe, expect, it } from 'vitest';
import { lintRunsBesideBuild, sharedLintResult, shareLintResults, stopSharingLintResults } from '../../src/lint/build-lint.ts';
import type { FileResult } from '../../src/lint/result.ts';

const result = (path: string, grade: number): FileResult => ({
  path,
  targetGrade: 6,
  messages: [],
  metrics: { fleschKincaidGrade: grade } as FileResult['metrics'] & object,
});

afterEach(() => stopSharingLintResults());

describe('lint results shared with the pages of the same build', () => {
  it('are absent when no lint runs beside the build', () => {
    expect(lintRunsBesideBuild()).toBe(false);
    expect(sharedLintResult('content/policies/a.mdx')).toBeUndefined();
  });

  it('say a lint runs beside the build from its start to the end of the build, results or not', () => {
    shareLintResults();
    expect(lintRunsBesideBuild()).toBe(true);
    stopSharingLintResults();
    expect(lintRunsBesideBuild()).toBe(false);
  });

  it('reach a second copy of the module, as Vite bundles one for the pages', async () => {
    // A different query is a different module instance: module-level state would not be shared.
    const copyPath: string = '../../src/lint/build-lint.ts?pages-copy';
    const copy = (await import(copyPath)) as typeof import('../../src/lint/build-lint.ts');
    const share = shareLintResults();
    share(result('content/policies/a.mdx', 4.2));
    share(result('content/policies/b.mdx', 7.5));
    expect(copy.sharedLintResult('content/policies/b.mdx')?.metrics?.fleschKincaidGrade).toBe(7.5);
    expect(copy.sharedLintResult('content/policies/c.mdx')).toBeUndefined();
  });

  it('are there for a page as soon as the lint has its file, before the lint ends', () => {
    const share = shareLintResults();
    share(result('content/policies/a.mdx', 4.2));
    expect(sharedLintResult('content/policies/a.mdx')?.metrics?.fleschKincaidGrade).toBe(4.2);
    // The lint has not reached this one yet: the page computes its own metrics, it does not wait.
    expect(sharedLintResult('content/policies/b.mdx')).toBeUndefined();
    share(result('content/policies/b.mdx', 7.5));
    expect(sharedLintResult('content/policies/b.mdx')?.metrics?.fleschKincaidGrade).toBe(7.5);
  });

  it('start empty for each build', () => {
    shareLintResults()(result('content/policies/a.mdx', 3));
    shareLintResults();
    expect(sharedLintResult('content/policies/a.mdx')).toBeUndefined();
  });

  it('are gone once the build is over', () => {
    const share = shareLintResults();
    share(result('content/policies/a.mdx', 3));
    stopSharingLintResults();
    expect(sharedLintResult('content/policies/a.mdx')).toBeUndefined();
  });
});
