import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * How a new handbook should depend on plainbook: the same package init runs from.
 * - From the registry (`npx plainbook@latest init`): `^<version>`.
 * - From a tarball or folder (`npx --package ./plainbook-0.2.0.tgz plainbook init`): npm exec
 *   installs it in a folder of its own whose package.json names that spec; the handbook gets
 *   the same `file:` spec, made absolute, so it installs what was tried.
 * - From a source checkout (not under node_modules): `file:` that folder.
 */
export function dependencySpec(packageRoot: string, version: string): string {
  const modules = dirname(packageRoot);
  if (basename(modules) !== 'node_modules') return `file:${packageRoot}`;
  const installer = dirname(modules);
  const spec = readDependency(join(installer, 'package.json'));
  if (spec?.startsWith('file:')) {
    const path = spec.slice('file:'.length);
    return `file:${isAbsolute(path) ? path : resolve(installer, path)}`;
  }
  return `^${version}`;
}

function readDependency(manifest: string): string | undefined {
  if (!existsSync(manifest)) return undefined;
  try {
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> };
    return json.dependencies?.plainbook;
  } catch {
    return undefined;
  }
}
