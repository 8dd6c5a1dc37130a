/**
 * The check page's web worker: lints a draft with the same pipeline as `plainbook lint`, in the
 * reader's browser. Nothing leaves the page: the only requests are for the worker's own static
 * files (the dictionary), from the handbook's own site.
 */
import { lintSource, type LintContext } from '../lint/lint-file.ts';
import type { FileResult } from '../lint/result.ts';
import type { LintSettings } from '../schema/lint.ts';
import { proposePolicy, type Proposal, type ProposalDefaults } from './proposal.ts';
import { READY } from './check-files.ts';
import { deliverDictionary, ensureDictionary, expectDelivery, type DictionaryDelivery } from './dictionary-loader.ts';

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
  /** The page fetches the word list itself, alongside this worker's own download, and sends it. */
  dictionaryFromPage?: boolean;
}

/** "Propose as a new policy": the file and GitHub's new-file address for the draft as it stands. */
export interface ProposeRequest {
  id: number;
  propose: { title: string; text: string; defaults: ProposalDefaults };
}

export type ProposeResponse = { id: number; proposal: Proposal } | { id: number; proposeError: string };

export type LintResponse = { id: number; result: FileResult } | { id: number; error: string };

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
  if (request.dictionaryFromPage) expectDelivery(request.settings.language);
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
  self.onmessage = async (event: MessageEvent<LintRequest | PrepareRequest | ProposeRequest | DictionaryDelivery>) => {
    if ('dictionary' in event.data) return deliverDictionary(event.data);
    if ('prepare' in event.data) return void (await prepare(event.data));
    if ('propose' in event.data) return self.postMessage(propose(event.data));
    self.postMessage(await check(event.data));
  };
  self.postMessage(READY);
}
