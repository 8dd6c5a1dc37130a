import { afterEach, describe, expect, it } from 'vitest';
import { sharedLintResult, shareLintResults, stopSharingLintResults } from '../../src/lint/build-lint.ts';
import type { FileResult } from '../../src/lint/result.ts';

const result = (path: string, grade: number): FileResult => ({
  path,
  targetGrade: 6,
  messages: [],
  metrics: { fleschKincaidGrade: grade } as FileResult['metrics'] & object,
});

afterEach(() => stopSharingLintResults());

describe('lint results shared with the pages of the same build', () => {
  it('are absent when no lint runs beside the build', async () => {
    expect(await sharedLintResult('content/policies/a.mdx')).toBeUndefined();
  });

  it('reach a second copy of the module, as Vite bundles one for the pages', async () => {
    // A different query is a different module instance: module-level state would not be shared.
    const copyPath: string = '../../src/lint/build-lint.ts?pages-copy';
    const copy = (await import(copyPath)) as typeof import('../../src/lint/build-lint.ts');
    let finish: (results: FileResult[]) => void = () => undefined;
    shareLintResults(new Promise((resolve) => (finish = resolve)));
    const waiting = copy.sharedLintResult('content/policies/b.mdx');
    finish([result('content/policies/a.mdx', 4.2), result('content/policies/b.mdx', 7.5)]);
    expect((await waiting)?.metrics?.fleschKincaidGrade).toBe(7.5);
    expect(await copy.sharedLintResult('content/policies/c.mdx')).toBeUndefined();
  });

  it('let pages compute their own metrics when the lint fails, without an unhandled rejection', async () => {
    shareLintResults(Promise.reject(new Error('worker stopped')));
    expect(await sharedLintResult('content/policies/a.mdx')).toBeUndefined();
  });

  it('are gone once the build is over', async () => {
    shareLintResults(Promise.resolve([result('content/policies/a.mdx', 3)]));
    stopSharingLintResults();
    expect(await sharedLintResult('content/policies/a.mdx')).toBeUndefined();
  });
});
