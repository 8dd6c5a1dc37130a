import { describe, expect, it } from 'vitest';
import { pullRequestReport } from '../../src/lint/pr-report.ts';
import { githubReport } from '../../src/lint/reporters/github.ts';
import { jsonReport } from '../../src/lint/reporters/json.ts';
import { markdownReport } from '../../src/lint/reporters/markdown.ts';
import { prettyReport } from '../../src/lint/reporters/pretty.ts';
import type { FileResult } from '../../src/lint/result.ts';

const metrics = { words: 120, sentences: 10, syllables: 160, longestSentence: 31, wordsPerSentence: 12, fleschKincaidGrade: 7.4, fleschReadingEase: 70.1 };

const RESULTS: FileResult[] = [
  {
    path: 'content/policies/refunds.mdx',
    targetGrade: 6,
    metrics,
    messages: [
      {
        line: 12, column: 1, endLine: 12, endColumn: 180, ruleId: 'sentence-length', source: 'plainbook', severity: 'error',
        reason: 'Unexpected sentence of `31` words, expected at most `25`. Split it into shorter sentences.',
        actual: '31', expected: ['25'], url: 'https://example.test/rules#sentence-length',
      },
      { line: 14, column: 5, endLine: 14, endColumn: 9, ruleId: 'passive', source: 'retext-passive', severity: 'warning', reason: 'Unexpected use of the passive voice, a | b: c, 100%' },
    ],
  },
  { path: 'content/policies/greeting.mdx', targetGrade: 6, metrics: { ...metrics, fleschKincaidGrade: 3.1 }, messages: [] },
];

