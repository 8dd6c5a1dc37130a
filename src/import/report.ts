/**
 * What an editor needs after an import: each policy's reading grade against its target, the
 * sentences to rewrite first, and how many findings each lint rule has, so the work can be
 * planned. `pretty` for a terminal, `json` for tools.
 */
import { formatGrade, type HardSentence } from '../lint/metrics.ts';
import type { FileResult } from '../lint/result.ts';
import type { ImportedPolicy } from './import-document.ts';

export interface PolicyReport {
  source: string;
  policy: string;
  title: string;
  leftOut: string[];
  images: string[];
  grade: number | undefined;
  targetGrade: number;
  hardestSentences: HardSentence[];
  /** Findings per lint rule, most first. */
  findingsByRule: Record<string, number>;
}

export function policyReport(imported: ImportedPolicy, lint: FileResult, hardest: HardSentence[]): PolicyReport {
  const counts = new Map<string, number>();
  for (const message of lint.messages) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
  return {
    source: imported.source,
    policy: imported.policyPath,
    title: imported.title,
    leftOut: imported.leftOut,
    images: imported.images.map((image) => `${imported.policyPath.replace(/\.mdx$/, '')}/${image.name}`),
    grade: lint.metrics?.fleschKincaidGrade,
    targetGrade: lint.targetGrade,
    hardestSentences: hardest,
    findingsByRule: Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
  };
}

export function totalFindings(report: PolicyReport): number {
  return Object.values(report.findingsByRule).reduce((sum, count) => sum + count, 0);
}

/** Long sentences are cut for the terminal; the line and column lead to the whole one. */
const SHOWN_SENTENCE_CHARACTERS = 100;

export function prettyImportReport(reports: readonly PolicyReport[], dryRun: boolean): string {
  const blocks = reports.map(policyBlock);
  if (reports.length > 1) blocks.push(table(reports));
  const verb = dryRun ? 'Would import' : 'Imported';
  const count = reports.length === 1 ? '1 document' : `${reports.length} documents`;
  blocks.push(`${verb} ${count} as draft ${reports.length === 1 ? 'policy' : 'policies'}.${dryRun ? ' Dry run: nothing was written.' : ' Next: rewrite the hardest sentences, then run `npx plainbook lint` on the file to see every finding.'}`);
  return `${blocks.join('\n\n')}\n`;
}

function policyBlock(report: PolicyReport): string {
  const lines = [`${report.policy}  (from ${report.source})`, `  Title: ${report.title}`];
  lines.push(`  Reading grade: ${report.grade === undefined ? 'not measured' : formatGrade(report.grade)} (target ${report.targetGrade})`);
  if (report.leftOut.length > 0) lines.push(`  Left out: ${report.leftOut.join('; ')}`);
  if (report.images.length > 0) lines.push(`  Images saved: ${report.images.join(', ')}`);
  if (report.hardestSentences.length > 0) {
    lines.push('  Hardest sentences (start here):');
    for (const sentence of report.hardestSentences) {
      lines.push(`    ${report.policy}:${sentence.line}:${sentence.column}  grade ${sentence.grade.toFixed(1)}  "${shorten(sentence.text)}"`);
    }
  }
  const rules = Object.entries(report.findingsByRule).map(([rule, count]) => `${rule} ${count}`);
  lines.push(`  Findings by rule: ${rules.length === 0 ? 'none' : `${rules.join(', ')} (${totalFindings(report)} in all)`}`);
  return lines.join('\n');
}

function shorten(text: string): string {
  return text.length <= SHOWN_SENTENCE_CHARACTERS ? text : `${text.slice(0, SHOWN_SENTENCE_CHARACTERS - 1).trimEnd()}…`;
}

function table(reports: readonly PolicyReport[]): string {
  const rows = [['Document', 'Policy', 'Grade', 'Findings'], ...reports.map((report) => [report.source, report.policy, report.grade === undefined ? '-' : formatGrade(report.grade), String(totalFindings(report))])];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => (column >= 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd()).join('\n');
}

export function jsonImportReport(reports: readonly PolicyReport[], dryRun: boolean): string {
  return `${JSON.stringify({ dryRun, policies: reports }, null, 2)}\n`;
}
