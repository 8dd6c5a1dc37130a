/**
 * `npm run pdf`: the whole handbook as dist/handbook.pdf, printed by Chromium from the built site.
 * Options: --out-dir <built site> (default dist), --output <file> (default <out-dir>/handbook.pdf).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseOptions } from '../src/cli/options.ts';
import { runCli } from '../src/cli/run-cli.ts';
import { loadSettings } from '../src/config/settings.ts';
import { DEFAULT_CHROMIUM, renderPdf } from '../src/site/pdf.ts';

await runCli(async () => {
  const { values } = parseOptions({ options: { 'out-dir': { type: 'string', default: 'dist' }, output: { type: 'string' }, debug: { type: 'boolean' } } });
  const root = process.cwd();
  const outDir = resolve(values['out-dir']);
  const output = resolve(values.output ?? join(outDir, 'handbook.pdf'));
  const size = await renderPdf({
    root,
    outDir,
    output,
    chromium: process.env.PLAINBOOK_CHROMIUM ?? DEFAULT_CHROMIUM,
    base: loadSettings(root).base,
    userDataDir: mkdtempSync(join(tmpdir(), 'plainbook-pdf-')),
  });
  process.stdout.write(`Wrote ${output} (${Math.round(size / 1024)} KB).\n`);
});
