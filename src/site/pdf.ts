import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { preview } from 'astro';
import { EnvironmentError, UsageError } from '../errors/index.ts';
import { freePort } from './free-port.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps trying hosts a closed network refuses.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-pdf-header-footer'];

/**
 * Print the handbook's print page to a PDF with Chromium's own `--print-to-pdf`, from the built
 * site served on 127.0.0.1. The PDF is written whole or not at all (Chromium writes it at the end).
 */
export async function renderPdf(options: { root: string; outDir: string; output: string; chromium: string; base: string; userDataDir: string }): Promise<number> {
  if (!existsSync(options.chromium)) throw new EnvironmentError(`Cannot find Chromium at ${options.chromium}: install it (\`apt-get install -y chromium\`) or set PLAINBOOK_CHROMIUM.`);
  if (!existsSync(`${options.outDir}/print/index.html`)) throw new UsageError(`Cannot find ${options.outDir}/print/index.html: run \`npx plainbook build\` first.`);
  const port = await freePort();
  const server = await preview({ root: options.root, outDir: options.outDir, logLevel: 'error', server: { host: '127.0.0.1', port } });
  try {
    const url = `http://127.0.0.1:${port}${options.base.replace(/\/?$/, '/')}print/`;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(options.chromium, [...FLAGS, `--user-data-dir=${options.userDataDir}`, `--print-to-pdf=${options.output}`, url], { stdio: ['ignore', 'ignore', 'pipe'] });
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.on('error', (error) => reject(new EnvironmentError(`Cannot start Chromium at ${options.chromium}: ${error.message}`, { cause: error })));
      child.on('close', (code) => (code === 0 && existsSync(options.output) ? resolve() : reject(new EnvironmentError(`Chromium could not print ${url} (exit ${code}).\n${errors.slice(-2000)}`))));
    });
  } finally {
    await server.stop();
  }
  return statSync(options.output).size;
}
