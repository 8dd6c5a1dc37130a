/**
 * The check page's web worker: lints a draft with the same pipeline as `plainbook lint`, in the
 * reader's browser. Nothing leaves the page: the only requests are for the worker's own static
 * files (the dictionary), from the handbook's own site.
 */
import { lintSource, type LintContext } from '../lint/lint-file.ts';
import type { FileResult } from '../lint/result.ts';
import type { LintSettings } from '../schema/lint.ts';
import { proposePolicy, type Proposal, type ProposalDefaults } from './proposal.ts';
import { DICTIONARY_DIR } from './check-files.ts';
import { DICTIONARY_GLOBAL, DICTIONARY_PACKAGES, type DictionaryFiles } from './dictionaries.ts';

export interface LintRequest {
  /** Increases with every edit; the page drops any answer older than the newest it has shown. */
  id: number;
  text: string;
  /** The file the text comes from, when it does (tests); else the worker names it (`draftPath`). */
  path?: string;
  settings: LintSettings;
  personalWords: string;
}

/**
 * Sent by the page as it opens, before it has the draft: the worker fetches the word list and
 * builds the lint (speller, rules) with the handbook's settings while the page finishes loading,
 * so the first draft is checked at once. Nothing is answered; a failure shows on the first check.
 */
export interface PrepareRequest {
  prepare: true;
  settings: LintSettings;
  personalWords: string;
}

/** "Propose as a new policy": the file and GitHub's new-file address for the draft as it stands. */
export interface ProposeRequest {
  id: number;
  propose: { title: string; text: string; defaults: ProposalDefaults };
}

export type ProposeResponse = { id: number; proposal: Proposal } | { id: number; proposeError: string };

export type LintResponse = { id: number; result: FileResult } | { id: number; error: string };

/**
 * Posted once the worker's modules have loaded: a module worker drops messages that arrive
 * before its handler is set, so the page sends nothing until it has this.
 */
export const READY = 'plainbook-check-ready';

/**
 * A dictionary request that neither answers nor fails (a captive portal, a proxy holding the
 * connection) must not leave the page saying "Checking…" for ever. The English dictionary is
 * 192 KB gzipped: 10 s at 150 kbit/s, so 30 s is slow-line room, not a guess at success.
 */
export const DICTIONARY_TIMEOUT_MS = 30_000;

/**
 * How the worker names a draft to the lint: one that starts with a frontmatter block is a policy
 * file, read as MDX like the handbook's; anything else (text pasted from a document) as Markdown,
 * where `<` and `{` are just characters.
 */
export function draftPath(text: string): string {
  return /^---\r?\n/.test(text) ? 'draft.mdx' : 'draft.md';
}

/**
 * What the lint reads: the draft with a final newline. A file without one gets a style finding;
 * a text box never has one, and that finding would head every check.
 */
export function draftSource(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

const store = ((globalThis as Record<string, unknown>)[DICTIONARY_GLOBAL] ??= {}) as Record<string, DictionaryFiles>;

const fetching = new Map<string, Promise<void>>();

/** Fetched once per language, however many checks ask at the same time; a failure is asked again next time. */
function ensureDictionary(language: LintSettings['language']): Promise<void> {
  const name = DICTIONARY_PACKAGES[language];
  let pending = fetching.get(name);
  if (!pending) {
    pending = fetchDictionary(name);
    fetching.set(name, pending);
    pending.catch(() => fetching.delete(name));
  }
  return pending;
}

async function fetchDictionary(name: string): Promise<void> {
  if (store[name]) return;
  const bytes = async (file: string) => {
    const response = await fetch(new URL(`${DICTIONARY_DIR}${name}/${file}`, import.meta.url), { signal: AbortSignal.timeout(DICTIONARY_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`Unexpected answer \`${response.status}\` for the word list \`${file}\`, expected the file.`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const [aff, dic] = await Promise.all([bytes('index.aff'), bytes('index.dic')]);
  store[name] = { aff, dic };
}

// The lint keeps its processors per context object: one context per settings and word list, so
// an edit reuses them instead of building the pipeline again.
let lastContext: { key: string; context: LintContext } | undefined;
function contextFor(request: LintRequest): LintContext {
  const key = JSON.stringify([request.settings, request.personalWords]);
  if (lastContext?.key !== key) lastContext = { key, context: { settings: request.settings, personalWords: request.personalWords, suggest: true } };
  return lastContext.context;
}

export async function check(request: LintRequest): Promise<LintResponse> {
  try {
    await ensureDictionary(request.settings.language);
    return { id: request.id, result: await lintSource(request.path ?? draftPath(request.text), draftSource(request.text), contextFor(request)) };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A sentence to check while waiting for the draft: it builds every rule's pipeline once. */
const WARM_UP = 'We help you.\n';

export async function prepare(request: PrepareRequest): Promise<void> {
  await check({ id: 0, path: 'draft.md', text: WARM_UP, settings: request.settings, personalWords: request.personalWords });
}

export function propose(request: ProposeRequest): ProposeResponse {
  try {
    const { title, text, defaults } = request.propose;
    return { id: request.id, proposal: proposePolicy(title, text, defaults) };
  } catch (error) {
    return { id: request.id, proposeError: error instanceof Error ? error.message : String(error) };
  }
}

if ('WorkerGlobalScope' in globalThis) {
  self.onmessage = async (event: MessageEvent<LintRequest | PrepareRequest | ProposeRequest>) => {
    if ('prepare' in event.data) return void (await prepare(event.data));
    if ('propose' in event.data) return self.postMessage(propose(event.data));
    self.postMessage(await check(event.data));
  };
  self.postMessage(READY);
}
