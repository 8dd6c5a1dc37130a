/**
 * The worker's word list: fetched once per language, or handed over by the page. The page's
 * inline script fetches it while the worker itself is still downloading (two downloads at once
 * instead of one after the other: about a second on a slow phone line), then transfers the bytes.
 */
import { DICTIONARY_DIR, DICTIONARY_TIMEOUT_MS } from './check-files.ts';
import { DICTIONARY_GLOBAL, DICTIONARY_PACKAGES, type DictionaryFiles } from './dictionaries.ts';
import type { LintLanguage } from '../schema/lint-rules.ts';

/** The page's word list for one language, or no files when the page could not fetch them. */
export interface DictionaryDelivery {
  dictionary: { language: LintLanguage; aff?: ArrayBuffer; dic?: ArrayBuffer };
}

// Read by the bundle's stand-in `dictionary-*` modules (dictionaries.ts).
const store = ((globalThis as Record<string, unknown>)[DICTIONARY_GLOBAL] ??= {}) as Record<string, DictionaryFiles>;
const loading = new Map<string, Promise<void>>();
const deliveries = new Map<string, { promise: Promise<DictionaryFiles | undefined>; resolve: (files: DictionaryFiles | undefined) => void }>();

/** The page said it sends this language's files: wait for them rather than fetch them twice. */
export function expectDelivery(language: LintLanguage): void {
  const name = DICTIONARY_PACKAGES[language];
  if (deliveries.has(name) || store[name]) return;
  let resolve!: (files: DictionaryFiles | undefined) => void;
  const promise = new Promise<DictionaryFiles | undefined>((done) => (resolve = done));
  deliveries.set(name, { promise, resolve });
}

export function deliverDictionary({ dictionary }: DictionaryDelivery): void {
  const name = DICTIONARY_PACKAGES[dictionary.language];
  const files = dictionary.aff && dictionary.dic ? { aff: new Uint8Array(dictionary.aff), dic: new Uint8Array(dictionary.dic) } : undefined;
  const waiting = deliveries.get(name);
  deliveries.delete(name);
  if (files) store[name] ??= files;
  waiting?.resolve(files);
}

/** Loaded once per language, however many checks ask at the same time; a failure is tried again next time. */
export function ensureDictionary(language: LintLanguage): Promise<void> {
  const name = DICTIONARY_PACKAGES[language];
  let pending = loading.get(name);
  if (!pending) {
    pending = loadDictionary(name);
    loading.set(name, pending);
    pending.catch(() => loading.delete(name));
  }
  return pending;
}

async function loadDictionary(name: string): Promise<void> {
  const delivered = await deliveries.get(name)?.promise;
  if (delivered) store[name] ??= delivered;
  if (store[name]) return;
  // Not sent by the page (no inline script, or its fetch failed): fetched here.
  const bytes = async (file: string) => {
    const response = await fetch(new URL(`${DICTIONARY_DIR}${name}/${file}`, import.meta.url), { signal: AbortSignal.timeout(DICTIONARY_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`Unexpected answer \`${response.status}\` for the word list \`${file}\`, expected the file.`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const [aff, dic] = await Promise.all([bytes('index.aff'), bytes('index.dic')]);
  store[name] = { aff, dic };
}
