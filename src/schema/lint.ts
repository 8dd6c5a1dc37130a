/**
 * The `lint:` section of `plainbook.config.yml`: how hard the prose lint is on policies.
 */
import { z } from 'zod';
import type { FieldHelpTable } from './friendly-error.ts';
import { closestMatch } from './suggest.ts';
import { DEFAULT_SEVERITIES, LINT_LANGUAGES, RULE_IDS, SEVERITIES } from './lint-rules.ts';

export { DEFAULT_SEVERITIES, DEFAULT_WORD_LIST, LINT_LANGUAGES, RULE_IDS, SEVERITIES, severityOf, type LintLanguage, type RuleId, type Severity } from './lint-rules.ts';

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
