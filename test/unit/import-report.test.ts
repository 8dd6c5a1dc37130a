import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportedPolicy } from '../../src/import/import-document.ts';
import { jsonImportReport, policyReport, prettyImportReport, type PolicyReport } from '../../src/import/report.ts';
import { findConflicts, writePolicies } from '../../src/import/write-policies.ts';
import type { FileResult } from '../../src/lint/result.ts';

const policy = (slug: string, extra: Partial<ImportedPolicy> = {}): ImportedPolicy => ({
  source: `${slug}.docx`,
  policyPath: `content/policies/${slug}.mdx`,
  slug,
  title: slug.toUpperCase(),
  text: `---\ntitle: ${slug}\n---\n\nText.\n`,
  images: [],
  leftOut: [],
  ...extra,
});

const message = (ruleId: string) => ({ line: 1, column: 1, endLine: 1, endColumn: 2, ruleId, source: 'plainbook', severity: 'warning', reason: 'x' }) as FileResult['messages'][number];

describe('the import report', () => {
  it('counts findings by rule, most first, then by name; names saved images by their path', () => {
    const lint: FileResult = { path: 'x', targetGrade: 6, metrics: { words: 1, sentences: 1, syllables: 1, wordsPerSentence: 1, longestSentence: 1, fleschKincaidGrade: 7.25, fleschReadingEase: 50 }, messages: ['spell', 'passive', 'spell', 'equality', 'passive', 'spell'].map(message) };
    const report = policyReport(policy('refunds', { images: [{ name: 'image-1.png', bytes: Buffer.alloc(1) }] }), lint, []);
    expect(Object.entries(report.findingsByRule)).toEqual([['spell', 3], ['passive', 2], ['equality', 1]]);
    expect(report.images).toEqual(['content/policies/refunds/image-1.png']);
    expect(report.grade).toBe(7.25);
    expect(policyReport(policy('x'), { path: 'x', targetGrade: 6, messages: [] }, []).grade).toBeUndefined();
  });

  const base: PolicyReport = { source: 'a.docx', policy: 'content/policies/a.mdx', title: 'A', leftOut: [], images: [], grade: 4.04, targetGrade: 6, hardestSentences: [], findingsByRule: {} };

  it('prints what there is for each policy, and a table only for more than one', () => {
    expect(prettyImportReport([base], false)).toBe(
      'content/policies/a.mdx  (from a.docx)\n  Title: A\n  Reading grade: 4.0 (target 6)\n  Findings by rule: none\n\nImported 1 document as draft policy. Next: rewrite the hardest sentences, then run `npx plainbook lint` on the file to see every finding.\n',
    );
    const full: PolicyReport = {
      ...base,
      source: 'long name.docx',
      policy: 'content/policies/b.mdx',
      grade: undefined,
      leftOut: ['1 comment', '1 header'],
      images: ['content/policies/b/image-1.png', 'content/policies/b/image-2.png'],
      hardestSentences: [
        { line: 9, column: 3, grade: 12.345, words: 20, text: 'x'.repeat(100) },
        { line: 12, column: 1, grade: 9, words: 9, text: `${'y'.repeat(98)} zz` },
      ],
      findingsByRule: { readability: 2, spell: 1 },
    };
    expect(prettyImportReport([base, full], true)).toBe(
      [
        'content/policies/a.mdx  (from a.docx)\n  Title: A\n  Reading grade: 4.0 (target 6)\n  Findings by rule: none',
        '',
        'content/policies/b.mdx  (from long name.docx)\n  Title: A\n  Reading grade: not measured (target 6)\n  Left out: 1 comment; 1 header\n  Images saved: content/policies/b/image-1.png, content/policies/b/image-2.png\n  Hardest sentences (start here):',
        `    content/policies/b.mdx:9:3  grade 12.3  "${'x'.repeat(100)}"`,
        `    content/policies/b.mdx:12:1  grade 9.0  "${'y'.repeat(98)}…"`,
        '  Findings by rule: readability 2, spell 1 (3 in all)',
        '',
        'Document        Policy                  Grade  Findings\na.docx          content/policies/a.mdx    4.0         0\nlong name.docx  content/policies/b.mdx      -         3',
        '',
        'Would import 2 documents as draft policies. Dry run: nothing was written.',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON with the dry-run flag and every field', () => {
    expect(JSON.parse(jsonImportReport([base], true))).toEqual({ dryRun: true, policies: [base] });
  });
});

describe('writing imported policies', () => {
  const root = () => {
    const dir = mkdtempSync(join(tmpdir(), 'plainbook-write-'));
    mkdirSync(join(dir, 'content/policies'), { recursive: true });
    return dir;
  };

  it('finds every target that exists, as .md or .mdx, an image included, unless forced', () => {
    const dir = root();
    writeFileSync(join(dir, 'content/policies/a.md'), 'ours');
    mkdirSync(join(dir, 'content/policies/b'));
    writeFileSync(join(dir, 'content/policies/b/image-1.png'), 'ours');
    const policies = [policy('a'), policy('b', { images: [{ name: 'image-1.png', bytes: Buffer.alloc(1) }] }), policy('c')];
    expect([...findConflicts(dir, policies, false)].map(([source, error]) => `${source}: ${error.message}`)).toEqual([
      'a.docx: Cannot import a.docx: content/policies/a.mdx already exists. Run again with --force to replace it, or rename the existing policy first.',
      'b.docx: Cannot import b.docx: content/policies/b/image-1.png already exists. Run again with --force to replace it, or rename the existing policy first.',
    ]);
    expect(findConflicts(dir, policies, true).size).toBe(0);
  });

  it('writes images before their policy and reports every path, and takes back what it created when a write fails', () => {
    const dir = root();
    const first = policy('first', { images: [{ name: 'image-1.png', bytes: Buffer.from('png') }] });
    expect(writePolicies(dir, [first])).toEqual(['content/policies/first/image-1.png', 'content/policies/first.mdx']);
    expect(readFileSync(join(dir, 'content/policies/first.mdx'), 'utf8')).toBe(first.text);

    // A folder where the third file should go makes that write fail.
    mkdirSync(join(dir, 'content/policies/blocked.mdx'));
    const kept = readFileSync(join(dir, 'content/policies/first.mdx'), 'utf8');
    expect(() => writePolicies(dir, [policy('fresh'), policy('first', { text: 'replaced\n' }), policy('blocked')])).toThrow();
    expect(existsSync(join(dir, 'content/policies/fresh.mdx'))).toBe(false);
    // A file that was there before the run stays (replaced), as --force asked.
    expect(readFileSync(join(dir, 'content/policies/first.mdx'), 'utf8')).not.toBe(kept);
  });
});
