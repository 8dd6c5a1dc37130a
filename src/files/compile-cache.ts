import module from 'node:module';

/** `astro dev` and `plainbook lint --watch` never exit normally, which is when Node writes the cache. */
const FLUSH_AFTER_MS = 10_000;

/**
 * Keep V8's compiled code on disk between runs (Node's default folder, in the system's temp
 * folder), as the `astro` command does: a second `plainbook build` or `lint` skips compiling
 * Astro, Vite and the lint rules again. Not in CI, where the cache is written once and never read
 * (Astro's reason too). It covers modules loaded after the call: import the rest late.
 */
export function keepCompiledCode(env: NodeJS.ProcessEnv = process.env): void {
  if (env.CI) return;
  try {
    module.enableCompileCache?.();
    setTimeout(() => {
      try {
        module.flushCompileCache?.();
      } catch {
        // Only a slower next start.
      }
    }, FLUSH_AFTER_MS).unref();
  } catch {
    // A cache folder that cannot be written only means a slower start.
  }
}
