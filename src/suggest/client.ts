/**
 * "Suggest a change" on a policy page: select words and a button offers the feedback form with
 * the policy, the section and the words as the file has them already filled in (GitHub fills an
 * issue form's fields from URL parameters named by the fields' ids). Each section also gets a
 * link to the same form, for keyboard and screen-reader users. Without a feedback link on the
 * page (not a policy), nothing is added. A handbook with its own form or e-mail (`feedback:` in
 * the settings) offers them beside GitHub's: channel-links.ts turns these links into choices
 * once the page has loaded, so that code weighs on no first view (page-weight.test.ts).
 */
import { withQuote } from '../policies/feedback-link.ts';

export function startSuggestions(document: Document): void {
  // GitHub's form: the header's only link, or its last after the handbook's own form and e-mail.
  const base = document.querySelector<HTMLAnchorElement>('.feedback-link a:last-of-type')?.href;
  const content = document.querySelector<HTMLElement>('.sl-markdown-content');
  if (!base || !content) return;
  addSectionLinks(document, content, base);
  // The code that turns a selection into the file's words loads on the reader's first
  // selection: most readers never select, and it would weigh on every page load.
  const onFirstSelection = () => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed) return;
    document.removeEventListener('selectionchange', onFirstSelection);
    void import('./selection-button.ts').then(({ offerOnSelection }) => offerOnSelection(document, content, base));
  };
  document.addEventListener('selectionchange', onFirstSelection);
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
