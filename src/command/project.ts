import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { SETTINGS_FILE } from '../config/settings.ts';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The folder the user typed the command in. `npm run lint -- x` runs the script from the
 * package root, and npm keeps the user's folder in INIT_CWD; `npx plainbook` keeps the folder.
 * INIT_CWD counts only for the npm script of this very package: it is inherited by every child,
 * so a test or tool that starts Plainbook elsewhere must not be sent back to npm's folder.
 */
export function userFolder(env: Env, cwd: string = process.cwd()): string {
  const initCwd = env.INIT_CWD;
  const fromNpmScript = env.npm_package_json !== undefined && dirname(env.npm_package_json) === cwd;
  return initCwd && fromNpmScript && isDirectory(initCwd) ? initCwd : cwd;
}

/**
 * The handbook the user stands in: the nearest folder, upwards, with a plainbook.config.yml (as
 * git finds its repository). Without one, the folder itself, where the settings error says what
 * is missing.
 */
export function findProjectRoot(start: string): string {
  for (let folder = resolve(start); ; folder = dirname(folder)) {
    if (existsSync(join(folder, SETTINGS_FILE))) return folder;
    if (dirname(folder) === folder) return resolve(start);
  }
}

/** A path as the user typed it: absolute, or relative to the folder they stand in. */
export function userPath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
