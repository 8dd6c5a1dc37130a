import { cell } from '../lint/reporters/markdown.ts';
import type { RoundStatus } from './status.ts';

export const STATUS_FORMATS = ['table', 'json', 'markdown'] as const;
export type StatusFormat = (typeof STATUS_FORMATS)[number];

export function formatStatus(status: RoundStatus, format: StatusFormat): string {
  if (format === 'json') return `${JSON.stringify(status, null, 2)}\n`;
  if (format === 'markdown') return statusMarkdown(status);
  return statusTable(status);
}

function clarity(value: number | null): string {
  return value === null ? '–' : value.toFixed(1);
}

function states(policy: RoundStatus['policies'][number]): string {
  const { open, 'has-pr': hasPr, merged, declined, 'needs-edit': needsEdit } = policy.byState;
  return `${open} open, ${hasPr} with PR, ${merged} merged, ${declined} declined, ${needsEdit} need edit`;
}

function problems(policy: RoundStatus['policies'][number]): string {
  return Object.entries(policy.byProblem).map(([type, count]) => `${type} ${count}`).join(', ') || '–';
}

export function statusMarkdown(status: RoundStatus): string {
  const given = status.testers.filter((tester) => tester.feedback > 0).length;
  const lines = [
    `### Pilot status: ${status.title}`,
    '',
    `${status.feedback} feedback ${status.feedback === 1 ? 'issue' : 'issues'}; ${given} of ${status.testers.length} testers have given feedback.`,
    '',
    '| Policy | Feedback | Mean clarity | By type | State | Pull requests |',
    '| --- | ---: | ---: | --- | --- | --- |',
    ...status.policies.map(
      (policy) =>
        `| ${cell(policy.policy)} | ${policy.feedback} | ${clarity(policy.meanClarity)} | ${problems(policy)} | ${states(policy)} | ${policy.pullRequests.map((n) => `#${n}`).join(', ') || '–'} |`,
    ),
    '',
    '| Tester | Group | Feedback |',
    '| --- | --- | ---: |',
    ...status.testers.map((tester) => `| ${cell(tester.tester)} | ${tester.group} | ${tester.feedback} |`),
  ];
  if (status.unreadable.length > 0) {
    lines.push('', 'Feedback that could not be read in full:', ...status.unreadable.map((item) => `- #${item.number}: ${item.problems.map(cell).join('; ')}`));
  }
  return `${lines.join('\n')}\n`;
}

function statusTable(status: RoundStatus): string {
  const rows = [
    ['policy', 'feedback', 'clarity', 'by type', 'state'],
    ...status.policies.map((policy) => [policy.policy, String(policy.feedback), clarity(policy.meanClarity), problems(policy), states(policy)]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const format = (row: string[]) => row.map((value, column) => value.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const testers = status.testers.map((tester) => `  ${tester.feedback > 0 ? '✔' : '·'} ${tester.tester} (${tester.group}): ${tester.feedback}`);
  return `${status.title}: ${status.feedback} feedback\n\n${rows.map(format).join('\n')}\n\nTesters:\n${testers.join('\n')}\n`;
}
