/**
 * The "Suggest a change" button that follows the reader's selection on a policy page, loaded on
 * the first selection (client.ts). It opens the feedback form with the section and the words as
 * the file has them.
 */
import { withQuote } from '../policies/feedback-link.ts';
import { sourceWords } from './source-words.ts';

/** Selections settle this long before the button moves: a drag fires many selection changes. */
const SETTLE_MS = 150;

export async function offerOnSelection(document: Document, content: HTMLElement, base: string): Promise<void> {
  // GitHub's form alone is one button, as before; the handbook's own form and e-mail make it a
  // row of choices (channel-links.ts, fetched only on such a handbook).
  const channels = document.querySelector('[data-feedback-channels]') ? await import('./channel-links.ts') : undefined;
  const choicesFor = channels?.pageChoices(document);
  const button = document.createElement(choicesFor ? 'div' : 'a');
  button.className = `suggest-change${choicesFor ? ' suggest-change--choices' : ''} print:hidden`;
  if (choicesFor) {
    button.setAttribute('role', 'group');
    button.setAttribute('aria-label', 'Suggest a change');
  }
  else button.textContent = 'Suggest a change';
  button.hidden = true;
  document.body.append(button);

  const update = () => {
    const quote = selectedQuote(document, content);
    if (!quote) {
      button.hidden = true;
      return;
    }
    const github = withQuote(base, quote.section, quote.words);
    if (channels && choicesFor) channels.fillLinks(document, button, choicesFor(github, quote.section, quote.words), 'Suggest a change', '');
    else if (button instanceof HTMLAnchorElement) button.href = github;
    const box = quote.range.getBoundingClientRect();
    button.style.top = `${window.scrollY + box.bottom + 6}px`;
    button.style.left = `${Math.max(8, window.scrollX + box.left)}px`;
    button.hidden = false;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener('selectionchange', () => {
    clearTimeout(timer);
    timer = setTimeout(update, SETTLE_MS);
  });
  // The selection that loaded this module is already there.
  update();
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
