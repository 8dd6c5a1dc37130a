/**
 * The `lint:` section of `plainbook.config.yml`: how hard the prose lint is on policies.
 */
import { z } from 'zod';
import type { FieldHelpTable } from './friendly-error.ts';
import { closestMatch } from './suggest.ts';

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

const severity = z.enum(SEVERITIES);

const rulesSchema = z.record(z.string(), severity).superRefine((rules, ctx) => {
  for (const rule of Object.keys(rules)) {
    if ((RULE_IDS as string[]).includes(rule)) continue;
    const meant = closestMatch(rule, RULE_IDS);
    ctx.addIssue({
      code: 'custom',
      path: [rule],
      message: `Unexpected unknown rule \`${rule}\`, expected ${meant ? `\`${meant}\`` : `one of ${RULE_IDS.map((id) => `\`${id}\``).join(', ')}`}.`,
    });
  }
});

/** Spelling dictionaries the lint has; the readability word lists are the same for all of them. */
export const LINT_LANGUAGES = ['en-US', 'en-GB', 'en-AU', 'en-CA'] as const;
export type LintLanguage = (typeof LINT_LANGUAGES)[number];

export const lintSettingsSchema = z.strictObject({
  /** Which English the spell check knows: `colour` is right in en-GB, `color` in en-US. */
  language: z.enum(LINT_LANGUAGES).default('en-US'),
  /** US school grade the prose should read at: 6 means an 11 to 12 year old can follow it. */
  targetGrade: z.number().min(1).max(18).default(6),
  maxSentenceWords: z.int().min(5).max(100).default(25),
  maxParagraphSentences: z.int().min(1).max(50).default(5),
  /** Severity per rule; rules left out keep their default. */
  rules: rulesSchema.default({}),
  /** Words no rule should flag (names, product words). */
  ignoreWords: z.array(z.string().trim().min(1)).default([]),
  /**
   * One word per line, accepted by the spell check; relative to the content folder. Left out, the
   * lint reads `words.txt` when there is one; named, the file must exist (a typo would otherwise
   * turn every team word into a spelling finding without a word of why).
   */
  wordList: z.string().min(1).optional(),
});

export type LintSettings = z.infer<typeof lintSettingsSchema>;

export const DEFAULT_WORD_LIST = 'words.txt';

export function severityOf(settings: Pick<LintSettings, 'rules'>, rule: RuleId): Severity {
  return settings.rules[rule] ?? DEFAULT_SEVERITIES[rule];
}

export const lintSettingsHelp: FieldHelpTable = {
  'lint.language': { expected: 'one of `en-US`, `en-GB`, `en-AU`, `en-CA`', example: 'language: en-GB' },
  'lint.targetGrade': { expected: 'a reading grade from 1 to 18', example: 'targetGrade: 6' },
  'lint.maxSentenceWords': { expected: 'a whole number of words from 5 to 100', example: 'maxSentenceWords: 25' },
  'lint.maxParagraphSentences': {
    expected: 'a whole number of sentences from 1 to 50',
    example: 'maxParagraphSentences: 5',
  },
  'lint.rules': { expected: 'a severity: `off`, `warn` or `error`', example: 'passive: warn' },
  'lint.ignoreWords': { expected: 'a list of words', example: 'ignoreWords: [Acme, CSAT]' },
  'lint.wordList': { expected: 'a file name in the content folder', example: 'wordList: words.txt' },
};
