/**
 * Each row of an export as the feedback issue it becomes: its fields in the form's words, personal
 * data taken out, and an id that stays the same in every later export of the same answer. A row
 * that cannot become a proper feedback issue is a problem that names its row and column; one such
 * row stops the whole import before anything is filed.
 */
import { createHash } from 'node:crypto';
import { FROM_OPTIONS } from '../pilot/feedback-form.ts';
import { policyOptionLabel } from '../policies/feedback-link.ts';
import type { AnswerColumnKey } from '../schema/feedback.ts';
import type { AnswerTable, Cell } from './answer-file.ts';
import { foldTitle, type ColumnPlan } from './answer-columns.ts';
import { answerTime, slashOrder, TIME_EXAMPLE, type AnswerTime } from './answer-times.ts';
import type { FieldValue, FormField, IssueForm } from './issue-form.ts';
import { saysYes, scrubPersonalData } from './personal-data.ts';
import { shownAnswer } from './shown.ts';

/** A name credited with consent, at most this long: a name, not a paragraph. */
const MAX_NAME = 100;

export interface ImportPolicy {
  id: string;
  title: string;
  /** The policy's source text: numbers and addresses it publishes are kept in answers. */
  words: string;
}

export interface ImportedAnswer {
  row: number;
  /** Stable across exports: Microsoft's answer number and start time, or Google's time and answers. */
  id: string;
  time: AnswerTime;
  policy: ImportPolicy;
  values: Map<string, FieldValue>;
  /** The name the person agreed to be credited with. */
  credit?: string | undefined;
}

export interface RowProblem {
  row: number;
  column: string;
  problem: string;
}

export interface ReadAnswersOptions {
  form: IssueForm;
  policies: readonly ImportPolicy[];
  /** `--round`: the round of answers that name none. */
  round?: string | undefined;
}

/** Fields an answer never fills in an issue: who someone is stays out of GitHub. */
const NOT_FILED: ReadonlySet<AnswerColumnKey> = new Set(['consent', 'name', 'email']);

export interface ReadAnswersResult {
  answers: ImportedAnswer[];
  problems: RowProblem[];
  /** Times are written `1/2/2026` and none says whether the day or the month is first: month first was assumed. */
  slashDaysUnclear: boolean;
}

export function readAnswers(table: AnswerTable, plan: ColumnPlan, options: ReadAnswersOptions): ReadAnswersResult {
  const answers: ImportedAnswer[] = [];
  const problems: RowProblem[] = [];
  const timeColumn = plan.meta.get('time');
  const timeTexts = timeColumn === undefined ? [] : table.rows.map(({ cells }) => cells[timeColumn]).filter((cell): cell is string => typeof cell === 'string');
  const order = slashOrder(timeTexts);
  const findPolicy = policyFinder(options.policies);
  for (const { row, cells } of table.rows) {
    const problem = (column: number | undefined, text: string) => problems.push({ row, column: column === undefined ? '' : (table.titles[column] ?? ''), problem: text });
    const text = (column: number | undefined) => cellText(column === undefined ? undefined : cells[column]);

    const time = timeColumn === undefined ? undefined : answerTime(cells[timeColumn] ?? '', order);
    if (!time) problem(timeColumn, `Unexpected ${shownAnswer(text(timeColumn))}, expected a date and time such as \`${TIME_EXAMPLE}\``);
    const policyColumn = plan.fields.get('policy');
    const policy = findPolicy(text(policyColumn));
    if (!policy) problem(policyColumn, `Unexpected ${shownAnswer(text(policyColumn))}, expected a policy of the handbook by its id or title, such as \`${options.policies[0]?.id ?? 'greeting-customers'}\``);
    const values = fieldValues(options, plan, text, problem, policy);
    if (!time || !policy) continue;
    answers.push({ row, id: answerId(table, plan, cells, time), time, policy, values, credit: credit(plan, text) });
  }
  const slashDaysUnclear = order === 'unknown' && timeTexts.some((time) => /^\d{1,2}\/\d{1,2}\/\d{4}/.test(time.trim()));
  return { answers, problems, slashDaysUnclear };
}

function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  return cell instanceof Date ? cell.toISOString() : cell.trim();
}

/**
 * What one answer puts in each field of the form, in the form's words: a dropdown's choice, or the
 * person's words with addresses and phone numbers removed. Who someone is is never a field's value.
 */
