/** `plainbook pdf`: the whole handbook as one PDF, printed by Chromium from the built site. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandLine, printUsage } from '../command/options.ts';
import { userPath } from '../command/project.ts';
import { EXIT } from '../command/exit-codes.ts';
import type { CliIo } from '../command/io.ts';
import { loadSettings } from '../config/settings.ts';
import { DEFAULT_CHROMIUM, renderPdf } from './pdf.ts';

const USAGE = `Usage: plainbook pdf [options]

  --out-dir <dir>   the built site (default: dist)
  --output <file>   where to write the PDF (default: <out-dir>/handbook.pdf)
  --debug           print stack traces

Needs Chromium: /usr/bin/chromium, or the path in PLAINBOOK_CHROMIUM.`;

export async function pdfCli(argv: string[], io: CliIo): Promise<number> {
  const { values } = commandLine(argv, USAGE, { 'out-dir': { type: 'string' }, output: { type: 'string' } });
  if (values.help) return printUsage(io, USAGE);
  const cwd = io.cwd ?? io.root;
  const outDir = values['out-dir'] ? userPath(cwd, values['out-dir']) : join(io.root, 'dist');
  const output = values.output ? userPath(cwd, values.output) : join(outDir, 'handbook.pdf');
  const userDataDir = mkdtempSync(join(tmpdir(), 'plainbook-pdf-'));
  try {
    const size = await renderPdf({ root: io.root, outDir, output, chromium: io.env.PLAINBOOK_CHROMIUM ?? DEFAULT_CHROMIUM, base: loadSettings(io.root, io.env).base, userDataDir });
    io.stdout(`Wrote ${output} (${Math.round(size / 1024)} KB).\n`);
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return EXIT.ok;
}
