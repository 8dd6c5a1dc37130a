/**
 * "Plain language", an Astro dev toolbar app: the page's reading grade against its target and
 * each lint message. Clicking a message scrolls to its words on the page and marks them; "Mark
 * all" marks every flagged passage, each labelled with its rule (not told apart by colour alone).
 * The dev server sends a new report each time the page's source is saved.
 */
import { defineToolbarApp } from 'astro/toolbar';
import { findText, type TextPoint } from './locate-text.ts';
import type { PageFinding, PageReport } from './plain-language-server.ts';

const REQUEST = 'plainbook:plain-language:request';
const RESULT = 'plainbook:plain-language:result';
const MARK = 'data-plainbook-rule';
const STYLE_ID = 'plainbook-plain-language-marks';
const OPEN_KEY = 'plainbook-plain-language-open';

export default defineToolbarApp({
  init(canvas, app, server) {
    const file = document.querySelector<HTMLElement>('[data-plainbook-source]')?.dataset.plainbookSource;
    const panel = document.createElement('astro-dev-toolbar-window');
    panel.innerHTML = `<style>${PANEL_CSS}</style><h1>Plain language</h1><div class="body"><p>${file ? 'Checking this page…' : 'This page has no source file to check.'}</p></div>`;
    canvas.append(panel);
    const body = panel.querySelector<HTMLElement>('.body');
    let report: PageReport | undefined;
    let markingAll = false;

    const render = () => {
      if (!body || !report) return;
      body.replaceChildren(...reportView(report, markingAll, {
        onPick: (finding) => markOnPage([finding], true),
        onMarkAll: (on) => {
          markingAll = on;
          clearMarks();
          if (on && report) markOnPage(report.findings, false);
          render();
        },
      }));
    };

    server.on<PageReport>(RESULT, (data) => {
      if (data.file !== file) return;
      report = data;
      app.toggleNotification(data.findings.length > 0 ? { state: true, level: data.findings.some((finding) => finding.severity === 'error') ? 'error' : 'warning' } : { state: false });
      clearMarks();
      if (markingAll) markOnPage(data.findings, false);
      render();
    });
    if (file) server.send(REQUEST, { file });
    app.onToggled(({ state }) => {
      sessionStorage.setItem(OPEN_KEY, String(state));
      if (!state) clearMarks();
      else if (markingAll && report) markOnPage(report.findings, false);
    });
    // Saving a page reloads it: an editor who had the panel open gets it back at once.
    if (sessionStorage.getItem(OPEN_KEY) === 'true') app.toggleState({ state: true });
  },
});

interface Handlers {
  onPick: (finding: PageFinding) => void;
  onMarkAll: (on: boolean) => void;
}

function reportView(report: PageReport, markingAll: boolean, handlers: Handlers): HTMLElement[] {
  const grade = element('p', 'grade');
  grade.textContent = report.grade === undefined ? 'Reading grade: not measured' : `Reading grade ${report.grade}, target ${report.targetGrade}: ${report.onTarget ? 'on target' : 'too hard'}`;
  const parts: HTMLElement[] = [grade];
  if (report.note) {
    const note = element('p', 'note');
    note.textContent = report.note;
    parts.push(note);
  }
  if (report.findings.length === 0) {
    const none = element('p', 'none');
    none.textContent = report.note ? '' : 'No findings on this page.';
    return [...parts, none];
  }
  const toggle = element('button', 'mark-all') as HTMLButtonElement;
  toggle.type = 'button';
  toggle.setAttribute('aria-pressed', String(markingAll));
  toggle.textContent = markingAll ? 'Unmark all' : `Mark all ${report.findings.length} on the page`;
  toggle.addEventListener('click', () => handlers.onMarkAll(!markingAll));
  const list = element('ol', 'findings');
  for (const finding of report.findings) {
    const item = element('li', finding.severity);
    const button = element('button', 'finding') as HTMLButtonElement;
    button.type = 'button';
    button.disabled = !finding.text;
    button.innerHTML = `<span class="where">${finding.line}:${finding.column}</span> <span class="severity">${finding.severity}</span> <span class="rule">${finding.ruleId}</span> <span class="reason"></span>`;
    const reason = button.querySelector('.reason');
    if (reason) reason.textContent = finding.reason;
    button.addEventListener('click', () => handlers.onPick(finding));
    item.append(button);
    list.append(item);
  }
  return [...parts, toggle, list];
}

