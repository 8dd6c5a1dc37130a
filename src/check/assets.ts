/**
 * The files the check page loads besides itself: the lint as a web worker and the Hunspell
 * dictionary of the handbook's `lint.language`. A build writes them under `check/` (the offline
 * copy then saves them with the pages saved later); the dev server serves the same bytes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LintLanguage } from '../schema/lint.ts';
import { bundleCheckWorker } from './bundle.ts';
import { DICTIONARY_DIR, WORKER_FILE } from './check-files.ts';
import { DICTIONARY_PACKAGES } from './dictionaries.ts';

const DICTIONARY_FILES = ['index.aff', 'index.dic'] as const;

export interface CheckAsset {
  /** Relative to the check page's folder, e.g. `dictionaries/dictionary-en/index.dic`. */
  path: string;
  bytes: Uint8Array;
  type: string;
}

const require = createRequire(import.meta.url);

/** The `.aff` and `.dic` of one language, read from its `dictionary-*` package. */
async function dictionaryAssets(language: LintLanguage): Promise<CheckAsset[]> {
  const name = DICTIONARY_PACKAGES[language];
  // The packages export only their index.js (ESM, read with node:fs); the files sit beside it.
  const folder = dirname(require.resolve(name));
  return Promise.all(
    DICTIONARY_FILES.map(async (file) => ({ path: `${DICTIONARY_DIR}${name}/${file}`, bytes: await readFile(join(folder, file)), type: 'text/plain; charset=utf-8' })),
  );
}

/** Every file the check page needs for `language`. */
export async function checkAssets(language: LintLanguage): Promise<CheckAsset[]> {
  const [worker, dictionary] = await Promise.all([bundleCheckWorker(), dictionaryAssets(language)]);
  return [{ path: WORKER_FILE, bytes: worker, type: 'text/javascript; charset=utf-8' }, ...dictionary];
}

/** Write the check page's files beside its `index.html` in a built site; returns their bytes. */
export async function writeCheckAssets(pageDir: string, language: LintLanguage): Promise<CheckAsset[]> {
  const assets = await checkAssets(language);
  for (const asset of assets) {
    const file = join(pageDir, asset.path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, asset.bytes);
  }
  return assets;
}
