/**
 * nlcst-search's `search` (v4), for the lint's threads, where the rules that find phrases
 * (retext-equality, retext-simplify, retext-passive, retext-intensify) load it instead of the
 * original (lint-hooks.ts). Same arguments, same matches in the same order; two costs are paid
 * once instead of once per search:
 *
 * - the walk to every word, with its literal check and its normalised form: five searches of
 *   each page (equality searches twice) walked the whole tree five times;
 * - the index of a phrase list by first word: each rule passes the same list for every page,
 *   and every search normalised all of it again (912 phrases for retext-equality, 327 for
 *   retext-simplify).
 *
 * A 300-policy lint on one thread (three rounds each, in turn): 2.9 → 2.6 s cold, 2.2 → 1.75 s
 * warm, the same 6,158 messages. The lint's rules only read the tree; a word moved or removed
 * since the walk (which no rule here does) is noticed, and the page walked again.
 */
import type { Nodes, Parent, SentenceContent, Word } from 'nlcst';
import { isLiteral } from 'nlcst-is-literal';
import { normalize } from 'nlcst-normalize';
import { visit } from 'unist-util-visit';

export interface Options {
  allowApostrophes?: boolean | null | undefined;
  allowDashes?: boolean | null | undefined;
  allowLiterals?: boolean | null | undefined;
}

export type Handler = (nodes: SentenceContent[], index: number, parent: Parent, phrase: string) => undefined | void;

/** A word of the page where a phrase can start, found once per tree. */
interface Occurrence {
  node: Word;
  index: number;
  parent: Parent;
  literal: boolean;
  /** Normalised once per normalisation (apostrophes and dashes kept or not): see `variant`. */
  normal: (string | undefined)[];
}

/** Phrases by their normalised first word; `*` holds those that start with any word. */
type PhraseIndex = Map<string, string[]>;

const occurrencesByTree = new WeakMap<Nodes, Occurrence[]>();
const indexesByList = new WeakMap<readonly string[], { length: number; byVariant: (PhraseIndex | undefined)[] }>();

export function search(tree: Nodes, phrases: readonly string[], handler: Handler, options?: Options | null): undefined {
  const config = options ?? {};
  if (!tree || !tree.type) throw new Error('Expected node');
  if (typeof phrases !== 'object') throw new TypeError('Expected object for phrases');
  const kind = variant(config);
  const byWord = phraseIndex(phrases, config, kind);
  const anyWord = byWord.get('*') ?? [];
  for (const occurrence of occurrencesOf(tree)) {
    if (!config.allowLiterals && occurrence.literal) continue;
    const word = (occurrence.normal[kind] ??= normalize(occurrence.node, config));
    const starting = byWord.get(word);
    for (const phrase of starting ? [...anyWord, ...starting] : anyWord) {
      const match = matchAt(phrase, occurrence.index, occurrence.parent, config);
      if (match) handler(match, occurrence.index, occurrence.parent, phrase);
    }
  }
  return undefined;
}

/** Which of the four normalisations `config` asks for. */
function variant(config: Options): number {
  return (config.allowApostrophes ? 1 : 0) + (config.allowDashes ? 2 : 0);
}

function phraseIndex(phrases: readonly string[], config: Options, kind: number): PhraseIndex {
  let entry = indexesByList.get(phrases);
  // A list that grew since it was indexed is indexed again.
  if (!entry || entry.length !== phrases.length) {
    entry = { length: phrases.length, byVariant: [] };
    indexesByList.set(phrases, entry);
  }
  let index = entry.byVariant[kind];
  if (!index) {
    index = new Map([['*', []]]);
    for (const phrase of phrases) {
      const first = normalize(phrase.split(' ', 1)[0] ?? '', config);
      const list = index.get(first);
      if (list) list.push(phrase);
      else index.set(first, [phrase]);
    }
    entry.byVariant[kind] = index;
  }
  return index;
}

function occurrencesOf(tree: Nodes): Occurrence[] {
  const known = occurrencesByTree.get(tree);
  if (known && known.every(stillInPlace)) return known;
  const occurrences: Occurrence[] = [];
  visit(tree, 'WordNode', (node, index, parent) => {
    if (!parent || index === undefined) return;
    occurrences.push({ node, index, parent, literal: isLiteral(parent, index), normal: [] });
  });
  occurrencesByTree.set(tree, occurrences);
  return occurrences;
}

function stillInPlace(occurrence: Occurrence): boolean {
  return occurrence.parent.children[occurrence.index] === occurrence.node;
}

/** The words of `phrase` from `start` on (white space between them allowed), as nlcst-search matches them. */
function matchAt(phrase: string, start: number, parent: Parent, config: Options): SentenceContent[] | undefined {
  const siblings = parent.children as SentenceContent[];
  const rest = phrase.split(' ').slice(1);
  let position = start + 1;
  for (const expression of rest) {
    while (position < siblings.length && siblings[position]?.type === 'WhiteSpaceNode') position++;
    const sibling = siblings[position];
    if (!sibling || sibling.type !== 'WordNode' || (expression !== '*' && normalize(expression, config) !== normalize(sibling, config))) return undefined;
    position++;
  }
  return siblings.slice(start, position);
}
