/**
 * "Suggest a change" on a policy page: select words and a button offers the feedback form with
 * the policy, the section and the words as the file has them already filled in (GitHub fills an
 * issue form's fields from URL parameters named by the fields' ids). Each section also gets a
 * link to the same form, for keyboard and screen-reader users. Without a feedback link on the
 * page (not a policy), nothing is added.
 */
import { withQuote } from '../policies/feedback-link.ts';
import { sourceWords } from './source-words.ts';

export function startSuggestions(document: Document): void {
  const base = document.querySelector<HTMLAnchorElement>('.feedback-link a')?.href;
  const content = document.querySelector<HTMLElement>('.sl-markdown-content');
  if (!base || !content) return;
  addSectionLinks(document, content, base);
  const button = document.createElement('a');
  button.className = 'suggest-change print:hidden';
  button.textContent = 'Suggest a change';
  button.hidden = true;
  document.body.append(button);

  const update = () => {
    const quote = selectedQuote(document, content);
    if (!quote) {
      button.hidden = true;
      return;
    }
    button.href = withQuote(base, quote.section, quote.words);
    const box = quote.range.getBoundingClientRect();
    button.style.top = `${window.scrollY + box.bottom + 6}px`;
    button.style.left = `${Math.max(8, window.scrollX + box.left)}px`;
    button.hidden = false;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener('selectionchange', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
}

/** After each section heading: a link that opens the form with that section chosen. */
function addSectionLinks(document: Document, content: HTMLElement, base: string): void {
  for (const heading of content.querySelectorAll<HTMLHeadingElement>('h2')) {
    const title = heading.textContent?.trim();
    if (!title) continue;
    const paragraph = document.createElement('p');
    paragraph.className = 'suggest-section not-content print:hidden';
    const link = document.createElement('a');
    link.href = withQuote(base, title, undefined);
    link.textContent = 'Suggest a change to this section';
    const name = document.createElement('span');
    name.className = 'sr-only';
    name.textContent = `: ${title}`;
    link.append(name);
    paragraph.append(link);
    (heading.closest('.sl-heading-wrapper') ?? heading).after(paragraph);
  }
}

interface Quote {
  range: Range;
  section: string | undefined;
  words: string;
}

/** The selection inside one block of the page (cut at the block's end), as source words. */
function selectedQuote(document: Document, content: HTMLElement): Quote | undefined {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const block = closestBlock(range.startContainer);
  if (!block || !content.contains(block)) return undefined;
  const rendered = block.textContent ?? '';
  const from = offsetIn(block, range.startContainer, range.startOffset);
  const to = block.contains(range.endContainer) ? offsetIn(block, range.endContainer, range.endOffset) : rendered.length;
  if (rendered.slice(from, to).trim() === '') return undefined;
  const words = sourceWords(rendered, block.dataset.source ?? '', from, to);
  return words ? { range, section: sectionOf(content, block), words } : undefined;
}

function closestBlock(node: Node): HTMLElement | null {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest<HTMLElement>('[data-source]') ?? null;
}

/** Characters of the block's text before a point in it. */
function offsetIn(block: HTMLElement, node: Node, offset: number): number {
  const before = block.ownerDocument.createRange();
  before.setStart(block, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}

/** The nearest heading above the block. */
function sectionOf(content: HTMLElement, block: HTMLElement): string | undefined {
  let section: string | undefined;
  for (const heading of content.querySelectorAll('h2, h3, h4')) {
    if (heading.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING) section = heading.textContent?.trim();
    else break;
  }
  return section;
}
