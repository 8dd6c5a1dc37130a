/**
 * Imported answers filed as feedback issues, each exactly once: every issue carries a hidden
 * marker with its answer's id, and an answer whose marker is already on one of our feedback
 * issues (open or closed) is not filed again, whichever export it came from.
 */
import type { IssueTracker, Issue, LabelSpec } from '../github/issues.ts';
import { pilotLabels } from '../pilot/bodies.ts';
import { inlineCode } from '../github/inert-text.ts';
import { isSelf } from '../github/identity.ts';
import { marker } from '../github/markers.ts';
import type { ImportedAnswer } from './answer-rows.ts';
import { noFieldHeadings, renderIssueBody, type IssueForm } from './issue-form.ts';

/** `<!-- plainbook:feedback-import:<id> -->`: the answer an issue was filed from. */
export const importTag = (answerId: string) => marker(`feedback-import:${answerId}`);
const TAG_HEAD = '<!-- plainbook:feedback-import:';
/** The tag `importTag` writes (ids are hex, see `answerId`), to read every id in one pass. */
const TAG_PATTERN = /<!-- plainbook:feedback-import:([0-9a-f]+) -->/g;

/** The label an imported issue gets when the form names none. */
const DEFAULT_LABEL = 'feedback';

export interface FeedbackIssue {
  title: string;
  body: string;
  labels: string[];
  tag: string;
}

/** The issue an answer becomes: the form's title and labels, its body in the form's layout. */
export function issueFor(answer: ImportedAnswer, form: IssueForm): FeedbackIssue {
  const tag = importTag(answer.id);
  const lead = [tag];
  // The name stands as code: no @mention or link, whatever the person typed.
  if (answer.credit) lead.push(`From: ${inlineCode(noFieldHeadings(answer.credit), 100)} (agreed to be named)`);
  return {
    title: `${form.title.trimEnd()} ${answer.policy.title}`.trim(),
    body: renderIssueBody(form, answer.values, lead),
    labels: form.labels.length > 0 ? form.labels : [DEFAULT_LABEL],
    tag,
  };
}

/** The form's labels, coloured and described as `pilot start` makes them, should they be missing. */
function labelSpecs(form: IssueForm): LabelSpec[] {
  const known = pilotLabels({ id: 'feedback', title: '' });
  return (form.labels.length > 0 ? form.labels : [DEFAULT_LABEL]).map((name) => known.find((spec) => spec.name === name) ?? { name, color: 'ededed', description: '' });
}

export interface FilingResult {
  filed: { answer: ImportedAnswer; number: number | undefined; title: string }[];
  already: { answer: ImportedAnswer; number: number }[];
}

/**
 * File the issues that are not there yet. Reads every issue with the form's label once; a create
 * whose answer was lost is found again by its marker before it is tried again (`createIssueOnce`).
 */
export async function fileAnswers(tracker: IssueTracker, answers: readonly ImportedAnswer[], form: IssueForm, log: (line: string) => void): Promise<FilingResult> {
  const label = form.labels[0] ?? DEFAULT_LABEL;
  if (answers.length === 0) return { filed: [], already: [] };
  await tracker.ensureLabels(labelSpecs(form));
  // Which answers are on GitHub already, by id: one pass over the issues, not one per answer.
  const listed = await tracker.issuesWithLabel(label);
  const self = listed.some((issue) => issue.body?.includes(TAG_HEAD)) ? await tracker.self() : '';
  const filedIds = new Map<string, number>();
  for (const issue of listed) {
    if (!isSelf(issue.user, self)) continue;
    for (const found of (issue.body ?? '').matchAll(TAG_PATTERN)) filedIds.set(found[1] ?? '', issue.number);
  }
  const result: FilingResult = { filed: [], already: [] };
  for (const answer of answers) {
    const issue = issueFor(answer, form);
    // A row copied in the sheet is the same answer twice: filed once.
    const existing = filedIds.get(answer.id);
    if (existing !== undefined) {
      result.already.push({ answer, number: existing });
      continue;
    }
    if (tracker.dryRun) {
      log(`Would file "${issue.title}" (row ${answer.row})`);
      filedIds.set(answer.id, 0);
      result.filed.push({ answer, number: undefined, title: issue.title });
      continue;
    }
    const created: Issue = await tracker.createIssueOnce(issue.tag, { title: issue.title, body: issue.body, labels: issue.labels }, () => tracker.issuesWithLabel(label));
    filedIds.set(answer.id, created.number);
    log(`Filed #${created.number} "${issue.title}" (row ${answer.row})`);
    result.filed.push({ answer, number: created.number, title: issue.title });
  }
  return result;
}
