import { plural } from '../../text/plural.ts';
import { formatGrade } from '../metrics.ts';
import { skippedLine } from '../languages.ts';
import { countBySeverity, type FileResult, type RunNotes } from '../result.ts';

/**
 * For people at a terminal: one line per message, starting `file:line:col` so editors and
 * terminals make it a link, then severity, message and rule.
 */
export function prettyReport(results: readonly FileResult[], notes: RunNotes = {}): string {
  const lines: string[] = [];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const grade = result.metrics ? `  reading grade ${formatGrade(result.metrics.fleschKincaidGrade)} (target ${result.targetGrade})` : '';
    lines.push(`${result.path}${grade}`);
    const places = result.messages.map((message) => `${result.path}:${message.line}:${message.column}`);
    const width = Math.max(...places.map((place) => place.length));
    result.messages.forEach((message, index) => {
      const severity = message.severity === 'error' ? 'error  ' : 'warning';
      lines.push(`  ${(places[index] ?? '').padEnd(width)}  ${severity}  ${message.reason}  ${message.ruleId}`);
    });
    lines.push('');
  }
  lines.push(summaryLine(results));
  const skipped = skippedLine(notes.skipped ?? []);
  if (skipped) lines.push(skipped);
  return `${lines.join('\n')}\n`;
}

export function summaryLine(results: readonly FileResult[]): string {
  const { errors, warnings } = countBySeverity(results);
  const files = results.length === 1 ? '1 file' : `${results.length} files`;
  if (errors + warnings === 0) return `✔ ${files} checked: no problems.`;
  const withProblems = results.filter((result) => result.messages.length > 0).length;
  return `✖ ${errors + warnings} ${errors + warnings === 1 ? 'problem' : 'problems'} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${withProblems} of ${files}.`;
}
