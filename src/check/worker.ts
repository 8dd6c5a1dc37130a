/**
 * The check page's web worker: lints a draft with the same pipeline as `plainbook lint`, in
 * the reader's browser. Nothing leaves the page: the only requests are for the worker's own
 * static files (the dictionary), from the handbook's own site.
 */
import { lintSource, type LintContext } from '../lint/lint-file.ts';
import type { FileResult } from '../lint/result.ts';
import type { LintSettings } from '../schema/lint.ts';
import { DICTIONARY_GLOBAL, DICTIONARY_PACKAGES, type DictionaryFiles } from './dictionaries.ts';

export interface CheckRequest {
  /** Increases with every edit; the page drops any answer older than the newest it has shown. */
  id: number;
  path: string;
  text: string;
  settings: LintSettings;
  personalWords: string;
  /** Folder holding `<package>/index.aff` and `index.dic`, relative to the worker. */
  dictionaryBase: string;
}

export type CheckResponse = { id: number; result: FileResult } | { id: number; error: string };

/**
 * Posted once the worker's modules have loaded. Sätteri's WASM binding loads with a top-level
 * await, and a module worker drops messages that arrive before its handler is set, so the page
 * sends nothing until it has this.
 */
export const READY = 'plainbook-check-ready';

const store = ((globalThis as Record<string, unknown>)[DICTIONARY_GLOBAL] ??= {}) as Record<string, DictionaryFiles>;

async function ensureDictionary(language: LintSettings['language'], base: string): Promise<void> {
  const name = DICTIONARY_PACKAGES[language];
  if (store[name]) return;
  const bytes = async (file: string) => new Uint8Array(await (await fetch(new URL(`${base}${name}/${file}`, import.meta.url))).arrayBuffer());
  const [aff, dic] = await Promise.all([bytes('index.aff'), bytes('index.dic')]);
  store[name] = { aff, dic };
}

// The lint keeps its processors per context object: one context per settings and word list, so
// an edit reuses them instead of building the pipeline again.
let lastContext: { key: string; context: LintContext } | undefined;
function contextFor(request: CheckRequest): LintContext {
  const key = JSON.stringify([request.settings, request.personalWords]);
  if (lastContext?.key !== key) lastContext = { key, context: { settings: request.settings, personalWords: request.personalWords, suggest: true } };
  return lastContext.context;
}

export async function check(request: CheckRequest): Promise<CheckResponse> {
  try {
    await ensureDictionary(request.settings.language, request.dictionaryBase);
    return { id: request.id, result: await lintSource(request.path, request.text, contextFor(request)) };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}

if ('WorkerGlobalScope' in globalThis) {
  self.onmessage = async (event: MessageEvent<CheckRequest>) => self.postMessage(await check(event.data));
  self.postMessage(READY);
}
