/**
 * `npm run bench:import [-- --sizes 0.2,0.8,3.2 --kinds txt,md,html,docx --runs 1]`: how the
 * import's time and peak memory grow with the document. Generated policies (headings,
 * paragraphs, lists) of each size of text, imported with --dry-run in a new process each, as an
 * editor runs it; seconds per MB above a tiny document's time show whether the cost grows in a
 * straight line. Those documents pass the limits only because this runs the import with them
 * lifted (src/bench/import-without-limits.ts). Then the real CLI, limits on: a document just under
 * the word limit, and the four hostile documents, which it must refuse in seconds. A benchmark,
 * not a test: it prints numbers and never fails on them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { policyDocument, type DocumentKind } from '../src/bench/generate-documents.ts';
import { writeHandbook } from '../src/bench/generate-handbook.ts';
import { measure, summarise, type Sample } from '../src/bench/measure.ts';
import { parseOptions } from '../src/command/options.ts';
import { IMPORT_LIMITS } from '../src/import/limits.ts';
import { measureText } from '../src/import/measure-text.ts';
import { longPlainText, nestedHtml, nestedMarkdownList, zipBombDocx } from '../test/helpers/hostile-documents.ts';

const { values } = parseOptions({ options: { sizes: { type: 'string', default: '0.2,0.8,3.2' }, kinds: { type: 'string', default: 'txt,md,html,docx' }, runs: { type: 'string', default: '1' } } });
const sizes = values.sizes.split(',').map(Number);
const kinds = values.kinds.split(',') as DocumentKind[];
const runs = Number(values.runs);
const MB = 1024 * 1024;
const root = mkdtempSync(join(tmpdir(), 'plainbook-bench-import-'));
writeHandbook(root, 0, 'site:\n  title: Bench\n  url: https://bench.test/\n  repo: acme/bench\n');
const docs = join(root, 'docs');
mkdirSync(docs);

const CLI = resolve('src/bin/plainbook.ts');
const LIFTED = resolve('src/bench/import-without-limits.ts');
// Refused documents exit 1: a result, not a failure of the benchmark.
const importing = (file: string, script: string, command: string[]) => measure(process.execPath, [script, ...command, file, '--dry-run', '--owner', '@bench/team', '--format', 'json'], { cwd: root, okCodes: [0, 1] });
const timed = (run: () => Sample) => summarise(Array.from({ length: runs }, run));
const cell = (sample: Sample) => `${sample.seconds.toFixed(2)} | ${sample.peakMb ?? '–'}`;

async function write(name: string, content: Buffer | string): Promise<string> {
  const file = join(docs, name);
  writeFileSync(file, content);
  return file;
}

console.log(`Import, generated policies, --dry-run, limits lifted, median of ${runs} run${runs === 1 ? '' : 's'}, wall time and peak memory:`);
console.log('| document | text MB | file MB | words | seconds | peak MB | seconds per MB above a 1 KB one |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const kind of kinds) {
  const tiny = await write(`tiny.${kind}`, await policyDocument(kind, 1024));
  const start = timed(() => importing(tiny, LIFTED, []));
  for (const size of sizes) {
    const content = await policyDocument(kind, size * MB);
    const file = await write(`policy-${size}.${kind}`, content);
    const words = measureText((await policyDocument('txt', size * MB)).toString('utf8')).words;
    const sample = timed(() => importing(file, LIFTED, []));
    console.log(`| .${kind} | ${size} | ${(content.length / MB).toFixed(2)} | ${words.toLocaleString('en-US')} | ${cell(sample)} | ${((sample.seconds - start.seconds) / size).toFixed(1)} |`);
  }
}

console.log(`\nThe real CLI (\`plainbook import <file> --dry-run\`), limits on:`);
console.log('| document | size | seconds | peak MB | outcome |\n| --- | ---: | ---: | ---: | --- |');
const atLimit = await justUnderWordLimit();
const real: [string, string, Buffer | string][] = [
  ...kinds.map((kind): [string, string, Buffer | string] => [`.${kind} just under the word limit`, `at-limit.${kind}`, atLimit.get(kind) as Buffer]),
  ['.docx unpacking to 1.5 GB', 'bomb.docx', zipBombDocx(1.5 * 1024 * MB)],
  ['.html, 200,000 nested `<div>`s', 'nested.html', nestedHtml(200_000)],
  ['.md list nested 3,000 levels', 'deep.md', nestedMarkdownList(3000)],
  ['.txt of 20,000 paragraphs', 'big.txt', longPlainText(20_000)],
];
for (const [name, fileName, content] of real) {
  const file = await write(fileName, content);
  console.log(`| ${name} | ${(Buffer.byteLength(content) / MB).toFixed(1)} MB | ${cell(timed(() => importing(file, CLI, ['import'])))} | ${outcome(file)} |`);
}
rmSync(root, { recursive: true, force: true });

/** What the import said: imported, or the reason it refused (the message after the file's name). */
function outcome(file: string): string {
  const result = spawnSync(process.execPath, [CLI, 'import', file, '--dry-run', '--owner', '@bench/team'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status === 0) return 'imported';
  return `exit ${result.status}: ${(result.stderr.split('\n')[0] ?? '').replace(/^Cannot import [^:]+: /, '').replace(/;.*/, '')}`;
}

/** Each kind of document with as much generated text as fits under the word limit. */
async function justUnderWordLimit(): Promise<Map<DocumentKind, Buffer>> {
  const wordsIn = async (bytes: number) => measureText((await policyDocument('txt', bytes)).toString('utf8')).words;
  let size = Math.floor((0.5 * MB * IMPORT_LIMITS.words) / (await wordsIn(0.5 * MB)));
  while ((await wordsIn(size)) > IMPORT_LIMITS.words * 0.99) size = Math.floor(size * 0.99);
  return new Map(await Promise.all(kinds.map(async (kind): Promise<[DocumentKind, Buffer]> => [kind, await policyDocument(kind, size)])));
}
