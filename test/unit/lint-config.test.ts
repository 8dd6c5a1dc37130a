import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, SETTINGS_FILE } from '../../src/config/settings.ts';

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
      wordList: 'words.txt',
    });
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
