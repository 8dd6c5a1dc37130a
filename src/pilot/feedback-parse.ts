import { parseIssue } from '@github/issue-parser';
import { parse, stringify } from 'yaml';
import { inlineCode, unfenced } from '../github/inert-text.ts';
import { policyIdFromOption } from '../policies/feedback-link.ts';
import { FROM_OPTIONS, PROBLEM_TYPES } from './feedback-form.ts';

export type ProblemType = Lowercase<(typeof PROBLEM_TYPES)[number]>;

export interface Feedback {
  policy?: string;
  round?: string;
  section?: string;
  current?: string;
  suggested?: string;
  problem?: ProblemType;
  clarity?: number;
  from?: 'staff' | 'customer';
  /** The tester code of someone without a GitHub account, as they or a staff member typed it. */
  code?: string;
  /** Issues from before tester codes: the customer's name, read so old rounds still count. */
  customer?: string;
}

export interface ParsedFeedback {
  feedback: Feedback;
  /** Fields that could not be read, each with the reason: for a comment asking to fix the issue. */
  unreadable: string[];
}

const REQUIRED: (keyof Feedback)[] = ['policy', 'current', 'problem', 'clarity', 'from'];

/**
 * Read a feedback issue written with the issue form. The form's YAML tells the parser which
 * heading is which field; a body someone edited by hand still gives what can be read, and a
 * list of what could not. Text from issues is untrusted: this only reads it into strings.
 */
export function parseFeedback(body: string, formYaml: string): ParsedFeedback {
  let raw: Record<string, unknown>;
  try {
    raw = parseIssue(body ?? '', withLegacyFields(formYaml)) as Record<string, unknown>;
  } catch {
    raw = {};
  }
  const unreadable: string[] = [];
  const feedback: Feedback = {};
  const text = (key: string) => {
    // An imported answer's words stand in a code block (see src/feedback/issue-form.ts).
    const value = first(raw[key]);
    return value && value !== '_No response_' && value !== 'None' ? unfenced(value.trim()).trim() : undefined;
  };

  const policyLabel = text('policy');
  if (policyLabel) {
    const id = policyIdFromOption(policyLabel);
    if (id) feedback.policy = id;
    else unreadable.push(`policy: ${quoted(policyLabel)} is not one of the form's choices`);
  }
  assign(feedback, 'round', text('round'));
  assign(feedback, 'section', text('section'));
  assign(feedback, 'current', text('current'));
  assign(feedback, 'suggested', text('suggested'));
  assign(feedback, 'code', text('code'));
  assign(feedback, 'customer', text('customer'));

  const problem = text('problem')?.toLowerCase();
  if (problem) {
    if ((PROBLEM_TYPES as readonly string[]).map((type) => type.toLowerCase()).includes(problem)) feedback.problem = problem as ProblemType;
    else unreadable.push(`problem: ${quoted(problem)} is not one of ${PROBLEM_TYPES.join(', ')}`);
  }
  const clarity = text('clarity');
  if (clarity) {
    const value = Number(clarity);
    if (Number.isInteger(value) && value >= 1 && value <= 5) feedback.clarity = value;
    else unreadable.push(`clarity: ${quoted(clarity)} is not a number from 1 to 5`);
  }
  const from = text('from');
  if (from) {
    if (from === FROM_OPTIONS.staff) feedback.from = 'staff';
    else if (from === FROM_OPTIONS.customer) feedback.from = 'customer';
    else unreadable.push(`from: ${quoted(from)} is not one of the form's choices`);
  }
  for (const field of REQUIRED) {
    if (feedback[field] === undefined && !unreadable.some((entry) => entry.startsWith(`${field}:`))) unreadable.push(`${field}: missing`);
  }
  return { feedback, unreadable };
}

/**
 * Forms before tester codes asked for the customer's name under this heading. The parser files
 * a heading the form does not know under the field above it, so the form it reads with still
 * knows the old field: an old issue keeps its answers apart and its round still counts.
 */
const LEGACY_FIELDS = [{ type: 'input', id: 'customer', attributes: { label: "Customer's name" } }];

/** The last form read and its legacy-aware copy: a run reads every issue with the same form. */
let lastForm: { yaml: string; result: string } | undefined;

function withLegacyFields(formYaml: string): string {
  if (lastForm?.yaml === formYaml) return lastForm.result;
  let result = formYaml;
  try {
    const form = parse(formYaml) as { body?: { id?: string }[] } | null;
    if (form && Array.isArray(form.body)) {
      const ids = new Set(form.body.map((field) => field?.id));
      const missing = LEGACY_FIELDS.filter((field) => !ids.has(field.id));
      if (missing.length > 0) result = stringify({ ...form, body: [...form.body, ...missing] }, { lineWidth: 0 });
    }
  } catch {
    // A form that is not YAML is the parser's to report, as before.
  }
  lastForm = { yaml: formYaml, result };
  return result;
}

function first(value: unknown): string | undefined {
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function assign<K extends keyof Feedback>(target: Feedback, key: K, value: Feedback[K] | undefined): void {
  if (value !== undefined && value !== '') target[key] = value;
}

/** Untrusted text, briefly, as inert code: these lines reach issue comments. */
function quoted(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return inlineCode(oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine);
}
