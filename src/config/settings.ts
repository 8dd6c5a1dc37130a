import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { readYamlFile } from './yaml-file.ts';
import { schemaError } from '../schema/friendly-error.ts';
import { DEFAULT_WORD_LIST, type LintSettings } from '../schema/lint.ts';
import type { FeedbackSettings } from '../schema/feedback.ts';
import { closestMatch } from '../schema/suggest.ts';
import { locateYamlPath } from '../schema/yaml-location.ts';
import { isoDate, type IsoDate } from '../schema/fields.ts';
import { todayIso } from '../text/days.ts';
import { settingsHelp, settingsSchema, type SiteSettings } from '../schema/settings.ts';

export const SETTINGS_FILE = 'plainbook.config.yml';

export interface ResolvedSettings extends SiteSettings {
  /** Repository root, absolute. */
  root: string;
  /** Absolute path of the content folder. */
  contentPath: string;
  /** Origin for Astro's `site`, e.g. `https://acme.github.io`. */
  origin: string;
  /** Path for Astro's `base`, e.g. `/handbook`; `/` at the root of a domain. */
  base: string;
  /** `https://github.com/<repo>` (or the GitHub Enterprise server in `GITHUB_SERVER_URL`). */
  repoUrl: string;
  lint: LintSettings;
  /** Other ways in for feedback: a team's own form, an e-mail address. */
  feedback: FeedbackSettings;
  /**
   * The day the handbook is built for, as YYYY-MM-DD: today (UTC), or `PLAINBOOK_TODAY` to see
   * what is in force on another day (tests, and editors checking what goes live when).
   */
  today: IsoDate;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Settings from `plainbook.config.yml`, with CI's environment on top: `SITE_URL`,
 * `GITHUB_REPOSITORY`, `GITHUB_SERVER_URL`, `PLAINBOOK_CONTENT_DIR` and `PLAINBOOK_TODAY`.
 */
export function loadSettings(root: string, env: Env = process.env): ResolvedSettings {
  const { site, lint, feedback } = readYamlFile(join(root, SETTINGS_FILE), settingsSchema, {
    kind: 'config',
    what: 'site settings',
    help: settingsHelp,
    root,
  });
  const merged = applyEnv(site, env);
  const url = new URL(merged.url);
  const contentPath = isAbsolute(merged.contentDir) ? merged.contentDir : resolve(root, merged.contentDir);
  checkWordList(root, contentPath, lint.wordList);
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  return {
    ...merged,
    root,
    contentPath,
    origin: url.origin,
    base: url.pathname.replace(/\/+$/, '') || '/',
    repoUrl: `${server}/${merged.repo}`,
    lint,
    feedback,
    today: env.PLAINBOOK_TODAY === undefined || env.PLAINBOOK_TODAY === '' ? todayIso() : checkedEnvDay(env.PLAINBOOK_TODAY),
  };
}

/** A named word list must exist; the message names the line in the settings and the closest file. */
function checkWordList(root: string, contentPath: string, wordList: string | undefined): void {
  if (wordList === undefined || existsSync(join(contentPath, wordList))) return;
  const folder = relative(root, contentPath) || '.';
  const textFiles = existsSync(contentPath) ? readdirSync(contentPath).filter((name) => name.endsWith('.txt')) : [];
  const meant = closestMatch(wordList, textFiles);
  const location = locateYamlPath({ text: readFileSync(join(root, SETTINGS_FILE), 'utf8'), firstLine: 1 }, ['lint', 'wordList']);
  throw schemaError('config', 'site settings', SETTINGS_FILE, [
    {
      field: 'lint.wordList',
      problem: `Unexpected word list \`${wordList}\`: there is no such file in ${folder}/, expected ${meant ? `\`${meant}\`` : 'a file of words, one per line, in the content folder'}. Fix the name, create the file, or remove the line to use ${DEFAULT_WORD_LIST} when there is one.`,
      fix: `wordList: ${meant ?? DEFAULT_WORD_LIST}`,
      ...location,
    },
  ]);
}

/** The word list the spell check reads: the named one, or words.txt (which may not exist). */
export function wordListPath(settings: Pick<ResolvedSettings, 'contentPath' | 'lint'>): string {
  return join(settings.contentPath, settings.lint.wordList ?? DEFAULT_WORD_LIST);
}

function applyEnv(site: SiteSettings, env: Env): SiteSettings {
  const merged = { ...site };
  if (env.SITE_URL) merged.url = checkedEnvUrl(env.SITE_URL);
  if (env.GITHUB_REPOSITORY) merged.repo = env.GITHUB_REPOSITORY;
  if (env.PLAINBOOK_CONTENT_DIR) merged.contentDir = env.PLAINBOOK_CONTENT_DIR;
  return merged;
}

function checkedEnvDay(value: string): IsoDate {
  const parsed = isoDate.safeParse(value);
  if (parsed.success) return parsed.data;
  throw schemaError('config', 'environment', 'PLAINBOOK_TODAY', [
    {
      field: 'PLAINBOOK_TODAY',
      problem: `Unexpected \`${value}\` in \`PLAINBOOK_TODAY\`, expected a day as YYYY-MM-DD such as \`2027-02-01\`, or nothing for today.`,
    },
  ]);
}

function checkedEnvUrl(value: string): string {
  if (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)) return value;
  throw schemaError('config', 'environment', 'SITE_URL', [
    {
      field: 'SITE_URL',
      problem: `Unexpected \`${value}\` in \`SITE_URL\`, expected a full address such as \`https://acme.github.io/handbook/\`.`,
    },
  ]);
}
