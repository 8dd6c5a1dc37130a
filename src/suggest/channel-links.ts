/**
 * "Suggest a change" for a handbook with its own form or e-mail (`feedback:` in the settings):
 * the links client.ts makes for GitHub's form become choices, each way in by name and GitHub's
 * last. Loaded after the page (src/site/after-load.ts) for the section links, and with the
 * selection's button (selection-button.ts): never before the page has loaded. It imports
 * nothing client.ts imports: a module both used would become one more file every policy page
 * fetches before it has loaded (page-weight.test.ts).
 */
import { channelLinks, type ChannelLink } from '../policies/feedback-channels.ts';

/** The links for a section and the words in it, from GitHub's link for them (made by client.ts). */
export type ChoicesFor = (github: string, section: string | undefined, words: string | undefined) => ChannelLink[];

/** The header's feedback paragraph with the handbook's own ways in (policy-header.astro), if the page has one. */
export function pageChoices(document: Document): ChoicesFor | undefined {
  const paragraph = document.querySelector<HTMLElement>('[data-feedback-channels]');
  if (!paragraph) return undefined;
  const { feedbackForm, feedbackEmail, feedbackPolicy, feedbackRound } = paragraph.dataset;
  const channels = { form: feedbackForm, email: feedbackEmail };
  return (github, section, words) => channelLinks(channels, github, { policy: feedbackPolicy, round: feedbackRound, section, current: words });
}

/** Each section's link to GitHub's form (client.ts) becomes the row of choices for that section. */
export function offerSectionChoices(document: Document): void {
  const choicesFor = pageChoices(document);
  if (!choicesFor) return;
  for (const paragraph of document.querySelectorAll<HTMLElement>('.suggest-section')) {
    const github = paragraph.querySelector('a');
    const title = github?.querySelector('.sr-only')?.textContent?.replace(/^: /, '');
    if (!github || !title) continue;
    fillLinks(document, paragraph, choicesFor(github.href, title, undefined), 'Suggest a change to this section', `: ${title}`);
  }
}

/** Writes `links` into `parent` after `label`; the suffix names the section for screen readers. */
export function fillLinks(document: Document, parent: HTMLElement, links: readonly ChannelLink[], label: string, screenReaderSuffix: string): void {
  parent.replaceChildren(`${label}: `);
  links.forEach((link, index) => {
    if (index > 0) parent.append(' · ');
    const anchor = document.createElement('a');
    anchor.href = link.href;
    anchor.textContent = link.label;
    anchor.dataset.channel = link.channel;
    if (screenReaderSuffix) {
      const name = document.createElement('span');
      name.className = 'sr-only';
      name.textContent = screenReaderSuffix;
      anchor.append(name);
    }
    parent.append(anchor);
  });
}
