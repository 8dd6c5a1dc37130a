import { describe, expect, it } from 'vitest';
import { findText } from '../../src/dev/locate-text.ts';
import { pageReport } from '../../src/dev/plain-language-server.ts';
import { createTempProject, EASY, LONG_SENTENCE, SETTINGS } from '../helpers/temp-project.ts';

describe('finding flagged words on the rendered page', () => {
  it('matches across text nodes, curled quotes, folded spaces and dropped Markdown', () => {
    const segments = ['Say ', 'hello', ' and “don’t  guess”.', ' Then stop.'];
    expect(findText(segments, 'hello and "don\'t guess"')).toEqual({ start: { segment: 1, offset: 0 }, end: { segment: 2, offset: 18 } });
  });

  it('finds a later occurrence when asked, and nothing past the last', () => {
    const segments = ['Be kind. Be kind.'];
    expect(findText(segments, 'Be kind', 1)).toEqual({ start: { segment: 0, offset: 9 }, end: { segment: 0, offset: 16 } });
    expect(findText(segments, 'Be kind', 2)).toBeUndefined();
  });

  it('ends after a character outside the basic plane, and refuses needles too short to mean anything', () => {
    expect(findText(['Rate us 𝟓 stars'], 'us 𝟓')).toEqual({ start: { segment: 0, offset: 5 }, end: { segment: 0, offset: 10 } });
    expect(findText(['a b c'], 'a')).toBeUndefined();
    expect(findText(['Say hello.'], 'goodbye')).toBeUndefined();
  });
});

describe('the dev server report', () => {
  it("gives a page's grade, target and findings with the words to find on the page", async () => {
    const project = createTempProject({ 'content/easy.md': EASY, 'content/long.md': LONG_SENTENCE });
    expect(await pageReport(project.dir, 'content/easy.md')).toEqual({ file: 'content/easy.md', targetGrade: 6, grade: expect.stringMatching(/^-?\d+\.\d$/), onTarget: true, findings: [] });
    const long = await pageReport(project.dir, 'content/long.md');
    expect(long?.onTarget).toBe(false);
    expect(long?.findings.find((finding) => finding.ruleId === 'sentence-length')).toEqual({
      line: 5,
      column: 1,
      ruleId: 'sentence-length',
      severity: 'error',
      reason: 'Unexpected sentence of `33` words, expected at most `25`. Split it into shorter sentences.',
      text: expect.stringMatching(/^When a customer calls us on the phone .+ when it will come\.$/),
    });
    // The page-wide grade message has no words to point at.
    expect(long?.findings.find((finding) => finding.ruleId === 'document-grade')?.text).toBe('');
  });

  it('never reads a file outside the content folder, whatever path the browser sends', async () => {
    const project = createTempProject({ 'content/easy.md': EASY, 'secret.md': EASY });
    expect(await pageReport(project.dir, 'secret.md')).toBeUndefined();
    expect(await pageReport(project.dir, 'content/../secret.md')).toBeUndefined();
    expect(await pageReport(project.dir, '/etc/passwd')).toBeUndefined();
    expect(await pageReport(project.dir, 'plainbook.config.yml')).toBeUndefined();
    expect(await pageReport(project.dir, 'content/missing.md')).toBeUndefined();
  });

  it('says why a page in another language has no findings', async () => {
    const settings = `${SETTINGS}  locales:\n    root: { label: English }\n    fr: { label: Français, lang: fr }\n`;
    const project = createTempProject({ 'content/fr/page.md': '---\ntitle: Page\n---\n\nBonjour a tous.\n' }, settings);
    expect(await pageReport(project.dir, 'content/fr/page.md')).toEqual({ file: 'content/fr/page.md', targetGrade: 6, grade: undefined, onTarget: true, note: 'This page is not in English: the lint checks English only.', findings: [] });
  });
});
