import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); a browser is never downloaded. */
export const CHROMIUM_PATH = process.env.PLAINBOOK_CHROMIUM ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps trying hosts a closed network refuses.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Browser tests run wherever Chromium is installed and are required in CI (`CI=true`), where
 * `.ci/run` installs it. On a laptop without it they are skipped with a note, not failed.
 */
export function browserTestsEnabled(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\`.`);
  console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium).`);
  return false;
}

type ContextOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

/**
 * A fresh profile every time, so no earlier run's cache or storage changes what a test sees.
 * `options` adds to or overrides the defaults (a screenshot wants its own size, theme, motion).
 */
export async function launchBrowser(options: ContextOptions = {}): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'plainbook-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
}
