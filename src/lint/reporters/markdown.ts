import { formatGrade } from '../metrics.ts';
import { countBySeverity, type FileResult, type RunNotes } from '../result.ts';
import { skippedLine } from '../languages.ts';
import { summaryLine } from './pretty.ts';

/** Most messages listed in the Markdown report; job summaries and comments have size limits. */
export const MARKDOWN_MESSAGE_LIMIT = 50;

/** A table per run, for job summaries: one row per file, then the first messages. */
export function markdownReport(results: readonly FileResult[], notes: RunNotes = {}): string {
  const skipped = skippedLine(notes.skipped ?? []);
  const lines = ['### Plainbook prose lint', '', summaryLine(results), ...(skipped ? ['', skipped] : []), ''];
  if (results.length === 0) return `${lines.join('\n')}\n`;
  lines.push('| File | Reading grade | Target | Errors | Warnings |', '| --- | ---: | ---: | ---: | ---: |');
  for (const result of results) {
    const { errors, warnings } = countBySeverity([result]);
    const grade = result.metrics ? formatGrade(result.metrics.fleschKincaidGrade) : '–';
    lines.push(`| ${cell(result.path)} | ${grade} | ${result.targetGrade} | ${errors} | ${warnings} |`);
  }
  const messages = results.flatMap((result) => result.messages.map((message) => ({ path: result.path, message })));
  if (messages.length > 0) {
    lines.push('', '| Where | Severity | Message | Rule |', '| --- | --- | --- | --- |');
    for (const { path, message } of messages.slice(0, MARKDOWN_MESSAGE_LIMIT)) {
      lines.push(`| ${cell(`${path}:${message.line}:${message.column}`)} | ${message.severity} | ${cell(message.reason)} | \`${message.ruleId}\` |`);
    }
    if (messages.length > MARKDOWN_MESSAGE_LIMIT) lines.push('', `…and ${messages.length - MARKDOWN_MESSAGE_LIMIT} more. Run \`npx plainbook lint\` to see them all.`);
  }
  return `${lines.join('\n')}\n`;
}

/** Table cells: a `|` would end the cell, a newline the row. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
