/**
 * What one change did to a policy's prose, as a redline: the sentences it touched, each with its
 * removed words struck through and its added words marked, compared by sentence and then by
 * word (not as a line diff of the MDX source). Plus a one-line summary: words added and
 * removed, sections touched, or which details changed when the words did not.
 */
import { diffArrays, diffWords } from 'diff';
import { isDeepStrictEqual } from 'node:util';
import type { Flavour } from '../markdown/syntax.ts';
import { frontmatterData } from '../policies/frontmatter.ts';
import { proseSentences, type ProseSentence } from './prose.ts';
import { plural } from '../text/plural.ts';

export interface RedlinePart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

export interface RedlineBlock {
  section: string | undefined;
  parts: RedlinePart[];
}

export interface Redline {
  /** The page was added in this change: there is nothing to compare. */
  created: boolean;
  blocks: RedlineBlock[];
  wordsAdded: number;
  wordsRemoved: number;
  /** Sections (headings) whose sentences changed, in page order. */
  sections: string[];
  /** Frontmatter fields whose values changed (`status`, `reviewed`, …). */
  details: string[];
}

const countWords = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

/** A page's sentences by its text: a page's versions come in pairs, each text in two of them. */
export type ProseCache = Map<string, ProseSentence[]>;

export function redline(before: string | undefined, after: string, flavour: Flavour, cache: ProseCache = new Map()): Redline {
  const sentencesOf = (text: string) => {
    let sentences = cache.get(text);
    if (!sentences) cache.set(text, (sentences = proseSentences(text, flavour)));
    return sentences;
  };
  if (before === undefined) return { created: true, blocks: [], wordsAdded: countWords(sentencesOf(after).map((s) => s.text).join(' ')), wordsRemoved: 0, sections: [], details: [] };
  const old = sentencesOf(before);
  const now = sentencesOf(after);
  const blocks: RedlineBlock[] = [];
  let removed: ProseSentence[] = [];
  let added: ProseSentence[] = [];
  const flush = () => {
    if (removed.length === 0 && added.length === 0) return;
    blocks.push(changedRun(removed, added));
    removed = [];
    added = [];
  };
  // Positions in each version's sentences, as diffArrays walks both in order.
  let inOld = 0;
  let inNow = 0;
  for (const change of diffArrays(old.map((s) => s.text), now.map((s) => s.text))) {
    const count = change.value.length;
    if (change.removed) removed.push(...old.slice(inOld, (inOld += count)));
    else if (change.added) added.push(...now.slice(inNow, (inNow += count)));
    else {
      flush();
      inOld += count;
      inNow += count;
    }
  }
  flush();
  const words = (kind: RedlinePart['kind']) => blocks.reduce((sum, block) => sum + block.parts.filter((part) => part.kind === kind).reduce((n, part) => n + countWords(part.text), 0), 0);
  return {
    created: false,
    blocks,
    wordsAdded: words('added'),
    wordsRemoved: words('removed'),
    sections: [...new Set(blocks.map((block) => block.section).filter((section): section is string => section !== undefined))],
    details: changedFields(frontmatterData(before) ?? {}, frontmatterData(after) ?? {}),
  };
}

/** Removed and added sentences side by side, compared word by word (each part keeps its spaces, so it reads). */
function changedRun(removed: readonly ProseSentence[], added: readonly ProseSentence[]): RedlineBlock {
  const section = (added[0] ?? removed[0])?.section;
  const parts: RedlinePart[] = diffWords(removed.map((s) => s.text).join(' '), added.map((s) => s.text).join(' ')).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
  return { section, parts };
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !isDeepStrictEqual(before[key], after[key]));
}

/** "12 words added and 5 removed, in Four steps and Things you can offer." */
export function redlineSummary(change: Redline): string {
  if (change.created) return `New page, ${plural(change.wordsAdded, 'word')}.`;
  if (change.blocks.length === 0) return change.details.length > 0 ? `Only the page's details changed (${change.details.join(', ')}), not its words.` : 'No change to the words.';
  const where = change.sections.length > 0 ? `, in ${listOf(change.sections)}` : '';
  return `${wordCounts(change)}${where}.`;
}

/** "3 words added and 4 removed"; "4 words removed" when nothing was added; "Words moved" when neither. */
export function wordCounts(change: Pick<Redline, 'wordsAdded' | 'wordsRemoved'>): string {
  const added = change.wordsAdded > 0 ? `${plural(change.wordsAdded, 'word')} added` : '';
  const removed = change.wordsRemoved > 0 ? (added ? `${change.wordsRemoved.toLocaleString('en-GB')} removed` : `${plural(change.wordsRemoved, 'word')} removed`) : '';
  return [added, removed].filter(Boolean).join(' and ') || 'Words moved';
}


function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
