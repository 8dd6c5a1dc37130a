import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, SETTINGS_FILE, wordListPath } from '../../src/config/settings.ts';

function settingsWithLint(lint: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'plainbook-lintcfg-'));
  writeFileSync(join(dir, SETTINGS_FILE), `site:\n  title: T\n  url: https://x.test/\n  repo: a/b\nlint:\n${lint}`);
  return dir;
}

describe('lint settings', () => {
  it('default to a 6th-grade target, 25-word sentences and 5-sentence paragraphs', () => {
    expect(loadSettings(settingsWithLint('  rules: {}\n'), {}).lint).toMatchObject({
      targetGrade: 6,
      maxSentenceWords: 25,
      maxParagraphSentences: 5,
    });
  });

  it('reject a word list that does not exist, naming the line and the file probably meant', () => {
    const dir = settingsWithLint('  wordList: word.txt\n');
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content/words.txt'), 'Plainbook\n');
    expect(() => loadSettings(dir, {})).toThrowErrorMatchingInlineSnapshot(`
      [ConfigError: Invalid site settings in plainbook.config.yml (1 problem):
        plainbook.config.yml:6:13: Unexpected word list \`word.txt\`: there is no such file in content/, expected \`words.txt\`. Fix the name, create the file, or remove the line to use words.txt when there is one.
          Fix: write it like \`wordList: words.txt\`]
    `);
    expect(() => loadSettings(settingsWithLint('  wordList: team.txt\n'), {})).toThrow(
      'Unexpected word list `team.txt`: there is no such file in content/, expected a file of words, one per line, in the content folder.',
    );
  });

  it('read words.txt when no word list is named, and do not need one', () => {
    const dir = settingsWithLint('  targetGrade: 6\n');
    const settings = loadSettings(dir, {});
    expect(settings.lint.wordList).toBeUndefined();
    expect(wordListPath(settings)).toBe(join(dir, 'content/words.txt'));
  });

  it('reject an unknown rule and suggest the one meant', () => {
    expect(() => loadSettings(settingsWithLint('  rules:\n    pasive: warn\n'), {})).toThrowErrorMatchingInlineSnapshot(`
      [ConfigError: Invalid site settings in plainbook.config.yml (1 problem):
        plainbook.config.yml:7:13: Unexpected unknown rule \`pasive\`, expected \`passive\`.
          Fix: write it like \`passive: warn\`]
    `);
  });

  it('reject a severity that is not off, warn or error', () => {
    expect(() => loadSettings(settingsWithLint('  rules:\n    passive: loud\n'), {})).toThrow(
      'plainbook.config.yml:7:14: Unexpected `loud` in `lint.rules.passive`, expected a severity: `off`, `warn` or `error`.',
    );
  });

  it('reject a target grade out of range', () => {
    expect(() => loadSettings(settingsWithLint('  targetGrade: 40\n'), {})).toThrow(
      'plainbook.config.yml:6:16: Unexpected `40` in `lint.targetGrade`, expected a reading grade from 1 to 18.',
    );
  });
});
