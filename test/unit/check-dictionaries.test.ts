import { afterEach, describe, expect, it } from 'vitest';
import { DICTIONARY_GLOBAL, DICTIONARY_PACKAGES, standInSource } from '../../src/check/dictionaries.ts';
import { LINT_LANGUAGES } from '../../src/schema/lint.ts';

const load = (name: string) => import(/* @vite-ignore */ `data:text/javascript;charset=utf-8,${encodeURIComponent(standInSource(name))}#${Math.random()}`);

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[DICTIONARY_GLOBAL];
});

describe("the check worker's dictionary stand-ins", () => {
  it('names a package for every lint language', () => {
    expect(Object.keys(DICTIONARY_PACKAGES).sort()).toEqual([...LINT_LANGUAGES].sort());
  });

  it('hands the speller the files the worker fetched', async () => {
    const files = { aff: new Uint8Array([1]), dic: new Uint8Array([2]) };
    (globalThis as Record<string, unknown>)[DICTIONARY_GLOBAL] = { 'dictionary-en-gb': files };
    expect((await load('dictionary-en-gb')).default).toBe(files);
  });

  it('says which dictionary is missing when the worker did not fetch it', async () => {
    await expect(load('dictionary-en-au')).rejects.toThrowErrorMatchingInlineSnapshot(
      `[Error: Unexpected missing dictionary \`dictionary-en-au\`, expected the check worker to fetch it first]`,
    );
  });
});
