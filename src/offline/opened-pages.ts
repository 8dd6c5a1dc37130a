/**
 * What the worker remembers of each page it opened, until the page asks: only the worker knows
 * whether it answered a page from the copy because the network failed. Keyed by the page's
 * client id (the navigation's `resultingClientId`, and later the `source.id` of the page's
 * message), so two tabs never read each other's answer.
 */

/**
 * A worker can live through many page loads, and a page that never asks (a print, a closed tab)
 * leaves its entry behind. A page asks within seconds of opening, so a reader would need this
 * many page loads in those seconds to push out one still waiting.
 */
export const OPENED_PAGES_KEPT = 32;

export class OpenedPages<Answer> {
  readonly #pages = new Map<string, Promise<Answer>>();

  readonly kept: number;

  constructor(kept = OPENED_PAGES_KEPT) {
    this.kept = kept;
  }

  remember(clientId: string, answer: Promise<Answer>): void {
    if (!clientId) return;
    this.#pages.delete(clientId);
    this.#pages.set(clientId, answer);
    // A Map iterates in insertion order: the first key is the oldest.
    for (const oldest of this.#pages.keys()) {
      if (this.#pages.size <= this.kept) break;
      this.#pages.delete(oldest);
    }
  }

  /** The answer for a page, or `undefined` when this worker did not open it (the first visit, a restart). */
  answerFor(clientId: string | undefined): Promise<Answer> | undefined {
    return clientId ? this.#pages.get(clientId) : undefined;
  }

  get size(): number {
    return this.#pages.size;
  }
}
