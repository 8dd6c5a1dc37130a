/**
 * Which column of an export holds which field of the feedback form, matched by the question's
 * title: the issue form's own labels, or the team's titles in `feedback.columns`. Case, spaces,
 * quote marks and a closing `?`, `:` or `*` do not matter. Names and e-mail addresses are matched
 * too, only so that they can be left out.
 */
import { ContentError } from '../errors/index.ts';
import { ANSWER_COLUMN_KEYS, type AnswerColumnKey, type FeedbackSettings } from '../schema/feedback.ts';
import { straightenQuotes } from '../text/typography.ts';
import { GOOGLE_TIME_TITLES, type AnswerTable } from './answer-file.ts';
import type { IssueForm } from './issue-form.ts';
import { shown } from './shown.ts';

/** What the export's own columns say about an answer, beside the questions. */
export type MetaKey = 'time' | 'id' | 'started';

export interface ColumnPlan {
  /** Column index of each field the export has. */
  fields: Map<AnswerColumnKey, number>;
  meta: Map<MetaKey, number>;
  used: { title: string; use: string }[];
  ignored: { title: string; why: string }[];
}

/** Names and e-mail addresses as the tools title them; a team adds its own in `feedback.columns`. */
const PERSONAL_TITLES: Record<'name' | 'email', string[]> = {
  name: ['Name', 'Full name', 'Your name'],
  email: ['Email', 'Email address', 'E-mail', 'E-mail address', 'Username'],
};

const META_TITLES: Record<AnswerTable['tool'], Record<string, MetaKey>> = {
  google: Object.fromEntries(GOOGLE_TIME_TITLES.map((title) => [title, 'time' as const])),
  microsoft: { id: 'id', 'start time': 'started', 'completion time': 'time' },
};

const META_WORDS: Record<MetaKey, string> = { time: 'when the answer was given', id: "the answer's number", started: 'when the answer was started' };

/** Fields an answer is useless without: the policy and the words it is about. */
const ESSENTIAL: readonly AnswerColumnKey[] = ['policy', 'current'];

/** A title as compared: `  How CLEAR is it? ` and `how clear is it` are the same question. */
export function foldTitle(title: string): string {
  return straightenQuotes(title.normalize('NFKC'))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[?:*.]+$/, '');
}

export function matchColumns(table: AnswerTable, form: IssueForm, columns: FeedbackSettings['columns'] = {}): ColumnPlan {
  const keys = ANSWER_COLUMN_KEYS.filter((key) => ['consent', 'name', 'email'].includes(key) || form.fields.some((field) => field.id === key));
  // The team's titles first: a title they chose for one field wins over a default label of another.
  const wanted: [string, AnswerColumnKey][] = [];
  for (const key of keys) for (const title of [columns[key] ?? []].flat()) wanted.push([foldTitle(title), key]);
  for (const key of keys) for (const title of defaultTitles(key, form)) wanted.push([foldTitle(title), key]);

  const plan: ColumnPlan = { fields: new Map(), meta: new Map(), used: [], ignored: [] };
  const metaTitles = META_TITLES[table.tool];
  table.titles.forEach((title, index) => {
    const folded = foldTitle(title);
    const meta = metaTitles[folded];
    if (meta !== undefined && !plan.meta.has(meta)) {
      plan.meta.set(meta, index);
      plan.used.push({ title, use: META_WORDS[meta] });
      return;
    }
    const key = wanted.find(([candidate]) => candidate === folded)?.[1];
    if (key === undefined) return void plan.ignored.push({ title, why: 'no field of the form' });
    const earlier = plan.fields.get(key);
    if (earlier !== undefined) {
      throw new ContentError(`Unexpected second column for ${describeKey(key, form)} in \`${table.file}\`: ${shown(table.titles[earlier] ?? '')} and ${shown(title)} both match it, expected one. Rename one question, or name the one to use in \`feedback.columns.${key}\`.`, {
        file: table.file,
        problems: [{ field: `row 1, column ${title}`, problem: `a second column for ${key}` }],
      });
    }
    plan.fields.set(key, index);
    if (key === 'name' || key === 'email') plan.ignored.push({ title, why: key === 'name' ? 'a name: never filed, unless the person agreed to be named' : 'an e-mail address: never filed' });
    else plan.used.push({ title, use: describeKey(key, form) });
  });

  const required = keys.filter((key) => key !== 'from' && (ESSENTIAL.includes(key) || form.fields.some((field) => field.id === key && field.required)));
  const missing = required.filter((key) => !plan.fields.has(key));
  if (missing.length > 0) {
    const lines = missing.map((key) => `- ${describeKey(key, form)}: no column titled ${defaultTitles(key, form).map((title) => `\`${title}\``).join(' or ')}${columns[key] ? ` or ${[columns[key]].flat().map((title) => `\`${title}\``).join(' or ')}` : ''}`);
    throw new ContentError(
      `\`${table.file}\` has no column for ${missing.length === 1 ? 'a field' : 'fields'} the feedback form needs:\n${lines.join('\n')}\nName your question's title in plainbook.config.yml, such as:\n  feedback:\n    columns:\n      ${missing[0]}: "Your question's title"`,
      { file: table.file, problems: missing.map((key) => ({ field: `feedback.columns.${key}`, problem: `no column for ${key}` })) },
    );
  }
  return plan;
}

function defaultTitles(key: AnswerColumnKey, form: IssueForm): string[] {
  if (key === 'name' || key === 'email') return PERSONAL_TITLES[key];
  if (key === 'consent') return [];
  const label = form.fields.find((field) => field.id === key)?.label;
  if (!label) return [];
  // "How clear is this policy? (1 = very unclear, 5 = very clear)" is also "How clear is this policy?".
  const short = label.replace(/\s*\([^)]*\)\s*$/, '');
  return short !== label && short !== '' ? [label, short] : [label];
}

export function describeKey(key: AnswerColumnKey, form: IssueForm): string {
  if (key === 'consent') return 'agreed to be named';
  if (key === 'name') return 'name';
  if (key === 'email') return 'e-mail address';
  return form.fields.find((field) => field.id === key)?.label ?? key;
}

/** The columns used and left out, for the person running the import. */
export function describePlan(plan: ColumnPlan): string {
  const lines = ['Columns used:', ...plan.used.map(({ title, use }) => `  ${shown(title)} -> ${use}`)];
  if (plan.ignored.length > 0) lines.push('Columns left out:', ...plan.ignored.map(({ title, why }) => `  ${shown(title)} (${why})`));
  return lines.join('\n');
}
