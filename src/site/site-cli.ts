/**
 * `plainbook build | dev | preview`: Astro's own commands on the handbook, so a handbook needs no
 * `astro` of its own (Plainbook brings the Astro it was tested with) and content errors read
 * like every other Plainbook error (file, line, field, fix).
 */
import { build, dev, preview } from 'astro';
import { commandLine, printUsage, wholeNumber } from '../command/options.ts';
import { EXIT } from '../command/exit-codes.ts';
import type { CliIo } from '../command/io.ts';
import { userPath } from '../command/project.ts';
import { loadSettings } from '../config/settings.ts';
import { contentBuildError } from './build-errors.ts';
import { finishBuildLint, lintOptions, reportBuildLint, startBuildLint } from './build-with-lint.ts';

const BUILD_USAGE = `Usage: plainbook build [options]

The handbook site and its search index, in dist/.

  --out-dir <dir>    write the site here instead of dist/
  --cache-dir <dir>  Astro's cache folder
  --force            drop Astro's content cache first
  --lint             lint the prose while building (in its own thread; the pages
                     take their reading grades from it); exits 1 on lint errors
                     once the site is built
  --format <pretty|github|json|markdown>  with --lint: the report (default: pretty)
  --summary <file>   with --lint: also append a Markdown report to this file
  --max-warnings <n> with --lint: fail when there are more warnings than this
  --no-cache         with --lint: lint every file again instead of reusing results
  --debug            print stack traces`;

export async function buildCli(argv: string[], io: CliIo): Promise<number> {
  const { values } = commandLine(argv, BUILD_USAGE, {
    'out-dir': { type: 'string' },
    'cache-dir': { type: 'string' },
    force: { type: 'boolean' },
    lint: { type: 'boolean' },
    format: { type: 'string', default: 'pretty' },
    summary: { type: 'string' },
    'max-warnings': { type: 'string' },
    cache: { type: 'boolean', default: true },
  }, { negatives: true });
  if (values.help) return printUsage(io, BUILD_USAGE);
  const lintReport = lintOptions(values);
  quietTelemetry(io);
  const settings = loadSettings(io.root, io.env);
  const cwd = io.cwd ?? io.root;
  // Started before Astro loads: its first seconds (config, content sync, bundling) leave a core free.
  const lint = lintReport ? startBuildLint(io.root, settings, values.cache) : undefined;
  // A failed lint is reported once the build is done (or failed on its own); not as an unhandled rejection.
  lint?.catch(() => undefined);
  try {
    await build({
      root: io.root,
      ...(values['out-dir'] ? { outDir: userPath(cwd, values['out-dir']) } : {}),
      ...(values['cache-dir'] ? { cacheDir: userPath(cwd, values['cache-dir']) } : {}),
      ...(values.force ? { force: true } : {}),
    });
  } catch (error) {
    throw contentBuildError(error, settings.contentPath, io.root) ?? error;
  } finally {
    if (lint) finishBuildLint();
  }
  if (!lint || !lintReport) return EXIT.ok;
  return reportBuildLint(await lint, lintReport, io);
}

const SERVE_USAGE = (command: 'dev' | 'preview') => `Usage: plainbook ${command} [--host <address>] [--port <n>]

${command === 'dev' ? 'Serve the handbook while you edit it; pages reload as you save.' : 'Serve the built handbook (run `plainbook build` first).'}`;

export const devCli = (argv: string[], io: CliIo) => serve('dev', argv, io);
export const previewCli = (argv: string[], io: CliIo) => serve('preview', argv, io);

async function serve(command: 'dev' | 'preview', argv: string[], io: CliIo): Promise<number> {
  const usage = SERVE_USAGE(command);
  const { values } = commandLine(argv, usage, { host: { type: 'string' }, port: { type: 'string' } });
  if (values.help) return printUsage(io, usage);
  quietTelemetry(io);
  loadSettings(io.root, io.env);
  const server = { ...(values.host ? { host: values.host } : {}), ...(values.port ? { port: wholeNumber('--port', values.port) } : {}) };
  const running = command === 'dev' ? await dev({ root: io.root, server }) : await preview({ root: io.root, server });
  // Serve until the user stops it (Ctrl-C ends the process).
  await new Promise<void>((resolve) => process.once('SIGINT', resolve));
  await running.stop();
  return EXIT.ok;
}

function quietTelemetry(io: CliIo): void {
  // Astro reads this from process.env; a handbook build should not phone home from CI.
  if (io.env.ASTRO_TELEMETRY_DISABLED === undefined) process.env.ASTRO_TELEMETRY_DISABLED = '1';
}
