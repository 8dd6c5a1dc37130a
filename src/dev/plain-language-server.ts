/**
 * The dev server's side of the "Plain language" toolbar app: lints the page's source when the app
 * asks and whenever the file is saved, and sends the page's grade and messages to the browser.
 * Only in `astro dev`; nothing of it is in a build.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { ViteDevServer } from 'vite';
import { loadSettings } from '../config/settings.ts';
import { lintContext } from '../lint/context.ts';
import { isEnglishPage } from '../lint/languages.ts';
import { lintSource } from '../lint/lint-file.ts';
import { formatGrade, shownGrade } from '../lint/metrics.ts';
import { toString } from 'mdast-util-to-string';
import { parseDocument } from '../markdown/syntax.ts';

export const LINT_REQUEST = 'plainbook:plain-language:request';
export const LINT_RESULT = 'plainbook:plain-language:result';

export interface PageFinding {
  line: number;
  column: number;
  ruleId: string;
  severity: 'error' | 'warning';
  reason: string;
  /** The flagged words as plain text, to find on the rendered page; empty when the message is about the page. */
  text: string;
}

export interface PageReport {
  /** Repository-relative path of the page's source. */
  file: string;
  targetGrade: number;
  /** The reading grade as every report prints it (one decimal). */
  grade: string | undefined;
  /** Whether that grade meets the target, compared as printed. */
  onTarget: boolean;
  /** Why there is nothing to show, when there is not (another language, a file that does not parse). */
  note?: string;
  findings: PageFinding[];
}

interface ToolbarServer {
  on: (event: string, callback: (data: unknown) => void) => void;
  send: (event: string, payload: unknown) => void;
}

export function servePlainLanguage(root: string, server: Pick<ViteDevServer, 'watcher'>, toolbar: ToolbarServer): void {
  const send = async (file: string) => {
    const report = await pageReport(root, file);
    if (report) toolbar.send(LINT_RESULT, report);
  };
  toolbar.on(LINT_REQUEST, (data) => {
    const file = (data as { file?: unknown } | null)?.file;
    if (typeof file === 'string') void send(file);
  });
  // A save updates the open panel at once; the page itself reloads on its own.
  server.watcher.on('change', (path) => {
    if (/\.mdx?$/.test(path)) void send(relative(root, path).split('\\').join('/'));
  });
}

/** The page's lint report, or undefined for a path outside the content folder (the browser is not trusted with paths). */
export async function pageReport(root: string, file: string): Promise<PageReport | undefined> {
  const settings = loadSettings(root);
  const absolute = resolve(root, file);
  const inContent = relative(settings.contentPath, absolute);
  if (!/\.mdx?$/.test(file) || inContent.startsWith('..') || isAbsolute(inContent)) return undefined;
  const source = await readFile(absolute, 'utf8').catch(() => undefined);
  if (source === undefined) return undefined;
  const targetGrade = settings.lint.targetGrade;
  if (!isEnglishPage(file, settings)) return { file, targetGrade, grade: undefined, onTarget: true, note: 'This page is not in English: the lint checks English only.', findings: [] };
  const result = await lintSource(file, source, { ...lintContext(settings), suggest: true });
  const lines = source.split('\n');
  return {
    file,
    targetGrade: result.targetGrade,
    grade: result.metrics ? formatGrade(result.metrics.fleschKincaidGrade) : undefined,
    onTarget: result.metrics ? shownGrade(result.metrics.fleschKincaidGrade) <= result.targetGrade : false,
    ...(result.metrics ? {} : { note: 'This page does not parse: fix the error below first.' }),
    findings: result.messages.map((message) => ({
      line: message.line,
      column: message.column,
      ruleId: message.ruleId,
      severity: message.severity,
      reason: message.reason,
      text: message.endLine === message.line && message.endColumn === message.column ? '' : flaggedText(source, lines, message),
    })),
  };
}

/** The source between a message's start and end, as the words a reader sees. */
function flaggedText(source: string, lines: readonly string[], place: { line: number; column: number; endLine: number; endColumn: number }): string {
  const offsetOf = (line: number, column: number) => lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
  const slice = source.slice(offsetOf(place.line, place.column), offsetOf(place.endLine, place.endColumn));
  try {
    return toString(parseDocument(slice, 'md')).replace(/\s+/g, ' ').trim();
  } catch {
    return slice;
  }
}
