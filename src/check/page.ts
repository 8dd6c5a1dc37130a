/**
 * The check page in the browser: starts the lint worker, sends it the newest draft as the
 * editor types (latest-only.ts), and shows the answer: the grade against the target, each
 * finding with its place, rule, message and suggestion, and the draft with the findings marked.
 * Every piece of the draft reaches the page as text nodes, never as HTML.
 */
import type { LintMessage } from '../lint/result.ts';
import { formatGrade, shownGrade } from '../lint/shown-grade.ts';
import { READY } from './check-files.ts';
import { LatestOnly } from './latest-only.ts';
import { lineStarts, markedRuns, offsetOf } from './marks.ts';
import type { CheckPageData } from './page-data.ts';
import { isProposeResponse, startProposing } from './propose-view.ts';
import type { LintRequest, LintResponse } from './worker.ts';

/**
 * A draft this long is a whole handbook pasted at once: a policy runs 2,000 to 8,000 characters.
 * Longer drafts lint in seconds on a phone and freeze nothing (the worker does the work), but the
 * marked copy would be too long to read; check it in parts.
 */
export const MAX_DRAFT_CHARACTERS = 100_000;

/** A worker script that neither loads nor fails (a hanging connection) gets this long. */
export const WORKER_START_TIMEOUT_MS = 30_000;

/** Kept for this tab only: a reload keeps the draft, closing the tab forgets it. */
const DRAFT_KEY = 'plainbook-check-draft';

export const MESSAGES = {
  empty: 'Type or paste a draft to check it.',
  tooLong: (length: number) => `Your draft has ${length.toLocaleString('en')} characters. This page checks up to ${MAX_DRAFT_CHARACTERS.toLocaleString('en')}: check it in parts.`,
  noWorker: 'This browser cannot run the checks. Open this page in a newer browser.',
  failed: 'The checks could not load. Check your connection, then reload this page.',
  checking: 'Checking…',
} as const;

export interface Elements {
  draft: HTMLTextAreaElement;
  status: HTMLElement;
  results: HTMLElement;
  findings: HTMLElement;
  marked: HTMLElement;
}

/** What the page's inline script started before this module ran (check.astro). */
export interface EarlyStart {
  worker: Worker | undefined;
  /** The worker's messages before this module listened. */
  messages: unknown[];
  failed: boolean;
  /** Set when this module listens: the inline script keeps no more messages. */
  taken: boolean;
}

declare global {
  interface Window {
    plainbookCheckStart?: EarlyStart;
  }
}

export function startCheckPage(root: HTMLElement, page: Document): void {
  const data = JSON.parse(page.getElementById('check-page-data')?.textContent ?? '{}') as CheckPageData;
  const elements = pageElements(root);
  if (!elements) return;
  const { draft, status } = elements;
  // Started by the page's inline script (check.astro), which runs before this module.
  const early: EarlyStart = window.plainbookCheckStart ?? { worker: undefined, messages: [], failed: false, taken: true };
  const worker = early.worker;
  if (!worker) {
    status.textContent = MESSAGES.noWorker;
    return;
  }
  let ready = false;
  let failed = false;
  const fail = (message: string) => {
    failed = true;
    status.textContent = message;
    worker.terminate();
  };
  const timeout = setTimeout(() => fail(MESSAGES.failed), WORKER_START_TIMEOUT_MS);
  const asking = new LatestOnly<string, LintResponse>(
    (id, text) => worker.postMessage({ id, text, settings: data.lint, personalWords: data.personalWords } satisfies LintRequest),
    (reply, text = '') => {
      if ('error' in reply) status.textContent = `${MESSAGES.failed} (${reply.error})`;
      else showResult(elements, text, reply.result.messages, reply.result.metrics?.fleschKincaidGrade, reply.result.targetGrade);
    },
  );
  const proposing = startProposing(root, worker, data.propose, () => draft.value);
  const checkDraft = () => {
    if (failed) return;
    remember(draft.value);
    if (!ready) return;
    proposing.update();
    if (draft.value.trim() === '') return showEmpty(elements);
    if (draft.value.length > MAX_DRAFT_CHARACTERS) return showTooLong(elements, draft.value.length);
    if (!asking.busy) status.textContent = MESSAGES.checking;
    asking.ask(draft.value);
  };
  const receive = (message: unknown) => {
    if (message === READY) {
      clearTimeout(timeout);
      ready = true;
      checkDraft();
    } else if (isProposeResponse(message)) proposing.answered(message);
    else asking.answered(message as LintResponse);
  };
  const failToStart = () => {
    clearTimeout(timeout);
    fail(MESSAGES.failed);
  };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => receive(event.data));
  worker.addEventListener('error', failToStart);
  draft.value ||= recalled();
  draft.addEventListener('input', checkDraft);
  early.taken = true;
  if (early.failed) return failToStart();
  for (const message of early.messages.splice(0)) receive(message);
}

