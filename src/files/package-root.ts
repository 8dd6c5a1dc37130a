import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the installed `plainbook` package (this repository when developing it). The same
 * from `src/` (run as TypeScript here, compiled by Vite in a handbook) and from the compiled
 * `lib/`: this file sits two levels below the package root in both.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * A file Vite compiles (.astro, .css, route middleware), by absolute path, as Starlight and Astro
 * take them. Always in src/: the integration itself may run from the compiled lib/.
 */
export const ownSource = (path: string): string => join(PACKAGE_ROOT, 'src', path);
