import { wordListPath, type ResolvedSettings } from '../config/settings.ts';
import type { LintContext } from './lint-file.ts';
import { readWordList } from './word-list.ts';

/** What every lint of this handbook runs with: its settings and its word list. */
export function lintContext(settings: Pick<ResolvedSettings, 'contentPath' | 'lint'>): LintContext {
  return { settings: settings.lint, personalWords: readWordList(wordListPath(settings)) };
}