function pageElements(root: HTMLElement): Elements | undefined {
  const draft = root.querySelector<HTMLTextAreaElement>('#check-draft');
  const status = root.querySelector<HTMLElement>('#check-status');
  const results = root.querySelector<HTMLElement>('[data-check-results]');
  const findings = root.querySelector<HTMLElement>('[data-check-findings]');
  const marked = root.querySelector<HTMLElement>('[data-check-marked]');
  return draft && status && results && findings && marked ? { draft, status, results, findings, marked } : undefined;
}

function showEmpty(elements: Elements): void {
  elements.status.textContent = MESSAGES.empty;
  elements.results.hidden = true;
}

function showTooLong(elements: Elements, length: number): void {
  elements.status.textContent = MESSAGES.tooLong(length);
  elements.results.hidden = true;
}

/** "Reading grade 7.2, target 6 or lower: too hard. 3 things to fix." */
export function statusLine(grade: number | undefined, targetGrade: number, findings: number): string {
  const count = findings === 0 ? 'Nothing to fix.' : findings === 1 ? '1 thing to fix.' : `${findings} things to fix.`;
  if (grade === undefined) return `The draft could not be read: see the first thing to fix. ${count}`;
  const verdict = shownGrade(grade) <= targetGrade ? 'on target' : 'too hard';
  return `Reading grade ${formatGrade(grade)}, target ${targetGrade} or lower: ${verdict}. ${count}`;
}

function showResult(elements: Elements, text: string, messages: readonly LintMessage[], grade: number | undefined, targetGrade: number): void {
  elements.status.textContent = statusLine(grade, targetGrade, messages.length);
  elements.results.hidden = messages.length === 0;
  elements.findings.replaceChildren(...messages.map((message) => findingItem(message, elements.draft, text)));
  elements.marked.replaceChildren(...markedNodes(text, messages));
}

/** The words the lint suggests instead, when it has some (not the grade's target). */
export function suggestion(message: Pick<LintMessage, 'ruleId' | 'actual' | 'expected'>): string | undefined {
  if (message.ruleId === 'document-grade' || !message.actual || !message.expected?.length) return undefined;
  return `Try: ${message.expected.join(', ')}`;
}

function findingItem(message: LintMessage, draft: HTMLTextAreaElement, text: string): HTMLLIElement {
  const item = document.createElement('li');
  const where = document.createElement('button');
  where.type = 'button';
  where.className = 'check-where';
  where.textContent = `${message.line}:${message.column}`;
  // The name starts with the text shown (WCAG 2.5.3: a voice user says what they see).
  where.setAttribute('aria-label', `${message.line}:${message.column}, line ${message.line} column ${message.column}: show it in the draft`);
  where.addEventListener('click', () => selectInDraft(draft, text, message));
  const severity = span(message.severity === 'error' ? 'check-error' : 'check-warning', message.severity === 'error' ? 'must fix' : 'advice');
  const rule = span('check-rule', message.ruleId);
  const reason = span('check-reason', '');
  reason.append(...withCode(message.reason));
  item.append(where, ' ', severity, ' ', rule, ' ', reason);
  const instead = suggestion(message);
  if (instead) item.append(' ', span('check-suggestion', instead));
  return item;
}

/** The lint's messages put values in backticks, as Markdown: shown as code, still as text. */
function withCode(reason: string): Node[] {
  return reason.split(/`([^`]*)`/).map((part, index) => {
    if (index % 2 === 0) return document.createTextNode(part);
    const code = document.createElement('code');
    code.textContent = part;
    return code;
  });
}

function span(className: string, text: string): HTMLSpanElement {
  const node = document.createElement('span');
  node.className = className;
  node.textContent = text;
  return node;
}

/** Selects the finding's words in the textarea, if the draft there is still the one checked. */
function selectInDraft(draft: HTMLTextAreaElement, text: string, message: LintMessage): void {
  if (draft.value !== text) return;
  const starts = lineStarts(text);
  draft.focus();
  draft.setSelectionRange(offsetOf(starts, text.length, message.line, message.column), offsetOf(starts, text.length, message.endLine, message.endColumn));
}

function markedNodes(text: string, messages: readonly LintMessage[]): Node[] {
  return markedRuns(text, messages).flatMap((run): Node[] => {
    if (run.findings.length === 0) return [document.createTextNode(run.text)];
    const mark = document.createElement('mark');
    mark.textContent = run.text;
    // On hover, what the numbers stand for; the list says the same to everyone.
    mark.title = run.findings.map((number) => `${number}. ${messages[number - 1]?.ruleId}: ${messages[number - 1]?.reason}`).join('\n');
    // Words under two findings at once (a long word in a hard sentence) are marked darker.
    if (run.findings.length > 1) mark.dataset.overlap = '';
    if (run.ends.length === 0) return [mark];
    const numbers = document.createElement('sup');
    numbers.textContent = run.ends.join(',');
    return [mark, numbers];
  });
}

function remember(text: string): void {
  try {
    sessionStorage.setItem(DRAFT_KEY, text);
  } catch {
    // Storage off or full: the draft stays in the box, only a reload loses it.
  }
}

function recalled(): string {
  try {
    return sessionStorage.getItem(DRAFT_KEY) ?? '';
  } catch {
    return '';
  }
}
