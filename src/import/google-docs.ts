/**
 * Google Docs' "Download > Web page" export, made ordinary: bold and italic come as CSS classes
 * on spans, links go through a google.com redirect, nested lists are flat sibling lists with the
 * level in a class name (`lst-kix_<id>-<level>`), the title is `<p class="title">`, and comments,
 * headers and footers are `<div>`s beside the body text.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { plural } from '../text/plural.ts';
import { classesOf, element, elements, isElement, nestListsByLevel, removeWhere } from './hast-edit.ts';

export function isGoogleDocsExport(tree: Root): boolean {
  const body = select('body', tree) as Element | undefined;
  return (body !== undefined && classesOf(body).includes('doc-content')) || select('[class*="lst-kix_"], a[href^="https://www.google.com/url?q="], a[id^="cmnt_ref"]', tree) !== undefined;
}

/** Rewrite the export in place; returns what was left out, for the summary. */
export function normaliseGoogleDocs(tree: Root): string[] {
  const styles = classStyles(tree);
  const body = (select('body', tree) as Element | undefined) ?? tree;
  const comments = removeComments(body);
  const { headers, footers } = removeHeadersAndFooters(body);
  for (const element of elements(body)) {
    if (element.tagName === 'p' && classesOf(element).includes('title')) element.tagName = 'h1';
    if (element.tagName === 'a') unwrapRedirect(element);
  }
  applyTextStyles(body, styles);
  nestLists(body);
  const leftOut: string[] = [];
  if (comments > 0) leftOut.push(plural(comments, 'comment'));
  if (headers > 0) leftOut.push(plural(headers, 'header'));
  if (footers > 0) leftOut.push(plural(footers, 'footer'));
  return leftOut;
}

interface ClassStyles {
  bold: Set<string>;
  italic: Set<string>;
}

/** Class names whose CSS rule makes text bold or italic (Google writes one flat rule per class). */
function classStyles(tree: Root): ClassStyles {
  const css = [...elements(tree)].filter((element) => element.tagName === 'style').map((element) => toString(element)).join('\n');
  const bold = new Set<string>();
  const italic = new Set<string>();
  for (const rule of css.matchAll(/\.([\w-]+)\{([^}]*)\}/g)) {
    const [, name = '', declarations = ''] = rule;
    if (/font-weight:\s*(?:[6-9]00|bold)/.test(declarations)) bold.add(name);
    if (/font-style:\s*italic/.test(declarations)) italic.add(name);
  }
  return { bold, italic };
}

/** `<sup><a id="cmnt_ref1">[a]</a></sup>` in the text and `<div><p><a id="cmnt1">` at the end. */
function removeComments(body: Root | Element): number {
  let comments = 0;
  removeWhere(body, (node) => {
    if (!isElement(node)) return false;
    if (node.tagName === 'sup' && select('a[id^="cmnt_ref"]', node)) return true;
    if (node.tagName === 'div' && select('a[id^="cmnt"]:not([id^="cmnt_ref"])', node)) {
      comments++;
      return true;
    }
    return false;
  });
  return comments;
}

/**
 * The body's text sits directly in `<body>`; a page header is a `<div>` before it and a footer a
 * `<div>` after it. Footnotes are `<div>`s too, after an `<hr>`: they stay, as notes at the end.
 */
function removeHeadersAndFooters(body: Root | Element): { headers: number; footers: number } {
  const isNote = (node: RootContent) => isElement(node, 'div') && select('a[id^="ftnt"]', node) !== undefined;
  const isFrame = (node: RootContent) => isElement(node, 'div') && !isNote(node);
  const children = body.children as RootContent[];
  const firstText = children.findIndex((node) => isElement(node) && !isFrame(node));
  const lastText = children.findLastIndex((node) => isElement(node) && !isFrame(node) && !isElement(node, 'hr'));
  let headers = 0;
  let footers = 0;
  body.children = children.filter((node, index) => {
    if (!isFrame(node) || !toString(node as Element).trim()) return !isFrame(node);
    if (index < firstText || firstText === -1) headers++;
    else if (index > lastText) footers++;
    else return true;
    return false;
  }) as typeof body.children;
  return { headers, footers };
}

/** `https://www.google.com/url?q=<address>&sa=D&...` → `<address>`. */
function unwrapRedirect(link: Element): void {
  const href = link.properties.href;
  if (typeof href !== 'string' || !URL.canParse(href)) return;
  const url = new URL(href);
  if (url.hostname === 'www.google.com' && url.pathname === '/url' && url.searchParams.has('q')) link.properties.href = url.searchParams.get('q') ?? href;
}

/** Spans styled bold or italic by class become `<strong>` and `<em>`; headings are bold by style, not by emphasis. */
function applyTextStyles(parent: Root | Element, styles: ClassStyles): void {
  if (isElement(parent as RootContent) && /^(h[1-6])$/.test((parent as Element).tagName)) return;
  parent.children = parent.children.map((child) => {
    if (!isElement(child)) return child;
    applyTextStyles(child, styles);
    if (child.tagName !== 'span') return child;
    const classes = classesOf(child);
    const italic = classes.some((name) => styles.italic.has(name));
    const bold = classes.some((name) => styles.bold.has(name));
    if (!italic && !bold) return child;
    const inner: ElementContent[] = italic ? [element('em', child.children)] : child.children;
    return bold ? element('strong', inner) : (inner[0] as ElementContent);
  }) as typeof parent.children;
}

const LIST_LEVEL = /^lst-kix_[\w-]+-(\d+)$/;

function listLevel(node: RootContent): number | undefined {
  if (!isElement(node) || (node.tagName !== 'ul' && node.tagName !== 'ol')) return undefined;
  for (const name of classesOf(node)) {
    const match = LIST_LEVEL.exec(name);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/**
 * Google writes a nested list as siblings: `<ul class="lst-kix_x-0">`, `<ul class="lst-kix_x-1">`,
 * `<ul class="lst-kix_x-0">`; the level is in the class.
 */
function nestLists(parent: Root | Element): void {
  nestListsByLevel(parent, (node) => {
    const level = listLevel(node);
    return level === undefined ? undefined : { level, list: node as Element };
  });
}
