/**
 * `document-grade`: the whole page reads above the target grade (6th grade by default, or the
 * page's own `readingLevel`). Reported once, at the first sentence, with the numbers behind it.
 */
import type { Root } from 'nlcst';
import type { Plugin } from 'unified';
import { readingMetrics, shownGrade } from '../metrics.ts';
import { proseSentences } from '../prose.ts';
import { ruleUrl } from './rule-docs.ts';

export interface DocumentGradeOptions {
  target: number;
}

const retextDocumentGrade: Plugin<[DocumentGradeOptions], Root> = ({ target }) => (tree, file) => {
  const metrics = file.data.metrics ?? readingMetrics(tree, file);
  // Compared as printed (one decimal): a page at 6.01 reads as 6.0 and passes a target of 6.
  const shown = shownGrade(metrics.fleschKincaidGrade);
  if (shown <= target) return;
  const first = proseSentences(tree, file)[0];
  const grade = shown.toFixed(1);
  const message = file.message(
    `Unexpected reading grade \`${grade}\`, expected \`${target}\` or lower. Use shorter sentences (now ${metrics.wordsPerSentence.toFixed(1)} words on average) and shorter words.`,
    { place: first?.position?.start, ruleId: 'document-grade', source: 'plainbook' },
  );
  message.actual = grade;
  message.expected = [String(target)];
  message.url = ruleUrl('document-grade');
};

export default retextDocumentGrade;