function element(tag: string, className: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

/** The prose of the page: Starlight's content area, or the whole body on other pages. */
function contentRoot(): HTMLElement {
  return document.querySelector<HTMLElement>('.sl-markdown-content') ?? document.body;
}

function textNodes(root: HTMLElement): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Wrap each finding's words in a labelled mark; with `focus`, scroll the first into view. */
function markOnPage(findings: readonly PageFinding[], focus: boolean): void {
  ensureMarkStyle();
  if (focus) clearMarks();
  const seen = new Map<string, number>();
  let first: HTMLElement | undefined;
  for (const finding of findings) {
    if (!finding.text) continue;
    const occurrence = seen.get(finding.text) ?? 0;
    seen.set(finding.text, occurrence + 1);
    const nodes = textNodes(contentRoot());
    const found = findText(nodes.map((node) => node.data), finding.text, occurrence);
    if (!found) continue;
    const marks = wrap(nodes, found.start, found.end, finding.ruleId);
    first ??= marks[0];
  }
  if (focus && first) {
    first.scrollIntoView({ block: 'center' });
    first.setAttribute('data-plainbook-active', '');
  }
}

/** Marks around the text between two points, one per text node it crosses. */
function wrap(nodes: Text[], start: TextPoint, end: TextPoint, rule: string): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (let index = end.segment; index >= start.segment; index--) {
    const node = nodes[index];
    if (!node) continue;
    const from = index === start.segment ? start.offset : 0;
    const to = index === end.segment ? end.offset : node.data.length;
    if (to <= from) continue;
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    const mark = document.createElement('mark');
    mark.setAttribute(MARK, rule);
    range.surroundContents(mark);
    marks.unshift(mark);
  }
  // Only the last piece carries the rule's label, after the words.
  marks.slice(0, -1).forEach((mark) => mark.setAttribute('data-plainbook-continues', ''));
  return marks;
}

function clearMarks(): void {
  for (const mark of document.querySelectorAll(`mark[${MARK}]`)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parent.normalize();
  }
}

function ensureMarkStyle(): void {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = MARK_CSS;
  document.head.append(style);
}

// The label names the rule in text; the underline's style differs from the page's links.
const MARK_CSS = `
mark[${MARK}] { background: #fff2a8; color: #1b1b1b; text-decoration: underline wavy #9a3412; text-underline-offset: 3px; }
mark[${MARK}]:not([data-plainbook-continues])::after { content: " [" attr(${MARK}) "]"; font: 600 0.7em/1 system-ui, sans-serif; color: #7c2d12; vertical-align: super; }
mark[data-plainbook-active] { outline: 3px solid #1d4ed8; outline-offset: 2px; }
`;

const PANEL_CSS = `
h1 { font-size: 1.1rem; margin: 0 0 0.5rem; }
.body { max-height: 60vh; overflow: auto; }
.grade { font-weight: 600; }
.findings { list-style: none; padding: 0; margin: 0.5rem 0 0; }
.finding { all: unset; cursor: pointer; display: block; padding: 0.35rem 0.25rem; border-bottom: 1px solid #343841; }
.finding:disabled { cursor: default; opacity: 0.8; }
.finding:focus-visible { outline: 2px solid #fff; }
.where { font-family: monospace; }
.severity { text-transform: uppercase; font-size: 0.75em; }
.error .severity::before { content: "✖ "; }
.warning .severity::before { content: "▲ "; }
.rule { font-family: monospace; }
.mark-all { margin-top: 0.5rem; }
`;
