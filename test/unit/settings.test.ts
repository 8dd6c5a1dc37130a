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

describe('feedback settings: the ways in without GitHub', () => {
  const withFeedback = (lines: string) => repoWithSettings(`${VALID}feedback:\n${lines}`);
  const FORM = 'https://docs.google.com/forms/d/e/1FAIpQL/viewform?usp=pp_url&entry.1=%7Bpolicy%7D&entry.2={section}&entry.3={current}&entry.4={round}&entry.5={code}';

  it('reads a form address with placeholders, typed or encoded, and an e-mail address; without them, neither', () => {
    expect(loadSettings(withFeedback(`  form: "${FORM}"\n  email: handbook-feedback@acme.test\n`), {}).feedback).toEqual({ form: FORM, email: 'handbook-feedback@acme.test' });
    // Braces of the address's own (a document id) are not placeholders.
    const sharePoint = 'https://forms.office.com/Pages/ResponsePage.aspx?id=AbC&sourcedoc=%7B3F2504E0-4F89-11D3-9A0C-0305E82C3301%7D&r1=%7Bpolicy%7D';
    expect(loadSettings(withFeedback(`  form: "${sharePoint}"\n`), {}).feedback.form).toBe(sharePoint);
    expect(loadSettings(repoWithSettings(VALID), {}).feedback).toEqual({});
  });

  it('refuses a form address that is not https:', () => {
    expect(() => loadSettings(withFeedback('  form: http://forms.acme.test/feedback?policy={policy}\n'), {})).toThrowErrorMatchingInlineSnapshot(`
      [ConfigError: Invalid site settings in plainbook.config.yml (1 problem):
        plainbook.config.yml:6:9: Unexpected \`http://forms.acme.test/feedback?policy={policy}\` in \`feedback.form\`, expected an \`https:\` address of your feedback form (at most 1,000 characters), with \`{policy}\`, \`{section}\`, \`{current}\`, \`{round}\` or \`{code}\` where its prefilled answers go.
          Fix: write it like \`form: "https://docs.google.com/forms/d/e/FORM_ID/viewform?usp=pp_url&entry.1=%7Bpolicy%7D"\`]
    `);
  });

  it('refuses a placeholder the links do not fill, naming the one meant', () => {
    expect(() => loadSettings(withFeedback('  form: "https://forms.acme.test/f?a={polcy}&b=%7Bsectoin%7D&c={name}"\n'), {})).toThrowErrorMatchingInlineSnapshot(`
      [ConfigError: Invalid site settings in plainbook.config.yml (3 problems):
        plainbook.config.yml:6:9: Unexpected placeholder \`{polcy}\` in \`feedback.form\`, expected one of \`{policy}\`, \`{section}\`, \`{current}\`, \`{round}\`, \`{code}\` (did you mean \`{policy}\`?).
          Fix: write it like \`form: "https://docs.google.com/forms/d/e/FORM_ID/viewform?usp=pp_url&entry.1=%7Bpolicy%7D"\`
        plainbook.config.yml:6:9: Unexpected placeholder \`%7Bsectoin%7D\` in \`feedback.form\`, expected one of \`{policy}\`, \`{section}\`, \`{current}\`, \`{round}\`, \`{code}\` (did you mean \`{section}\`?).
          Fix: write it like \`form: "https://docs.google.com/forms/d/e/FORM_ID/viewform?usp=pp_url&entry.1=%7Bpolicy%7D"\`
        plainbook.config.yml:6:9: Unexpected placeholder \`{name}\` in \`feedback.form\`, expected one of \`{policy}\`, \`{section}\`, \`{current}\`, \`{round}\`, \`{code}\`.
          Fix: write it like \`form: "https://docs.google.com/forms/d/e/FORM_ID/viewform?usp=pp_url&entry.1=%7Bpolicy%7D"\`]
    `);
  });

  it('refuses a form address too long to leave room for the page', () => {
    expect(() => loadSettings(withFeedback(`  form: "https://forms.acme.test/f?a=${'x'.repeat(1000)}"\n`), {})).toThrow(
      /plainbook.config.yml:6:9: Unexpected `https:\/\/forms.acme.test\/f\?a=x+` in `feedback.form`, expected an `https:` address of your feedback form \(at most 1,000 characters\)/,
    );
  });

  it('refuses a bad e-mail address, and a mailto: link in its place', () => {
    expect(() => loadSettings(withFeedback('  email: handbook feedback@acme\n'), {})).toThrowErrorMatchingInlineSnapshot(`
      [ConfigError: Invalid site settings in plainbook.config.yml (1 problem):
        plainbook.config.yml:6:10: Unexpected \`handbook feedback@acme\` in \`feedback.email\`, expected an e-mail address that takes feedback.
          Fix: write it like \`email: handbook-feedback@acme.com\`]
    `);
    expect(() => loadSettings(withFeedback('  email: mailto:feedback@acme.test\n'), {})).toThrow('Unexpected `mailto:feedback@acme.test` in `feedback.email`, expected an e-mail address that takes feedback.');
  });
});
