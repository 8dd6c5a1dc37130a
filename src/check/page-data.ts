import type { LintSettings } from '../schema/lint.ts';

/** What the check page carries for its script, written into the page by check.astro. */
export interface CheckPageData {
  lint: LintSettings;
  /** The handbook's word list, one word per line, as the spell check reads it. */
  personalWords: string;
  /** The team's defaults for "Propose as a new policy". */
  propose: { repoUrl: string; branch: string; contentDir: string; owner: string };
}