function fieldValues(
  options: ReadAnswersOptions,
  plan: ColumnPlan,
  text: (column: number | undefined) => string,
  problem: (column: number | undefined, text: string) => void,
  policy: ImportPolicy | undefined,
): Map<string, FieldValue> {
  const values = new Map<string, FieldValue>();
  if (policy) values.set('policy', { kind: 'choice', text: policyOptionLabel(policy) });
  for (const field of options.form.fields) {
    const key = field.id as AnswerColumnKey;
    if (key === 'policy' || NOT_FILED.has(key)) continue;
    const column = plan.fields.get(key);
    const said = text(column);
    if (said === '') {
      // Someone answering the team's form is not filing for anyone: unless it asks, a customer.
      if (key === 'from') values.set(key, { kind: 'choice', text: FROM_OPTIONS.customer });
      else if (key === 'round' && options.round) values.set(key, { kind: 'words', text: options.round });
      else if (field.required && column !== undefined) problem(column, `Unexpected empty answer, expected ${expected(field)}: the form needs one`);
    } else if (field.type === 'dropdown') {
      const choice = chooseOption(field, said);
      if (choice === undefined) problem(column, `Unexpected ${shownAnswer(said)}, expected ${expected(field)}`);
      else values.set(key, { kind: 'choice', text: choice });
    } else {
      values.set(key, { kind: 'words', text: scrubPersonalData(said, policy?.words) });
    }
  }
  return values;
}

/** A policy by id, by the dropdown's label, or by title; case and spaces do not matter. Folded once, not once a row. */
function policyFinder(policies: readonly ImportPolicy[]): (said: string) => ImportPolicy | undefined {
  const byName = new Map<string, ImportPolicy>();
  for (const policy of policies) for (const name of [policy.title, policyOptionLabel(policy), policy.id]) byName.set(foldTitle(name), policy);
  return (said) => byName.get(foldTitle(said));
}

/**
 * One of the dropdown's choices. Numbers match as numbers (a workbook's `3` is the form's "3"),
 * and who the feedback is from may also be said as `staff` or `customer`.
 */
function chooseOption(field: FormField, said: string): string | undefined {
  const folded = foldTitle(said);
  const exact = field.options.find((option) => foldTitle(option) === folded);
  if (exact !== undefined) return exact;
  if (/^\d+(?:\.0+)?$/.test(said)) {
    const number = field.options.find((option) => /^\d+$/.test(option) && Number(option) === Number(said));
    if (number !== undefined) return number;
  }
  if (field.id === 'from' && (folded === 'staff' || folded === 'customer')) return FROM_OPTIONS[folded];
  return undefined;
}

function expected(field: FormField): string {
  if (field.type !== 'dropdown') return `an answer to "${field.label}"`;
  const shown = field.options.slice(0, 6).map((option) => `\`${option}\``);
  return `one of ${shown.join(', ')}${field.options.length > 6 ? ', ...' : ''}`;
}

/**
 * The same answer has the same id in every export. Microsoft numbers its answers, per form: with
 * the time the answer was started, two forms' answer 1 differ. Google has no number: the time the
 * answer was sent and what it says (not who said it) identify it, whichever locale wrote the time.
 */
function answerId(table: AnswerTable, plan: ColumnPlan, cells: readonly Cell[], time: AnswerTime): string {
  const at = (column: number | undefined) => (column === undefined ? undefined : cells[column]);
  const parts =
    table.tool === 'microsoft'
      ? ['microsoft', cellText(at(plan.meta.get('id'))), startedAt(at(plan.meta.get('started'))) ?? cellText(at(plan.meta.get('started')))]
      : ['google', time.wall, ...[...plan.fields].filter(([key]) => !NOT_FILED.has(key)).sort(([a], [b]) => a.localeCompare(b)).map(([key, column]) => `${key}=${cellText(cells[column])}`)];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20);
}

/** A start time to the second, as every export of the answer shows it. */
function startedAt(cell: Cell | undefined): string | undefined {
  return cell === undefined ? undefined : answerTime(cell, 'unknown')?.wall;
}

/** The name to credit: only when the answer says yes to being named, and without any address in it. */
function credit(plan: ColumnPlan, text: (column: number | undefined) => string): string | undefined {
  const consent = plan.fields.get('consent');
  if (consent === undefined || !saysYes(text(consent))) return undefined;
  const name = scrubPersonalData(text(plan.fields.get('name')).replace(/\s+/g, ' ')).slice(0, MAX_NAME).trim();
  return name === '' || name === '[removed]' ? undefined : name;
}
