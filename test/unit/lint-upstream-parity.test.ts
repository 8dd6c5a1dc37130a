/**
 * Two rules run differently from their retext plugins, for speed (see each rule's module):
 * `readability` is our own module, `equality` runs retext-equality once per page. Both must
 * report exactly what the plugins report: checked on the shipped handbook, the lint and prose
 * fixtures and generated pages.
 */
import { readFileSync } from 'node:fs';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import upstreamEquality from 'retext-equality';
import upstreamReadability from 'retext-readability';
import { glob } from 'tinyglobby';
import { unified, type Plugin, type Processor } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { policySource } from '../../src/bench/generate-handbook.ts';
import { PROSE_OPTIONS } from '../../src/lint/prose.ts';
import equality from '../../src/lint/rules/equality.ts';
import readability from '../../src/lint/rules/readability.ts';

const MIN_WORDS = 8;
const THRESHOLD = 5 / 7;

/** The upstream plugins and ours have different option types; the test passes each its own. */
type AnyPlugin = Plugin<[object]>;

async function flagged(text: string, mdx: boolean, plugin: unknown, options: object): Promise<string[]> {
  const retext = unified().use(retextEnglish).use(plugin as AnyPlugin, options);
  const processor = (
    mdx ? unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx).use(remarkRetext, retext as never, PROSE_OPTIONS as never) : retext
  ) as unknown as Processor;
  const file = new VFile(text);
  await processor.run(processor.parse(file), file);
  return file.messages.map((message) => {
    const agreeing = /`(\d+)` of|according to (\d+) out of/.exec(message.reason);
    const count = agreeing ? (agreeing[1] ?? agreeing[2]) : message.reason.includes('according to all') ? '7' : '?';
    const place = message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}-${message.place.end.line}:${message.place.end.column}` : '?';
    return message.source === 'retext-equality' ? `${place} ${message.ruleId} ${message.reason}` : `${place} ${count}`;
  });
}

async function corpus(): Promise<{ name: string; text: string; mdx: boolean }[]> {
  const pages = await glob(['content/**/*.mdx'], { cwd: process.cwd() });
  const prose = await glob(['test/fixtures/prose/*.txt', 'test/fixtures/lint/*.mdx'], { cwd: process.cwd() });
  return [
    ...[...pages, ...prose].sort().map((name) => ({ name, text: readFileSync(name, 'utf8'), mdx: name.endsWith('.mdx') })),
    ...Array.from({ length: 10 }, (_, index) => ({ name: `generated-${index}`, text: policySource(index, '/components.ts'), mdx: true })),
  ].filter((entry) => entry.name !== 'test/fixtures/lint/parse-error.mdx');
}

describe('readability rule against retext-readability', () => {
  it.each([2, 4, 6, 9, 12])('flags the same sentences at grade %i', async (grade) => {
    let total = 0;
    for (const { name, text, mdx } of await corpus()) {
      const ours = await flagged(text, mdx, readability, { targetGrade: grade, minWords: MIN_WORDS, agreeing: Math.round(THRESHOLD * 7) });
      const theirs = await flagged(text, mdx, upstreamReadability, { age: grade + 6, minWords: MIN_WORDS, threshold: THRESHOLD });
      expect(ours, name).toEqual(theirs);
      total += ours.length;
    }
    // A comparison of two empty lists proves nothing: the corpus must have hard sentences.
    expect(total).toBeGreaterThan(0);
  });
});

describe('equality rule against retext-equality', () => {
  it.each([false, true])('reports the same words at the same places (binary: %s)', async (binary) => {
    let total = 0;
    for (const { name, text, mdx } of await corpus()) {
      const ours = (await flagged(text, mdx, equality, { binary })).sort();
      const theirs = (await flagged(text, mdx, upstreamEquality, { binary })).sort();
      expect(ours, name).toEqual(theirs);
      total += ours.length;
    }
    expect(total).toBeGreaterThan(5);
  });
});
