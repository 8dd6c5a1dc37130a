/**
 * The feedback issue form as data, and an issue body written the way GitHub writes one from it:
 * each field, in the form's order, as `### Label`, a blank line and the answer (`_No response_`
 * when empty). `parseFeedback` reads such a body back, so an imported answer is one more
 * feedback issue to `feedback pr`, `feedback decline` and `pilot status`.
 */
import { parse } from 'yaml';
import { ContentError } from '../errors/index.ts';
import { fenced } from '../github/inert-text.ts';
import { FEEDBACK_FORM_PATH } from '../pilot/feedback-form.ts';

export interface FormField {
  id: string;
  type: 'input' | 'textarea' | 'dropdown' | 'checkboxes';
  label: string;
  required: boolean;
  /** A dropdown's choices. */
  options: string[];
}

export interface IssueForm {
  fields: FormField[];
  /** The title every issue from the form starts with (`Feedback: `). */
  title: string;
  labels: string[];
}

/** The fields of the form's YAML (`.github/ISSUE_TEMPLATE/policy-feedback.yml` or the generated one). */
export function readIssueForm(formYaml: string): IssueForm {
  const form = parse(formYaml) as { title?: unknown; labels?: unknown; body?: unknown } | null;
  if (!form || !Array.isArray(form.body)) {
    throw new ContentError(`Unexpected ${FEEDBACK_FORM_PATH}: it has no \`body\` list of fields. Run \`npx plainbook forms\` to write it again.`, { file: FEEDBACK_FORM_PATH });
  }
  const fields: FormField[] = [];
  for (const item of form.body as { type?: string; id?: string; attributes?: { label?: string; options?: unknown }; validations?: { required?: boolean } }[]) {
    if (item.type === 'markdown' || !item.id || !item.attributes?.label) continue;
    const options = Array.isArray(item.attributes.options) ? item.attributes.options.map((option) => (typeof option === 'string' ? option : String((option as { label?: unknown }).label ?? ''))) : [];
    fields.push({ id: item.id, type: item.type as FormField['type'], label: item.attributes.label, required: item.validations?.required === true, options });
  }
  return {
    fields,
    title: typeof form.title === 'string' ? form.title : 'Feedback: ',
    labels: Array.isArray(form.labels) ? form.labels.filter((label): label is string => typeof label === 'string') : [],
  };
}

/**
 * What an answer puts in a field: a choice of the form's (written as it is: it is one of our
 * own words) or words someone wrote, which GitHub must show as words (see `freeText`).
 */
export type FieldValue = { kind: 'choice'; text: string } | { kind: 'words'; text: string };

/**
 * The body GitHub's issue form would write, with `lead` (the hidden marker, a credit line) above
 * the first field: `parseFeedback` reads from the first `###`, so nothing above it becomes part of
 * an answer.
 */
export function renderIssueBody(form: IssueForm, values: ReadonlyMap<string, FieldValue>, lead: readonly string[]): string {
  const sections = form.fields.map((field) => {
    const value = values.get(field.id);
    return `### ${field.label}\n\n${value ? (value.kind === 'choice' ? value.text : freeText(value.text)) : '_No response_'}`;
  });
  return [...lead, ...sections].join('\n\n');
}

/**
 * Words from an answer as GitHub shows them: in a code block, where no Markdown, HTML, link,
 * image, @mention or #reference works (`parseFeedback` takes the block off again). GitHub's form
 * parser starts a new field at any `###`: a run of three or more `#` is split with spaces, so an
 * answer cannot pose as another field.
 */
export function freeText(text: string): string {
  return fenced(noFieldHeadings(text));
}

/** Runs of three or more `#` split by spaces: GitHub's form parser reads `###` anywhere as a new field. */
export function noFieldHeadings(text: string): string {
  return text.replace(/#{3,}/g, (run) => run.split('').join(' '));
}
