/**
 * The unified pipeline: Markdown/MDX in, messages and metrics out. Processors are built once per
 * (target grade, MDX or not) and reused, because building the plugins takes a while (the spelling dictionary is loaded once per thread).
 */
import remarkLint from 'remark-lint';
import remarkLintHeadingIncrement from 'remark-lint-heading-increment';
import remarkLintNoDuplicateHeadings from 'remark-lint-no-duplicate-headings';
import remarkPresetLintConsistent from 'remark-preset-lint-consistent';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import retextIndefiniteArticle from 'retext-indefinite-article';
import retextIntensify from 'retext-intensify';
import retextPassive from 'retext-passive';
import retextRepeatedWords from 'retext-repeated-words';
import retextSimplify from 'retext-simplify';
import type { PluggableList, Processor } from 'unified';
import { DEFAULT_WORD_LIST, severityOf, type RuleId } from '../schema/lint-rules.ts';
import type { LintSettings } from '../schema/lint.ts';
import { proseProcessor } from './pipeline.ts';
import retextDocumentGrade from './rules/document-grade.ts';
import retextEquality from './rules/equality.ts';
import retextParagraphLength from './rules/paragraph-length.ts';
import retextReadability from './rules/readability.ts';
import retextSentenceLength from './rules/sentence-length.ts';
import retextSpell from './rules/spell.ts';
import type { Speller } from './speller.ts';

export interface PipelineOptions {
  settings: LintSettings;
  targetGrade: number;
  mdx: boolean;
  /** The loaded dictionary; needed when `spell` is on. */
  speller?: Speller | undefined;
  suggest: boolean;
}

/**
 * How many of the seven readability formulas must call a sentence hard. Its default, 4 of 7,
 * flagged 34 plain sentences in the shipped handbook ("Read every email again before you send
 * it."); 5 of 7 keeps the ones most formulas agree on.
 */
const READABILITY_AGREEMENT = 5;

/**
 * Words retext-intensify calls hedges or weasels that instructions to staff need: "you can",
 * "say sorry", "then check". Real weasel words ("most", "few", "clearly", "basically") stay flagged.
 */
export const PLAIN_INSTRUCTION_WORDS = [
  'again', 'back', 'can', 'clear', 'could', 'down', 'even', 'find', 'finds', 'found', 'heard',
  'like', 'look', 'looks', 'read', 'right', 'said', 'say', 'says', 'so', 'someone', 'start',
  'that', 'then', 'understand', 'up', 'will', 'works', 'would',
];

export function buildProcessor({ settings, targetGrade, mdx, speller, suggest }: PipelineOptions): Processor {
  const on = (rule: RuleId) => severityOf(settings, rule) !== 'off';
  const ignore = settings.ignoreWords;
  const retext: PluggableList = [
    ...when(on('readability'), [retextReadability, { targetGrade, minWords: 8, agreeing: READABILITY_AGREEMENT }]),
    ...when(on('simplify'), [retextSimplify, { ignore }]),
    ...when(on('passive'), [retextPassive, { ignore }]),
    ...when(on('equality'), [retextEquality, { ignore }]),
    ...when(on('intensify'), [retextIntensify, { ignore: [...PLAIN_INSTRUCTION_WORDS, ...ignore] }]),
    ...when(on('repeated-words'), retextRepeatedWords),
    ...when(on('indefinite-article'), retextIndefiniteArticle),
    ...when(on('spell') && speller !== undefined, [retextSpell, { speller, ignore, suggest, wordList: settings.wordList ?? DEFAULT_WORD_LIST }]),
    ...when(on('sentence-length'), [retextSentenceLength, { max: settings.maxSentenceWords }]),
    ...when(on('paragraph-length'), [retextParagraphLength, { max: settings.maxParagraphSentences }]),
    ...when(on('document-grade'), [retextDocumentGrade, { target: targetGrade }]),
  ];
  const remark: PluggableList = [
    remarkLint,
    ...when(on('markdown-style'), remarkPresetLintRecommended),
    ...when(on('markdown-style'), remarkPresetLintConsistent),
    ...when(on('heading-increment'), remarkLintHeadingIncrement),
    ...when(on('no-duplicate-headings'), remarkLintNoDuplicateHeadings),
  ];
  return proseProcessor({ mdx, remark, retext });
}

/** A plugin (with its options) only when its rule is on; off rules cost nothing. */
function when(condition: boolean, pluggable: unknown): PluggableList {
  return condition ? [pluggable as PluggableList[number]] : [];
}
