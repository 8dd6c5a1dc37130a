import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the installed `plainbook` package (this repository when developing it). The same
 * from `src/` (run as TypeScript here, compiled by Vite in a handbook) and from the compiled
 * `lib/`: both sit one level below the package root.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