describe('lint reports', () => {
  it('pretty: file:line:col, severity, message and rule, then totals', () => {
    expect(prettyReport(RESULTS)).toMatchInlineSnapshot(`
      "content/policies/refunds.mdx  reading grade 7.4 (target 6)
        content/policies/refunds.mdx:12:1  error    Unexpected sentence of \`31\` words, expected at most \`25\`. Split it into shorter sentences.  sentence-length
        content/policies/refunds.mdx:14:5  warning  Unexpected use of the passive voice, a | b: c, 100%  passive

      ✖ 2 problems (1 error, 1 warning) in 1 of 2 files.
      "
    `);
  });

  it('pretty: says so when all is clean', () => {
    expect(prettyReport([RESULTS[1] as FileResult])).toBe('✔ 1 file checked: no problems.\n');
  });

  it('github: escaped workflow commands, errors first, then a totals notice', () => {
    const reversed = [{ ...(RESULTS[0] as FileResult), messages: [...(RESULTS[0] as FileResult).messages].reverse() }];
    expect(githubReport(reversed)).toMatchInlineSnapshot(`
      "::error file=content/policies/refunds.mdx,line=12,col=1,endLine=12,endColumn=180,title=Plainbook sentence-length::Unexpected sentence of \`31\` words, expected at most \`25\`. Split it into shorter sentences.
      ::warning file=content/policies/refunds.mdx,line=14,col=5,endLine=14,endColumn=9,title=Plainbook passive::Unexpected use of the passive voice, a | b: c, 100%25
      ::notice title=Plainbook prose lint::✖ 2 problems (1 error, 1 warning) in 1 of 1 file.
      "
    `);
  });

  it('json: the documented, stable shape', () => {
    const report = JSON.parse(jsonReport(RESULTS));
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ files: 2, errors: 1, warnings: 1, skipped: 0 });
    expect(report.skipped).toEqual([]);
    const withSkipped = JSON.parse(jsonReport(RESULTS, { skipped: [{ path: 'content/fr/a.md', lang: 'fr' }] })) as { summary: { skipped: number }; skipped: unknown[] };
    expect(withSkipped.summary.skipped).toBe(1);
    expect(withSkipped.skipped).toEqual([{ path: 'content/fr/a.md', lang: 'fr' }]);
    expect(report.files[0]).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "actual": "31",
            "column": 1,
            "endColumn": 180,
            "endLine": 12,
            "expected": [
              "25",
            ],
            "line": 12,
            "reason": "Unexpected sentence of \`31\` words, expected at most \`25\`. Split it into shorter sentences.",
            "ruleId": "sentence-length",
            "severity": "error",
            "source": "plainbook",
            "url": "https://example.test/rules#sentence-length",
          },
          {
            "actual": null,
            "column": 5,
            "endColumn": 9,
            "endLine": 14,
            "expected": [],
            "line": 14,
            "reason": "Unexpected use of the passive voice, a | b: c, 100%",
            "ruleId": "passive",
            "severity": "warning",
            "source": "retext-passive",
            "url": null,
          },
        ],
        "metrics": {
          "fleschKincaidGrade": 7.4,
          "fleschReadingEase": 70.1,
          "longestSentence": 31,
          "sentences": 10,
          "syllables": 160,
          "words": 120,
          "wordsPerSentence": 12,
        },
        "path": "content/policies/refunds.mdx",
        "targetGrade": 6,
      }
    `);
  });

  it('markdown: a table of files, then messages with table characters escaped', () => {
    expect(markdownReport(RESULTS)).toMatchInlineSnapshot(`
      "### Plainbook prose lint

      ✖ 2 problems (1 error, 1 warning) in 1 of 2 files.

      | File | Reading grade | Target | Errors | Warnings |
      | --- | ---: | ---: | ---: | ---: |
      | content/policies/refunds.mdx | 7.4 | 6 | 1 | 1 |
      | content/policies/greeting.mdx | 3.1 | 6 | 0 | 0 |

      | Where | Severity | Message | Rule |
      | --- | --- | --- | --- |
      | content/policies/refunds.mdx:12:1 | error | Unexpected sentence of \`31\` words, expected at most \`25\`. Split it into shorter sentences. | \`sentence-length\` |
      | content/policies/refunds.mdx:14:5 | warning | Unexpected use of the passive voice, a \\| b: c, 100% | \`passive\` |
      "
    `);
  });

  it('every format says how many pages in other languages were skipped, right after the totals', () => {
    const skipped = [{ path: 'content/fr/a.md', lang: 'fr' }, { path: 'content/fr/b.md', lang: 'fr' }, { path: 'content/de/a.md', lang: 'de' }];
    const line = 'Skipped 3 pages in other languages (de 1, fr 2): the lint checks English only.';
    expect(prettyReport(RESULTS, { skipped })).toMatch(new RegExp(`problems? .+\\.\\n${line.replace(/[()]/g, '\\$&')}\\n$`));
    expect(markdownReport([], { skipped })).toBe(`### Plainbook prose lint\n\n✔ 0 files checked: no problems.\n\n${line}\n\n`);
    expect(githubReport(RESULTS, { skipped }).trimEnd().split('\n').at(-1)).toBe(`::notice title=Plainbook prose lint::${line}`);
    expect(prettyReport(RESULTS)).not.toContain('Skipped');
  });

  it('pull request comment: grade before and after, counts by rule, and the marker', () => {
    const body = pullRequestReport('<!-- plainbook:lint-report -->', [
      { result: RESULTS[0] as FileResult, gradeBefore: 8.25 },
      { result: RESULTS[1] as FileResult },
    ]);
    expect(body).toMatchInlineSnapshot(`
      "<!-- plainbook:lint-report -->
      ### Plainbook prose lint

      ✖ 2 problems (1 error, 1 warning) in 1 of 2 files.

      | Policy | Reading grade | Target | Errors | Warnings | By rule |
      | --- | --- | ---: | ---: | ---: | --- |
      | \`content/policies/refunds.mdx\` | 8.3 → 7.4 | 6 | 1 | 1 | \`passive\` 1, \`sentence-length\` 1 |
      | \`content/policies/greeting.mdx\` | 3.1 (new) | 6 | 0 | 0 | – |

      Details are in the annotations on the **Files changed** tab and in the job summary.
      "
    `);
    expect(pullRequestReport('<!-- m -->', [{ result: RESULTS[1] as FileResult, gradeBefore: 3 }])).toContain('All clean: 1 file checked: no problems.');
  });

  it('pull request comment: rounds the grade before as it rounds the grade after', () => {
    // toFixed rounds -0.25 away from zero and 1.45 (stored as 1.4499…) down; the shown grade does neither.
    for (const [grade, shown] of [[-0.25, '-0.2'], [1.45, '1.5'], [-0.04, '0.0']] as const) {
      const result = { ...(RESULTS[1] as FileResult), metrics: { ...(RESULTS[1] as FileResult).metrics!, fleschKincaidGrade: grade } };
      expect(pullRequestReport('<!-- m -->', [{ result, gradeBefore: grade }])).toContain(`| ${shown} → ${shown} |`);
    }
  });
});
