/**
 * The lint's rules, severities and languages as plain values, apart from the settings' zod schema
 * (lint.ts): the check page's worker runs the lint in a browser, and zod would be a third of it.
 */
export const SEVERITIES = ['off', 'warn', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Every rule the lint knows, with its default severity. Errors are what a policy must never do
 * (too hard to read, broken structure); warnings are advice an editor may weigh.
 */
export const DEFAULT_SEVERITIES = {
  // Plainbook's own rules.
  'document-grade': 'error',
  'sentence-length': 'error',
  'paragraph-length': 'warn',
  // retext plugins.
  readability: 'warn',
  simplify: 'warn',
  passive: 'warn',
  equality: 'warn',
  // Off by default: on the shipped handbook it gave 72 of 128 warnings, most of them wrong for
  // instructions ("talk about", "all staff", "only"). Turn it on to hunt weasel words.
  intensify: 'off',
  'repeated-words': 'error',
  'indefinite-article': 'error',
  spell: 'warn',
  // remark-lint: structure that breaks navigation, then Markdown style.
  'heading-increment': 'error',
  'no-duplicate-headings': 'error',
  'markdown-style': 'warn',
} as const satisfies Record<string, Severity>;

export type RuleId = keyof typeof DEFAULT_SEVERITIES;
export const RULE_IDS = Object.keys(DEFAULT_SEVERITIES) as RuleId[];

/** Spelling dictionaries the lint has; the readability word lists are the same for all of them. */
export const LINT_LANGUAGES = ['en-US', 'en-GB', 'en-AU', 'en-CA'] as const;
export type LintLanguage = (typeof LINT_LANGUAGES)[number];

export const DEFAULT_WORD_LIST = 'words.txt';

/** A rule's severity under `lint.rules` (rules left out keep their default). */
export function severityOf(settings: { readonly rules: Readonly<Record<string, Severity>> }, rule: RuleId): Severity {
  return settings.rules[rule] ?? DEFAULT_SEVERITIES[rule];
}
