/** What the pages and the service worker say to each other, shared so neither misspells it. */
export const OFFLINE_MESSAGES = {
  /** Page → worker: take over now (the reader pressed "Reload"). Workbox's own message name. */
  skipWaiting: 'SKIP_WAITING',
  /** Page → worker: how much of the handbook is saved. Replies with OfflineStatus. */
  status: 'PLAINBOOK_OFFLINE_STATUS',
  /** Page → worker: save the rest of the handbook. Replies with SaveResult when done. */
  save: 'PLAINBOOK_SAVE_OFFLINE',
  /**
   * Page → worker: you opened me from the copy; what did the server say meanwhile? Replies with
   * an OpenedAnswer, or null when the page came from the network or the worker did not open it.
   */
  openedOffline: 'PLAINBOOK_OPENED_OFFLINE',
  /** Worker → pages: saving goes on (`saved` of `total` files). */
  progress: 'PLAINBOOK_OFFLINE_PROGRESS',
} as const;

/** Added to a page's address by the "Sign in" link: the worker sends it to the server, not the copy. */
export const SIGN_IN_PARAMETER = 'plainbook-sign-in';

/**
 * Hex characters of a file's SHA-256 kept as its revision (64 bits: no collision in any one
 * handbook). The build (Node) and the worker (WebCrypto) must cut it the same.
 */
export const REVISION_LENGTH = 16;

/** Built into the worker: this version's files. */
export interface OfflineBuild {
  version: string;
  /** The handbook's path with a trailing slash, e.g. `/handbook/`. */
  base: string;
  firstVisit: { url: string; revision: string }[];
  /** Address of the JSON list of files saved later (saved on the first visit itself). */
  laterList: string;
}

export interface OfflineStatus {
  saved: number;
  total: number;
  savedBytes: number;
  totalBytes: number;
}

/** What the worker learnt from the server about a page it opened from the copy. */
export interface OpenedAnswer {
  /** When the copy was saved (an ISO date), if the network failed: the reader is offline. */
  offlineCopyFrom: string | null;
  /** A sign-in page answered instead of the page: the reader's session ended. */
  signIn: boolean;
}

export interface SaveResult extends OfflineStatus {
  /** A file on the server no longer matched this version: a newer one is live. */
  outdated: boolean;
  /** The server sent a sign-in page instead of a file: the reader's session ended. Nothing of it was saved. */
  signIn: boolean;
}
