import { formatGrade } from './metrics.ts';
import { countBySeverity, type FileResult } from './result.ts';
import { cell } from './reporters/markdown.ts';
import { summaryLine } from './reporters/pretty.ts';

export interface ChangedFileReport {
  result: FileResult;
  /** Reading grade at the base revision; undefined for a new file. */
  gradeBefore?: number | undefined;
}

/**
 * The pull-request comment body: one row per changed policy with its reading grade before and
 * after, and how many messages each rule gave. The marker lets the next run find and edit it.
 */
export function pullRequestReport(marker: string, files: readonly ChangedFileReport[]): string {
  const results = files.map((file) => file.result);
  const lines = [marker, '### Plainbook prose lint', ''];
  if (files.length === 0) {
    lines.push('No policies changed in this pull request.');
    return `${lines.join('\n')}\n`;
  }
  const { errors, warnings } = countBySeverity(results);
  lines.push(errors + warnings === 0 ? `All clean: ${summaryLine(results).replace(/^✔ /, '')}` : summaryLine(results), '');
  lines.push('| Policy | Reading grade | Target | Errors | Warnings | By rule |', '| --- | --- | ---: | ---: | ---: | --- |');
  for (const { result, gradeBefore } of files) {
    const after = result.metrics ? formatGrade(result.metrics.fleschKincaidGrade) : 'does not parse';
    const grade = gradeBefore === undefined ? `${after} (new)` : `${formatGrade(gradeBefore)} → ${after}`;
    const counts = countBySeverity([result]);
    lines.push(`| ${cell(result.path)} | ${grade} | ${result.targetGrade} | ${counts.errors} | ${counts.warnings} | ${byRule(result) || '–'} |`);
  }
  lines.push('', 'Details are in the annotations on the **Files changed** tab and in the job summary.');
  return `${lines.join('\n')}\n`;
}

function byRule(result: FileResult): string {
  const counts = new Map<string, number>();
  for (const message of result.messages) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, count]) => `\`${rule}\` ${count}`)
    .join(', ');
}
