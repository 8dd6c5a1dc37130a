import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installLintHooks } from './lint-hooks.ts';

/** The bundle's name beside the compiled lint (lib/lint/). */
export const LINT_BUNDLE = 'lint-file.bundle.js';

type LintFileModule = typeof import('./lint-file.ts');

/**
 * The lint's rules for this thread: the one-file bundle beside the compiled package (lib/lint/,
 * see bundle.ts), or, run from source, the modules one by one through the lint hooks.
 */
export async function loadLintFile(): Promise<LintFileModule> {
  const bundle = new URL(`./${LINT_BUNDLE}`, import.meta.url);
  if (existsSync(fileURLToPath(bundle))) return (await import(bundle.href)) as LintFileModule;
  // Module hooks are per thread, and must be in place before the plugins load.
  installLintHooks();
  return import('./lint-file.ts');
}
