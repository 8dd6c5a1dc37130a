/**
 * The one path every schema error takes on its way to a person: site build, scripts and config
 * loading all turn zod issues into errors here, so an editor sees the same words ("Unexpected X,
 * expected Y", the file, the line, an example fix) wherever they made the mistake. A handbook
 * file's mistakes are `ContentError`s (an editor fixes the file); settings' are `ConfigError`s.
 */
import type { z } from 'zod';
import { ConfigError, ContentError, type FileProblem } from '../errors/index.ts';
import { locateYamlPath, type YamlSource } from './yaml-location.ts';

/** What to tell a person about one field: what it holds and a line they can copy. */
export interface FieldHelp {
  /** Noun phrase, e.g. "a GitHub user or team such as `@acme/support`"; by default, what zod expected. */
  expected?: string;
  /** A correct YAML line, e.g. `status: published`. */
  example: string;
}

export type FieldHelpTable = Readonly<Record<string, FieldHelp>>;

export type FriendlyIssue = FileProblem;

/** Whose mistake a schema error is: a handbook file's (`content`) or the settings' (`config`). */
export type SchemaKind = 'content' | 'config';

/** A schema error, with the file, each problem and its line, in the one message format. */
export function schemaError(kind: SchemaKind, what: string, file: string, problems: readonly FriendlyIssue[]): ContentError | ConfigError {
  const ErrorClass = kind === 'content' ? ContentError : ConfigError;
  return new ErrorClass(formatSchemaError(what, file, problems), { file, problems });
}

export interface ValidateOptions {
  kind: SchemaKind;
  /** Shown in the heading, e.g. "policy frontmatter". */
  what: string;
  /** Repository-relative path of the file being validated. */
  file: string;
  help?: FieldHelpTable;
  /** The YAML text the data came from, so issues can name a line. */
  yaml?: YamlSource;
  /**
   * More schemas to run on the same input. zod skips an object's refinements once a field fails,
   * so checks that should always report (a misspelt field name) run beside the main schema.
   */
  checks?: readonly z.ZodType[];
}

/** Parse `input` with `schema`, or throw a `ContentError`/`ConfigError` that a person can act on. */
export function validateOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ValidateOptions,
): z.output<S> {
  const result = schema.safeParse(input);
  const checkIssues = (options.checks ?? []).flatMap((check) => check.safeParse(input).error?.issues ?? []);
  if (result.success && checkIssues.length === 0) return result.data;
  const issues = [...checkIssues, ...(result.error?.issues ?? [])];
  throw schemaError(options.kind, options.what, options.file, toFriendlyIssues(issues, input, options));
}

export function toFriendlyIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  { help = {}, yaml }: Pick<ValidateOptions, 'help' | 'yaml'>,
): FriendlyIssue[] {
  const friendly = issues.flatMap((issue) => expandUnrecognizedKeys(issue)).map((issue) => {
    const field = issue.path.map(String).join('.');
    const fieldHelp = helpFor(help, issue.path);
    const value = valueAtPath(input, issue.path);
    const location = yaml ? locateYamlPath(yaml, issue.path) : undefined;
    return {
      field,
      problem: describeProblem(issue, field, value, fieldHelp),
      ...(fieldHelp && issue.code !== 'unrecognized_keys' ? { fix: fieldHelp.example } : {}),
      ...location,
    };
  });
  return friendly.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export function formatSchemaError(what: string, file: string, issues: readonly FriendlyIssue[]): string {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const lines = [`Invalid ${what} in ${file} (${count}):`];
  for (const issue of issues) {
    const where = issue.line ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
    lines.push(`  ${where}: ${issue.problem}`);
    if (issue.fix?.includes('\n')) lines.push('    Fix: write it like this:', ...issue.fix.split('\n').map((line) => `      ${line}`));
    else if (issue.fix) lines.push(`    Fix: write it like \`${issue.fix}\``);
  }
  return lines.join('\n');
}

type Issue = z.core.$ZodIssue;

/**
 * The most specific help: `site.url` before `site`, `goals` for `goals.1`. List items match `*`,
 * so `goals.*.kpi` covers the `kpi` of every goal.
 */
function helpFor(help: FieldHelpTable, path: readonly PropertyKey[]): FieldHelp | undefined {
  for (let length = path.length; length > 0; length--) {
    const prefix = path.slice(0, length);
    const entry = help[prefix.map(String).join('.')] ?? help[prefix.map((key) => (typeof key === 'number' ? '*' : String(key))).join('.')];
    if (entry) return entry;
  }
  return undefined;
}

/** zod reports several unknown keys in one issue; a person fixes them one line at a time. */
function expandUnrecognizedKeys(issue: Issue): Issue[] {
  if (issue.code !== 'unrecognized_keys') return [issue];
  return issue.keys.map((key) => ({ ...issue, keys: [key], path: [...issue.path, key] }));
}

function describeProblem(issue: Issue, field: string, value: unknown, help: FieldHelp | undefined): string {
  const expected = help?.expected ?? expectedFromIssue(issue);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `Missing \`${field}\`, expected ${expected}.`;
      return `Unexpected ${describeValue(value)} in \`${field}\`, expected ${expected}.`;
    case 'unrecognized_keys':
      return `Unexpected field \`${field}\`, expected only the fields this file documents. Check the spelling or remove it.`;
    case 'custom':
      // Our own refinements already speak in this voice; zod's default "Invalid input" does not.
      if (issue.message.startsWith('Unexpected')) return issue.message;
      return `Unexpected ${describeValue(value)} in \`${field}\`, expected ${expected}.`;
    default:
      return `Unexpected ${describeValue(value)} in \`${field}\`, expected ${expected}.`;
  }
}

function expectedFromIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `a ${issue.expected}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'too_small':
      return `at least ${String(issue.minimum)}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}`;
    default:
      return issue.message.toLowerCase();
  }
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '`invalid date`' : `\`${value.toISOString().slice(0, 10)}\``;
  if (typeof value === 'string') return value === '' ? 'an empty value' : `\`${value}\``;
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a group of fields';
  return `\`${String(value)}\``;
}

function valueAtPath(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
