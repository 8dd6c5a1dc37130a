import type { RuleId } from '../schema/lint.ts';
import type { SkippedPage } from './languages.ts';
import type { ReadingMetrics } from './metrics.ts';

/** A file that does not parse. Not configurable: nothing else can be checked until it is fixed. */
export const PARSE_ERROR = 'parse-error';

export interface LintMessage {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: RuleId | typeof PARSE_ERROR;
  /** The plugin that found it: `plainbook`, `remark-lint`, `retext-passive`, … */
  source: string;
  severity: 'error' | 'warning';
  reason: string;
  actual?: string;
  expected?: string[];
  url?: string;
}

export interface FileResult {
  /** Repository-relative path with `/` separators. */
  path: string;
  targetGrade: number;
  /** Absent when the file did not parse. */
  metrics?: ReadingMetrics;
  messages: LintMessage[];
}

export function countBySeverity(results: readonly FileResult[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}

/** What a run did besides its results: pages it left out. */
export interface RunNotes {
  skipped?: readonly SkippedPage[];
}
