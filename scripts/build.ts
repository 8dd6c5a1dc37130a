/**
 * `npm run build`: the handbook site and its search index, in `dist/`.
 * Options: --out-dir <dir>, --cache-dir <dir>, --force (drop Astro's content cache), --debug.
 */
import { build } from 'astro';
import { parseOptions } from '../src/cli/options.ts';
import { runCli } from '../src/cli/run-cli.ts';
import { loadSettings } from '../src/config/settings.ts';
import { contentBuildError } from '../src/site/build-errors.ts';

await runCli(async () => {
  const { values } = parseOptions({
    options: {
      'out-dir': { type: 'string' },
      'cache-dir': { type: 'string' },
      force: { type: 'boolean' },
      debug: { type: 'boolean' },
    },
  });
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  const root = process.cwd();
  const settings = loadSettings(root);
  try {
    await build({
      root,
      ...(values['out-dir'] ? { outDir: values['out-dir'] } : {}),
      ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}),
      ...(values.force ? { force: true } : {}),
    });
  } catch (error) {
    throw contentBuildError(error, settings.contentPath, root) ?? error;
  }
});
