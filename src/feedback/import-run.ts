/**
 * `plainbook feedback import`: an export of the team's own form, checked whole, then filed as
 * feedback issues. Nothing reaches GitHub until every row has been read without a problem.
 */
import { ContentError, type FileProblem } from '../errors/index.ts';
import type { IssueTracker } from '../github/issues.ts';
import type { AnswerColumnKey, FeedbackSettings } from '../schema/feedback.ts';
import { plural } from '../text/plural.ts';
import { describePlan, matchColumns, type ColumnPlan } from './answer-columns.ts';
import { readAnswerFile } from './answer-file.ts';
import { readAnswers, type ImportedAnswer, type ImportPolicy, type RowProblem } from './answer-rows.ts';
import { fileAnswers, issueFor } from './import-issues.ts';
import { readIssueForm, type IssueForm } from './issue-form.ts';
import { MAX_BODY_BYTES } from './prepare.ts';
import { shown } from './shown.ts';

/** Problems listed in the message; the rest are counted. A file with a wrong column has one per row. */
const MAX_LISTED_PROBLEMS = 20;

export interface ImportInput {
  /** The file as the person named it, and where it is. */
  file: string;
  path: string;
  formYaml: string;
  policies: readonly ImportPolicy[];
  columns?: FeedbackSettings['columns'];
  since?: string | undefined;
  round?: string | undefined;
  /** The GitHub side, made only once the file has been read without a problem. */
  github: () => IssueTracker;
  out: (line: string) => void;
  log: (line: string) => void;
}

export interface ImportSummary {
  filed: number;
  already: number;
  beforeSince: number;
}

export async function importAnswers(input: ImportInput): Promise<ImportSummary> {
  const table = await readAnswerFile(input.path, input.file);
  const form = readIssueForm(input.formYaml);
  const plan = matchColumns(table, form, input.columns);
  input.out(describePlan(plan));

  const { answers, problems, slashDaysUnclear } = readAnswers(table, plan, { form, policies: input.policies, round: input.round });
  problems.push(...tooLong(answers, form, plan, table.titles));
  if (problems.length > 0) throw badRows(input.file, problems);
  if (input.since && slashDaysUnclear) {
    throw new ContentError(
      `\`${input.file}\` writes its times as \`1/2/2026\`, and no answer shows whether the day or the month comes first, so \`--since\` cannot tell which answers to skip. Download the answers from the form itself ("Download responses (.csv)"), which writes \`2026/01/02\`, or leave out \`--since\`.`,
      { file: input.file },
    );
  }

  const since = input.since;
  const wanted = since ? answers.filter((answer) => answer.time.day >= since) : answers;
  const beforeSince = answers.length - wanted.length;
  const tracker = input.github();
  const result = await fileAnswers(tracker, wanted, form, input.log);
  const verb = tracker.dryRun ? 'Would file' : 'Filed';
  const parts = [`${verb} ${plural(result.filed.length, 'issue')}`, `${plural(result.already.length, 'answer')} already filed`];
  if (since) parts.push(`${plural(beforeSince, 'answer')} from before ${since} skipped (--since)`);
  input.out(`${parts.join(', ')}.`);
  return { filed: result.filed.length, already: result.already.length, beforeSince };
}

/** Answers whose issue GitHub would refuse, or `feedback pr` would not read: longer than an issue may be. */
function tooLong(answers: readonly ImportedAnswer[], form: IssueForm, plan: ColumnPlan, titles: readonly string[]): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const answer of answers) {
    const bytes = Buffer.byteLength(issueFor(answer, form).body, 'utf8');
    if (bytes <= MAX_BODY_BYTES) continue;
    const [longest] = [...answer.values].sort(([, a], [, b]) => b.text.length - a.text.length);
    const column = longest ? plan.fields.get(longest[0] as AnswerColumnKey) : undefined;
    problems.push({ row: answer.row, column: column === undefined ? '' : (titles[column] ?? ''), problem: `Unexpected answer of ${plural(bytes, 'byte')}, expected at most ${plural(MAX_BODY_BYTES, 'byte')} in all (64 KB, what a feedback issue may hold): shorten it in the sheet` });
  }
  return problems;
}

function badRows(file: string, problems: RowProblem[]): ContentError {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  const lines = sorted.slice(0, MAX_LISTED_PROBLEMS).map(({ row, column, problem }) => `- row ${row}${column ? `, column ${shown(column)}` : ''}: ${problem}.`);
  if (sorted.length > MAX_LISTED_PROBLEMS) lines.push(`- and ${plural(sorted.length - MAX_LISTED_PROBLEMS, 'more problem')}.`);
  const rows = new Set(sorted.map((problem) => problem.row)).size;
  const fileProblems: FileProblem[] = sorted.map(({ row, column, problem }) => ({ field: column ? `row ${row}, column ${column}` : `row ${row}`, problem, line: row }));
  return new ContentError(`\`${file}\` has ${plural(rows, 'row')} that cannot be filed, so nothing was filed. Fix ${rows === 1 ? 'it' : 'them'} in the sheet (or the form's answers), export again and run the import again:\n${lines.join('\n')}`, { file, problems: fileProblems });
}
