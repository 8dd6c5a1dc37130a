import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, SETTINGS_FILE } from '../../src/config/settings.ts';

function repoWithSettings(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'plainbook-settings-'));
  writeFileSync(join(dir, SETTINGS_FILE), yaml);
  return dir;
}

const VALID = `site:
  title: Acme handbook
  url: https://handbook.acme.test/
  repo: acme/handbook
`;

describe('site settings', () => {
  it('reads the file and fills in defaults', () => {
    const root = repoWithSettings(VALID);
    const settings = loadSettings(root, {});
    expect(settings).toMatchObject({
      title: 'Acme handbook',
      origin: 'https://handbook.acme.test',
      base: '/',
      repo: 'acme/handbook',
      repoUrl: 'https://github.com/acme/handbook',
      branch: 'main',
      contentPath: join(root, 'content'),
    });
  });

  it('lets CI set the URL and repository, so a GitHub Pages project site works under /<repo>/', () => {
    const settings = loadSettings(repoWithSettings(VALID), {
      SITE_URL: 'https://acme.github.io/policies/',
      GITHUB_REPOSITORY: 'acme/policies',
      GITHUB_SERVER_URL: 'https://ghe.acme.test',
    });
    expect(settings).toMatchObject({
      origin: 'https://acme.github.io',
      base: '/policies',
      repoUrl: 'https://ghe.acme.test/acme/policies',
    });
  });

  it('explains a bad URL in the file with its line', () => {
    const root = repoWithSettings(VALID.replace('https://handbook.acme.test/', 'handbook.acme.test'));
    expect(() => loadSettings(root, {})).toThrowErrorMatchingInlineSnapshot(`
      [ConfigError: Invalid site settings in plainbook.config.yml (1 problem):
        plainbook.config.yml:3:8: Unexpected \`handbook.acme.test\` in \`site.url\`, expected the full address where the handbook is published.
          Fix: write it like \`url: "https://acme.github.io/handbook/"\`]
    `);
  });

  it('builds for the day PLAINBOOK_TODAY names, or today', () => {
    const root = repoWithSettings(VALID);
    expect(loadSettings(root, { PLAINBOOK_TODAY: '2027-02-01' }).today).toBe('2027-02-01');
    expect(loadSettings(root, {}).today).toBe(new Date().toISOString().slice(0, 10));
    expect(loadSettings(root, { PLAINBOOK_TODAY: '' }).today).toBe(new Date().toISOString().slice(0, 10));
    for (const bad of ['2027-02-30', '1 Feb 2027', '20270201']) {
      expect(() => loadSettings(root, { PLAINBOOK_TODAY: bad }), bad).toThrow(`Unexpected \`${bad}\` in \`PLAINBOOK_TODAY\`, expected a day as YYYY-MM-DD such as \`2027-02-01\`, or nothing for today.`);
    }
  });

  it('explains a bad SITE_URL from the environment', () => {
    expect(() => loadSettings(repoWithSettings(VALID), { SITE_URL: 'acme.github.io' })).toThrow(
      'Unexpected `acme.github.io` in `SITE_URL`, expected a full address such as `https://acme.github.io/handbook/`.',
    );
  });

  it('says when the settings file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plainbook-empty-'));
    expect(() => loadSettings(dir, {})).toThrow('Cannot read plainbook.config.yml: the file does not exist.');
  });

  it('rejects unknown settings rather than ignoring them', () => {
    const root = repoWithSettings(`${VALID}  colour: blue\n`);
    expect(() => loadSettings(root, {})).toThrow(
      'plainbook.config.yml:5:11: Unexpected field `site.colour`, expected only the fields this file documents. Check the spelling or remove it.',
    );
  });
});
