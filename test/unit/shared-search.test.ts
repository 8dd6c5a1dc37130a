import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Parent, Root, SentenceContent } from 'nlcst';
import { search as original } from 'nlcst-search';
import { toString } from 'nlcst-to-string';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { search as shared, type Options } from '../../src/lint/shared-search.ts';

const TEXT = `We will utilize the form. It's "utilize" in quotes, and don't re-enter it: e-mail the
chairman or the chairmen. The box was taken by a man, then the form was sent.

A lot of the time, in order to help, we simply ask. Utilize it: a lot of staff utilize it.
Don't wait. The policeman's note said “actually” twice; we actually looked.`;

const PHRASES = ['utilize', 'in order to', 'a lot of', 'chairman', 'chairmen', 'dont', "don't", 'reenter', 're-enter', 'e-mail', 'was *', '* the form', 'actually', "policeman's", 'Utilize it', 'simply'];

const parse = (text: string) => unified().use(retextEnglish).parse(text) as Root;

type Search = (tree: Root, phrases: string[], handler: Parameters<typeof shared>[2], options?: Options) => undefined;

/** Every handler call a search makes, in order, with the nodes it was given. */
function calls(run: Search, tree: Root, phrases: string[], options?: Options) {
  const seen: { phrase: string; index: number; parent: Parent; nodes: SentenceContent[]; text: string }[] = [];
  run(tree, phrases, (nodes, index, parent, phrase) => {
    seen.push({ phrase, index, parent, nodes, text: toString(nodes) });
  }, options);
  return seen;
}

describe('the shared phrase search', () => {
  const OPTIONS: (Options | undefined)[] = [undefined, { allowApostrophes: true }, { allowDashes: true }, { allowLiterals: true }, { allowApostrophes: true, allowDashes: true, allowLiterals: true }];

  it.each(OPTIONS.map((options) => [JSON.stringify(options ?? {}), options]))('finds what nlcst-search finds, in the same order, with %s', (_, options) => {
    const tree = parse(TEXT);
    const expected = calls(original, tree, PHRASES, options);
    expect(expected.length).toBeGreaterThan(8);
    // Twice on the same tree: the second search uses the words the first one found.
    expect(calls(shared, tree, PHRASES, options)).toEqual(expected);
    expect(calls(shared, tree, PHRASES, options)).toEqual(expected);
  });

  it('keeps each list and each normalisation apart when searches share a tree', () => {
    const tree = parse(TEXT);
    const lists: string[][] = [PHRASES, ['form', 'the form was'], PHRASES.slice(2), []];
    for (const options of OPTIONS) for (const list of lists) expect(calls(shared, tree, list, options)).toEqual(calls(original, tree, list, options));
  });

  it('searches part of a tree (one paragraph) by its own words', () => {
    const tree = parse(TEXT);
    const paragraph = tree.children.find((node) => node.type === 'ParagraphNode')!;
    calls(shared, tree, PHRASES);
    const found = calls(shared, paragraph as unknown as Root, PHRASES);
    expect(found).toEqual(calls(original, paragraph as unknown as Root, PHRASES));
    expect(found.map((call) => call.text)).not.toContain('in order to');
  });

  it('walks the tree again when a word has moved since the last search', () => {
    const tree = parse('We utilize the form. We utilize it again.');
    expect(calls(shared, tree, ['utilize']).map((call) => call.index)).toEqual([2, 2]);
    const sentence = (tree.children[0] as Parent).children[0] as Parent;
    sentence.children.splice(0, 2);
    expect(calls(shared, tree, ['utilize'])).toEqual(calls(original, tree, ['utilize']));
    expect(calls(shared, tree, ['utilize']).map((call) => call.index)).toEqual([0, 2]);
  });

  it('indexes a list again when phrases were added to it', () => {
    const tree = parse('We utilize the form, in order to help.');
    const list = ['utilize'];
    expect(calls(shared, tree, list).map((call) => call.phrase)).toEqual(['utilize']);
    list.push('in order to');
    expect(calls(shared, tree, list).map((call) => call.phrase)).toEqual(['utilize', 'in order to']);
  });

  it('rejects what nlcst-search rejects, with the same errors', () => {
    expect(() => shared(undefined as unknown as Root, [], () => {})).toThrow(new Error('Expected node'));
    expect(() => shared({} as Root, [], () => {})).toThrow(new Error('Expected node'));
    expect(() => shared(parse('Hi.'), 'hi' as unknown as string[], () => {})).toThrow(new TypeError('Expected object for phrases'));
  });
});

describe('the lint threads’ module hooks', () => {
  // The four phrase rules as the lint runs them, in a fresh Node with or without the hooks.
  const script = (hooks: boolean) => `
    ${hooks ? `const { installLintHooks } = await import(${JSON.stringify(resolve('src/lint/lint-hooks.ts'))}); installLintHooks();` : ''}
    const { unified } = await import('unified');
    const { VFile } = await import('vfile');
    const plugins = await Promise.all(['retext-english', 'retext-equality', 'retext-simplify', 'retext-passive', 'retext-intensify'].map((name) => import(name)));
    const processor = plugins.reduce((chain, plugin) => chain.use(plugin.default), unified());
    const file = new VFile(${JSON.stringify(TEXT)});
    await processor.run(processor.parse(file), file);
    const searched = (await import('nlcst-search')).search;
    const ours = (await import(${JSON.stringify(resolve('src/lint/shared-search.ts'))})).search;
    console.log(JSON.stringify({ shared: searched === ours, messages: file.messages.map((message) => message.source + ' ' + message.ruleId + ' ' + message.place?.start?.line + ':' + message.place?.start?.column + ' ' + message.reason) }));`;
  const run = (hooks: boolean) => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script(hooks)], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as { shared: boolean; messages: string[] };
  };

  it('load the shared search for retext-equality, -simplify, -passive and -intensify, which then report the same', () => {
    const hooked = run(true);
    const plain = run(false);
    expect(hooked.shared).toBe(true);
    expect(plain.shared).toBe(false);
    expect(hooked.messages.length).toBeGreaterThan(8);
    // Each of the four rules found something, so each one's search was put to the test.
    expect(new Set(hooked.messages.map((message) => message.split(' ')[0]))).toEqual(new Set(['retext-equality', 'retext-simplify', 'retext-passive', 'retext-intensify']));
    expect(hooked.messages).toEqual(plain.messages);
  });
});
