/**
 * `readability`: a sentence that most of seven readability formulas rate above the target grade.
 *
 * The formulas, word lists and age scale are retext-readability's (the same packages, by the
 * same authors), and a test holds this rule to its results. It is our own module for speed:
 * retext-readability looks every word up in the Dale–Chall and Spache lists (about 3,000 and
 * 1,000 words) with `Array#includes`, which was a quarter of the lint's time on a 1,000-page
 * handbook. Here the lists are Sets and syllables are counted once per word (shared with the
 * page metrics).
 */
import { automatedReadability } from 'automated-readability';
import { colemanLiau } from 'coleman-liau';
import { daleChall } from 'dale-chall';
import { daleChallFormula, daleChallGradeLevel } from 'dale-chall-formula';
import { flesch } from 'flesch';
import { gunningFog } from 'gunning-fog';
import type { Root, Sentence } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { smogFormula } from 'smog-formula';
import { spache } from 'spache';
import { spacheFormula } from 'spache-formula';
import type { Plugin } from 'unified';
import { sentenceWords } from '../metrics.ts';
import { syllables } from '../syllables.ts';
import { ruleUrl } from './rule-docs.ts';

export interface ReadabilityOptions {
  /** The US school grade a sentence should be readable at. */
  targetGrade: number;
  /** Shorter sentences are never flagged: formulas say little about five words. */
  minWords: number;
  /** How many of the seven formulas must rate a sentence too hard. */
  agreeing: number;
}

const EASY_WORDS = new Set(daleChall);
const FAMILIAR_WORDS = new Set(spache);

/**
 * The formulas speak in US grades (Flesch and SMOG in their own scales); like retext-readability
 * we compare in reader ages, a grade being `round(grade + 5)` years.
 */
const gradeToAge = (grade: number) => Math.round(grade + 5);
/**
 * A formula counts a sentence as hard when the reader age it gives is over the target grade's age
 * plus one year (age 12 for grade 6), so for the grade formulas at grade `target + 1.5` or above.
 * Why the year: one sentence is a small sample and formulas swing on it; with no slack, 10 plain
 * sentences of the shipped handbook were flagged, such as "The service manager reads all feedback
 * each week." (retext-readability has no slack: its `age` option is the age itself.)
 */
const SLACK_YEARS = 1;
const ageFor = (targetGrade: number) => targetGrade + 5 + SLACK_YEARS;
/** What the age limit means for the grade formulas, for the message. */
const gradeLimit = (targetGrade: number) => targetGrade + SLACK_YEARS + 0.5;
const fleschToAge = (score: number) => 20 - Math.floor(score / 10);
const smogToAge = (score: number) => Math.ceil(Math.sqrt(score) + 2.5);

interface SentenceCounts {
  word: number;
  syllable: number;
  letter: number;
  polysillabicWord: number;
  complexPolysillabicWord: number;
  /** Distinct words on the Dale–Chall list. */
  easyWords: number;
  /** Distinct words on the Spache list. */
  familiarWords: number;
}

/** One pass over a sentence's words. */
function countSentence(sentence: Sentence): SentenceCounts {
  const easy = new Set<string>();
  const familiar = new Set<string>();
  const counts: SentenceCounts = { word: 0, syllable: 0, letter: 0, polysillabicWord: 0, complexPolysillabicWord: 0, easyWords: 0, familiarWords: 0 };
  for (const word of sentenceWords(sentence)) {
    const caseless = word.toLowerCase();
    const count = syllables(word);
    counts.word++;
    counts.syllable += count;
    counts.letter += word.length;
    if (count >= 3) {
      counts.polysillabicWord++;
      // Gunning fog leaves out proper nouns; like retext-readability, a capital means one.
      if (word.charCodeAt(0) === caseless.charCodeAt(0)) counts.complexPolysillabicWord++;
    }
    if (EASY_WORDS.has(caseless)) easy.add(caseless);
    if (FAMILIAR_WORDS.has(caseless)) familiar.add(caseless);
  }
  counts.easyWords = easy.size;
  counts.familiarWords = familiar.size;
  return counts;
}

/** Reader ages the seven formulas give a sentence. */
function formulaAges(counts: SentenceCounts): number[] {
  const input = {
    sentence: 1,
    word: counts.word,
    syllable: counts.syllable,
    letter: counts.letter,
    character: counts.letter,
    polysillabicWord: counts.polysillabicWord,
    complexPolysillabicWord: counts.complexPolysillabicWord,
    difficultWord: counts.word - counts.easyWords,
    unfamiliarWord: counts.word - counts.familiarWords,
  };
  return [
    gradeToAge(automatedReadability(input)),
    gradeToAge(colemanLiau(input)),
    gradeToAge(daleChallGradeLevel(daleChallFormula(input))[1]),
    fleschToAge(flesch(input)),
    gradeToAge(gunningFog(input)),
    smogToAge(smogFormula(input)),
    gradeToAge(spacheFormula(input)),
  ];
}

const FORMULAS = 7;

function* sentencesOf(tree: Root): Generator<Sentence> {
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) if (sentence.type === 'SentenceNode') yield sentence;
  }
}

const retextReadability: Plugin<[ReadabilityOptions], Root> = ({ targetGrade, minWords, agreeing }) => (tree, file) => {
  const age = ageFor(targetGrade);
  const mostAllowed = agreeing - 1;
  for (const sentence of sentencesOf(tree)) {
    const counts = countSentence(sentence);
    if (counts.word < minWords) continue;
    const ages = formulaAges(counts);
    const tooHard = ages.filter((value) => value > age).length;
    if (tooHard <= mostAllowed) continue;
    const message = file.message(
      `Unexpected hard sentence: \`${tooHard}\` of \`${FORMULAS}\` readability formulas rate it at grade \`${gradeLimit(targetGrade)}\` or above, expected at most \`${mostAllowed}\`. Use shorter words, or split it.`,
      { place: sentence.position, ruleId: 'readability', source: 'plainbook' },
    );
    message.actual = toString(sentence);
    message.expected = [];
    message.url = ruleUrl('readability');
  }
};

export default retextReadability;
