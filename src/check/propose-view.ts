/**
 * "Propose as a new policy" on the check page: as the editor types a title (and the draft
 * changes), the worker writes the policy file and GitHub's new-file address (proposal.ts), and
 * the page's link takes the editor there. A plain link, not a script opening a window: a browser
 * lets a link open a tab, and blocks a window opened after waiting for the worker. When the
 * address would be too long for GitHub, the page says so and offers "Copy" instead.
 */
import { LatestOnly } from './latest-only.ts';
import type { CheckPageData } from './page-data.ts';
import type { Proposal } from './proposal.ts';
import type { ProposeRequest, ProposeResponse } from './worker.ts';

export const PROPOSE_MESSAGES = {
  needTitle: 'Give your policy a title to propose it.',
  needDraft: 'Write your draft above to propose it.',
  needOwner: 'Write the owner: the GitHub user or team that looks after the policy.',
  ready: (path: string) => `GitHub opens with the new file ${path} filled in.`,
  tooLong: (length: number, limit: number) =>
    `Your policy is too long to send to GitHub in one link (${length.toLocaleString('en')} characters; the most is ${limit.toLocaleString('en')}). Copy it, open GitHub's new file page and paste it there.`,
  copied: 'Copied. Paste it into the new file on GitHub.',
  copyFailed: 'This browser did not let the page copy. Select the text of your draft and copy it yourself.',
} as const;

export function isProposeResponse(message: unknown): message is ProposeResponse {
  return typeof message === 'object' && message !== null && ('proposal' in message || 'proposeError' in message);
}

/** Today on the editor's own calendar, as the policy's `effective` date. */
export function localDay(now = new Date()): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

interface ProposeElements {
  title: HTMLInputElement;
  owner: HTMLInputElement;
  link: HTMLAnchorElement;
  note: HTMLElement;
  tooLong: HTMLElement;
  copy: HTMLButtonElement;
  blank: HTMLAnchorElement;
}

function proposeElements(root: HTMLElement): ProposeElements | undefined {
  const title = root.querySelector<HTMLInputElement>('#check-title');
  const owner = root.querySelector<HTMLInputElement>('#check-owner');
  const link = root.querySelector<HTMLAnchorElement>('[data-propose-link]');
  const note = root.querySelector<HTMLElement>('[data-propose-note]');
  const tooLong = root.querySelector<HTMLElement>('[data-propose-too-long]');
  const copy = root.querySelector<HTMLButtonElement>('[data-propose-copy]');
  const blank = root.querySelector<HTMLAnchorElement>('[data-propose-blank]');
  return title && owner && link && note && tooLong && copy && blank ? { title, owner, link, note, tooLong, copy, blank } : undefined;
}

export interface Proposing {
  /** The draft, title or owner changed. */
  update(): void;
  answered(reply: ProposeResponse): void;
}

export function startProposing(root: HTMLElement, worker: Worker, defaults: CheckPageData['propose'], draftText: () => string): Proposing {
  const elements = proposeElements(root);
  if (!elements) return { update: () => undefined, answered: () => undefined };
  let shown: Proposal | undefined;
  const asking = new LatestOnly<ProposeRequest['propose'], ProposeResponse>(
    (id, propose) => worker.postMessage({ id, propose } satisfies ProposeRequest),
    (reply) => {
      shown = 'proposal' in reply ? reply.proposal : undefined;
      showProposal(elements, reply);
    },
  );
  const update = () => {
    const missing =
      draftText().trim() === ''
        ? PROPOSE_MESSAGES.needDraft
        : elements.title.value.trim() === ''
          ? PROPOSE_MESSAGES.needTitle
          : elements.owner.value.trim() === ''
            ? PROPOSE_MESSAGES.needOwner
            : undefined;
    if (missing) {
      shown = undefined;
      disable(elements, missing);
      return;
    }
    asking.ask({ title: elements.title.value, text: draftText(), defaults: { ...defaults, owner: elements.owner.value, today: localDay() } });
  };
  elements.title.addEventListener('input', update);
  elements.owner.addEventListener('input', update);
  elements.copy.addEventListener('click', () => {
    if (shown) void copyText(shown.source).then((copied) => (elements.note.textContent = copied ? PROPOSE_MESSAGES.copied : PROPOSE_MESSAGES.copyFailed));
  });
  update();
  return { update, answered: (reply) => asking.answered(reply) };
}

function disable(elements: ProposeElements, why: string): void {
  elements.link.removeAttribute('href');
  elements.link.setAttribute('aria-disabled', 'true');
  elements.tooLong.hidden = true;
  elements.note.textContent = why;
}

function showProposal(elements: ProposeElements, reply: ProposeResponse): void {
  if ('proposeError' in reply) return disable(elements, reply.proposeError);
  const { proposal } = reply;
  if (proposal.url) {
    elements.link.href = proposal.url;
    elements.link.removeAttribute('aria-disabled');
    elements.tooLong.hidden = true;
    elements.note.textContent = PROPOSE_MESSAGES.ready(proposal.path);
    return;
  }
  disable(elements, PROPOSE_MESSAGES.tooLong(proposal.tooLong?.length ?? 0, proposal.tooLong?.limit ?? 0));
  elements.blank.href = proposal.blankUrl;
  elements.tooLong.hidden = false;
}

/** The clipboard API where the page may use it (https, localhost); else the older copy command. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}
