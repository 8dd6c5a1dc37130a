import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs `plainbook --version` with its own temp folder, where Node keeps the compile cache; what the cache holds after. */
function cacheAfterVersion(env: NodeJS.ProcessEnv): string[] | undefined {
  const temp = mkdtempSync(join(tmpdir(), 'plainbook-compile-cache-'));
  const { CI: _ci, NODE_COMPILE_CACHE: _cache, NODE_DISABLE_COMPILE_CACHE: _off, ...rest } = process.env;
  const result = spawnSync(process.execPath, [resolve('src/bin/plainbook.ts'), '--version'], { encoding: 'utf8', env: { ...rest, TMPDIR: temp, ...env } });
  try {
    expect(result.status, result.stderr).toBe(0);
    const cache = join(temp, 'node-compile-cache');
    if (!existsSync(cache)) return undefined;
    // One folder per Node version, holding one file per module compiled.
    return readdirSync(cache).flatMap((version) => readdirSync(join(cache, version)));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

describe('the plainbook command keeps compiled code between runs', () => {
  it('on an editor\'s machine, writes the commands\' modules to the cache', () => {
    // The CLI's own modules are imported after the cache is on, so they are in it, not only Node's.
    expect(cacheAfterVersion({})?.length).toBeGreaterThan(10);
  });

  it('in CI, writes nothing (the cache would never be read)', () => {
    expect(cacheAfterVersion({ CI: 'true' })).toBeUndefined();
  });
});
