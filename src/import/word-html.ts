/**
 * Word's "Save as Web Page": lists are paragraphs (`class=MsoListParagraph…`, `mso-list:l0 level2`)
 * whose bullet or number is text between `<![if !supportLists]>` and `<![endif]>`; the title is
 * `class=MsoTitle`; comments are `MsoCommentReference` spans and a `mso-element:comment-list` div.
 */
import type { Element, Root, RootContent } from 'hast';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { plural } from '../text/plural.ts';
import { classesOf, element, elements, isElement, nestListsByLevel, removeWhere, styleOf } from './hast-edit.ts';

export function isWordExport(tree: Root): boolean {
  const generator = select('meta[name="Generator" i]', tree) as Element | undefined;
  return /Microsoft Word/i.test(String(generator?.properties.content ?? '')) || select('[class^="Mso"]', tree) !== undefined;
}

const LIST_MARKER = 'dataPlainbookListMarker';

export function normaliseWordHtml(tree: Root): string[] {
  const body = (select('body', tree) as Element | undefined) ?? tree;
  keepListMarkers(body);
  const comments = removeComments(body);
  for (const element of elements(body)) {
    const classes = classesOf(element);
    if (element.tagName === 'p' && classes.includes('MsoTitle')) element.tagName = 'h1';
  }
  buildLists(body);
  return comments > 0 ? [plural(comments, 'comment')] : [];
}

/**
 * A list paragraph's marker (`·`, `1.`, `a)`) is text that only old browsers show: remember it
 * (it says whether the list is numbered) and remove it.
 */
function keepListMarkers(parent: Root | Element): void {
  const kept: RootContent[] = [];
  let marker: string[] | undefined;
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'comment' && /^\[if !supportLists\]$/.test(child.value.trim())) {
      marker = [];
      continue;
    }
    if (marker && child.type === 'comment' && /^\[endif\]$/.test(child.value.trim())) {
      if (isElement(parent as RootContent)) (parent as Element).properties[LIST_MARKER] = marker.join('').trim();
      marker = undefined;
      continue;
    }
    if (marker) {
      marker.push(isElement(child) ? toString(child) : child.type === 'text' ? child.value : '');
      continue;
    }
    if (isElement(child)) keepListMarkers(child);
    kept.push(child);
  }
  parent.children = kept as typeof parent.children;
  // The marker sits inside a span inside the paragraph: move it up to the paragraph.
  if (isElement(parent as RootContent)) {
    const element = parent as Element;
    for (const child of element.children) {
      if (isElement(child) && child.properties[LIST_MARKER] !== undefined && element.properties[LIST_MARKER] === undefined) {
        element.properties[LIST_MARKER] = child.properties[LIST_MARKER];
      }
    }
  }
}

function removeComments(body: Root | Element): number {
  let comments = 0;
  removeWhere(body, (node) => {
    if (!isElement(node)) return false;
    if (classesOf(node).includes('MsoCommentReference')) return true;
    if (node.tagName === 'div' && /mso-element:\s*comment-list/.test(styleOf(node))) {
      comments += [...elements(node)].filter((element) => element.tagName === 'div' && /mso-element:\s*comment(?!-)/.test(styleOf(element))).length;
      return true;
    }
    return false;
  });
  return comments;
}

const LIST_STYLE = /mso-list:\s*l\d+\s+level(\d+)/;

function listLevel(node: RootContent): number | undefined {
  if (!isElement(node, 'p')) return undefined;
  const match = LIST_STYLE.exec(styleOf(node));
  return match ? Number(match[1]) : undefined;
}

/** Runs of list paragraphs become nested `<ul>`/`<ol>`: numbered when the marker is a number or letter. */
function buildLists(parent: Root | Element): void {
  nestListsByLevel(parent, (node) => {
    const level = listLevel(node);
    if (level === undefined) return undefined;
    const paragraph = node as Element;
    const tagName = /^[\dA-Za-z]{1,4}[.)]$/.test(String(paragraph.properties[LIST_MARKER] ?? '')) ? 'ol' : 'ul';
    return { level, list: element(tagName, [element('li', paragraph.children)]) };
  });
}
