/**
 * `sentence-length`: a sentence longer than the limit (25 words by default). Staff read policies
 * between customers; a long sentence hides the one instruction that matters.
 */
import type { Root } from 'nlcst';
import type { Plugin } from 'unified';
import { sentenceWords } from '../metrics.ts';
import { proseSentences } from '../prose.ts';
import { ruleUrl } from './rule-docs.ts';

export interface SentenceLengthOptions {
  max: number;
}

const retextSentenceLength: Plugin<[SentenceLengthOptions], Root> = ({ max }) => (tree, file) => {
  for (const sentence of proseSentences(tree, file)) {
    const count = sentenceWords(sentence).length;
    if (count <= max) continue;
    const message = file.message(
      `Unexpected sentence of \`${count}\` words, expected at most \`${max}\`. Split it into shorter sentences.`,
      { place: sentence.position, ruleId: 'sentence-length', source: 'plainbook' },
    );
    message.actual = String(count);
    message.expected = [String(max)];
    message.url = ruleUrl('sentence-length');
  }
};

export default retextSentenceLength;
