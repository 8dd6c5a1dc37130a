import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, SETTINGS_FILE } from '../../src/config/settings.ts';

function settingsWith(feedback: string) {
  const dir = mkdtempSync(join(tmpdir(), 'plainbook-columns-'));
  writeFileSync(join(dir, SETTINGS_FILE), `site:\n  title: Acme handbook\n  url: https://handbook.acme.test/\n  repo: acme/handbook\nfeedback:\n${feedback}`);
  return () => loadSettings(dir, {});
}

describe('feedback.columns', () => {
  it("holds the team's question titles, one or a list per field", () => {
    const load = settingsWith('  columns:\n    policy: Which policy?\n    current: [Which words?, Words on the page]\n    consent: May we name you?\n');
    expect(load().feedback.columns).toEqual({ policy: 'Which policy?', current: ['Which words?', 'Words on the page'], consent: 'May we name you?' });
  });

  it('is optional', () => {
    expect(settingsWith('  email: handbook@acme.test\n')().feedback.columns).toBeUndefined();
  });

  it('names a misspelt field and its line', () => {
    expect(settingsWith('  columns:\n    polcy: Which policy?\n')).toThrowErrorMatchingInlineSnapshot(`
      [ConfigError: Invalid site settings in plainbook.config.yml (1 problem):
        plainbook.config.yml:7:12: Unexpected field \`feedback.columns.polcy\`, expected only the fields this file documents. Check the spelling or remove it.]
    `);
  });

  it('refuses an empty title', () => {
    expect(settingsWith('  columns:\n    current: ""\n')).toThrowErrorMatchingInlineSnapshot(`
      [ConfigError: Invalid site settings in plainbook.config.yml (1 problem):
        plainbook.config.yml:7:14: Unexpected an empty value in \`feedback.columns.current\`, expected a question's title as your form shows it, or a list of titles.
          Fix: write it like \`current: ["Your question's title", "Its old title"]\`]
    `);
  });
});
