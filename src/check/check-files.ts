/** Where the check page finds its files, relative to the page's own address (`/check/`). */
export const CHECK_PAGE = 'check/';
export const WORKER_FILE = 'lint-worker.js';
export const DICTIONARY_DIR = 'dictionaries/';
