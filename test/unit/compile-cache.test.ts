import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs `plainbook --version` with its own temp folder, where Node keeps the compile cache. */
function versionWith(env: NodeJS.ProcessEnv) {
  const temp = mkdtempSync(join(tmpdir(), 'plainbook-compile-cache-'));
  const { CI: _ci, NODE_COMPILE_CACHE: _cache, NODE_DISABLE_COMPILE_CACHE: _off, ...rest } = process.env;
  const result = spawnSync(process.execPath, [resolve('src/bin/plainbook.ts'), '--version'], { encoding: 'utf8', env: { ...rest, TMPDIR: temp, ...env } });
  expect(result.status, result.stderr).toBe(0);
  return join(temp, 'node-compile-cache');
}

describe('the plainbook command keeps compiled code between runs', () => {
  it('on an editor\'s machine, writes the commands\' modules to the cache', () => {
    const cache = versionWith({});
    expect(existsSync(cache)).toBe(true);
    const [version] = readdirSync(cache);
    // The CLI's own modules are imported after the cache is on, so they are in it, not only Node's.
    expect(readdirSync(join(cache, version ?? '')).length).toBeGreaterThan(10);
  });

  it('in CI, writes nothing (the cache would never be read)', () => {
    expect(existsSync(versionWith({ CI: 'true' }))).toBe(false);
  });
});
