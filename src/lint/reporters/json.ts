import { countBySeverity, type FileResult, type RunNotes } from '../result.ts';

/** Bumped only when a field changes meaning or goes away; new fields may be added. */
export const JSON_REPORT_VERSION = 1;

/**
 * Stable JSON for other tools: see README "Lint output (JSON)". Lines and columns are 1-based;
 * `endLine`/`endColumn` point just past the flagged text.
 */
export function jsonReport(results: readonly FileResult[], notes: RunNotes = {}): string {
  const { errors, warnings } = countBySeverity(results);
  const files = results.map(({ path, targetGrade, metrics, messages }) => ({
    path,
    targetGrade,
    metrics: metrics ?? null,
    messages: messages.map((message) => ({
      line: message.line,
      column: message.column,
      endLine: message.endLine,
      endColumn: message.endColumn,
      ruleId: message.ruleId,
      source: message.source,
      severity: message.severity,
      reason: message.reason,
      actual: message.actual ?? null,
      expected: message.expected ?? [],
      url: message.url ?? null,
    })),
  }));
  const skipped = (notes.skipped ?? []).map(({ path, lang }) => ({ path, lang }));
  return `${JSON.stringify({ version: JSON_REPORT_VERSION, summary: { files: results.length, errors, warnings, skipped: skipped.length }, files, skipped }, null, 2)}\n`;
}
