/** Where the check page finds its files, relative to the page's own address (`/check/`). */
export const CHECK_PAGE = 'check/';
export const WORKER_FILE = 'lint-worker.js';
export const DICTIONARY_DIR = 'dictionaries/';

/**
 * Posted by the worker once its modules have loaded: a module worker drops messages that arrive
 * before its handler is set, so the page sends no draft until it has this.
 */
export const READY = 'plainbook-check-ready';

/**
 * A dictionary request that neither answers nor fails (a captive portal, a proxy holding the
 * connection) must not leave the page saying "Checking…" for ever. The English dictionary is
 * 192 KB gzipped: 10 s at 150 kbit/s, so 30 s is slow-line room, not a guess at success.
 */
export const DICTIONARY_TIMEOUT_MS = 30_000;
