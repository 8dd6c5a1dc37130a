/**
 * The check page's worker reads the Hunspell files the lint reads from disk: each
 * `dictionary-*` package is replaced in the browser bundle by a module that returns what the
 * worker fetched into `globalThis` before its first lint (the speller loads them lazily, so the
 * bytes are there by then).
 */
import type { LintLanguage } from '../schema/lint.ts';

/** The package each `lint.language` reads, as in src/lint/speller.ts. */
export const DICTIONARY_PACKAGES: Record<LintLanguage, string> = {
  'en-US': 'dictionary-en',
  'en-GB': 'dictionary-en-gb',
  'en-AU': 'dictionary-en-au',
  'en-CA': 'dictionary-en-ca',
};

export interface DictionaryFiles {
  aff: Uint8Array;
  dic: Uint8Array;
}

/** Where the worker leaves a package's files for the bundle's stand-in module. */
export const DICTIONARY_GLOBAL = 'plainbookDictionaries';

/** The stand-in module's source for one package (see bundle.ts). */
export function standInSource(packageName: string): string {
  return `const files = globalThis[${JSON.stringify(DICTIONARY_GLOBAL)}]?.[${JSON.stringify(packageName)}];
if (!files) throw new Error(${JSON.stringify(`Unexpected missing dictionary \`${packageName}\`, expected the check worker to fetch it first`)});
export default files;`;
}
