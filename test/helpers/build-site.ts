import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

/**
 * Run `plainbook build` as `npm run build` does, in a child process with its own output and
 * cache folders, so a test build never touches the developer's `dist/`. `cwd`: a handbook of
 * its own (its settings and astro.config.mjs), instead of the reference handbook.
 */
export function buildSite(env: Record<string, string> = {}, outDir?: string, extraArgs: readonly string[] = [], cwd?: string): Promise<BuildResult> {
  const work = mkdtempSync(join(tmpdir(), 'plainbook-build-'));
  const out = outDir ?? join(work, 'dist');
  const args = [resolve('src/bin/plainbook.ts'), 'build', '--out-dir', out, '--cache-dir', join(work, 'cache'), ...extraArgs];
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, args, {
      ...(cwd ? { cwd } : {}),
      env: { ...buildEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code, output, outDir: out }));
  });
}

// Vitest copies Vite's `import.meta.env` into process.env; a child build would read BASE_URL=/.
const RUNNER_VARIABLES = new Set(['NODE_ENV', 'TEST', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);

/** The test runner's environment minus what makes a build behave unlike `npm run build`. */
function buildEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (RUNNER_VARIABLES.has(name) || name.startsWith('VITEST')) delete env[name];
  }
  return env;
}
