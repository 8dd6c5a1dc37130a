import type { FileResult, LintMessage, RunNotes } from '../result.ts';
import { skippedLine } from '../languages.ts';
import { summaryLine } from './pretty.ts';

/**
 * GitHub Actions workflow commands: each message becomes an annotation on the pull request's
 * diff. GitHub shows only 10 annotations of each kind per step, so errors come first, and a
 * closing notice gives the totals.
 */
export function githubReport(results: readonly FileResult[], notes: RunNotes = {}): string {
  const all = results.flatMap((result) => result.messages.map((message) => ({ path: result.path, message })));
  const ordered = [...all.filter(({ message }) => message.severity === 'error'), ...all.filter(({ message }) => message.severity !== 'error')];
  const lines = ordered.map(({ path, message }) => annotation(path, message));
  lines.push(`::notice title=Plainbook prose lint::${escapeData(summaryLine(results))}`);
  const skipped = skippedLine(notes.skipped ?? []);
  if (skipped) lines.push(`::notice title=Plainbook prose lint::${escapeData(skipped)}`);
  return `${lines.join('\n')}\n`;
}

function annotation(path: string, message: LintMessage): string {
  const properties = [
    `file=${escapeProperty(path)}`,
    `line=${message.line}`,
    `col=${message.column}`,
    `endLine=${message.endLine}`,
    `endColumn=${message.endColumn}`,
    `title=${escapeProperty(`Plainbook ${message.ruleId}`)}`,
  ].join(',');
  return `::${message.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(message.reason)}`;
}

// The escaping GitHub's runner expects (actions/toolkit, command.ts).
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
