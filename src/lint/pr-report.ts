import { htmlCode, inlineCode } from '../github/inert-text.ts';
import { wordCounts, type Redline, type RedlinePart } from '../redline/redline.ts';
import { plural } from '../text/plural.ts';
import { formatGrade } from './metrics.ts';
import { countBySeverity, type FileResult } from './result.ts';
import { cell } from './reporters/markdown.ts';
import { summaryLine } from './reporters/pretty.ts';

export interface ChangedFileReport {
  result: FileResult;
  /** Reading grade at the base revision; undefined for a new file. */
  gradeBefore?: number | undefined;
  /**
   * What the pull request did to the policy's words (the site's "What changed" redline), or
   * `unreadable` when its prose could not be read. Absent when there is no base to compare with.
   */
  change?: Redline | 'unreadable' | undefined;
}

export interface PullRequestReportOptions {
  /** Policies the pull request deletes: listed under "What changed", not in the table. */
  deleted?: readonly string[] | undefined;
  /** Most UTF-8 bytes in the body (see COMMENT_BUDGET). */
  budget?: number | undefined;
}

/**
 * Most the comment may hold, in UTF-8 bytes. GitHub refuses a comment over 65,536 characters;
 * bytes are never fewer than characters however GitHub counts them, and the 5,536 left over
 * is a margin, not room anything else uses: the whole body, table and all, stays within this.
 */
export const COMMENT_BUDGET = 60_000;

/** Up to this many changed policies, their redlines show open; past it, each is folded. */
export const OPEN_REDLINES = 3;

/** Room kept after the table for the "What changed" heading and the note on what was cut. */
const AFTER_TABLE = 1_000;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const policies = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'policy' : 'policies'}`;

/**
 * The pull-request comment body: one row per changed policy with its reading grade before and
 * after, and how many messages each rule gave; then what the pull request changes in each
 * policy's words, as the site's redline. The marker lets the next run find and edit it.
 */
export function pullRequestReport(marker: string, files: readonly ChangedFileReport[], options: PullRequestReportOptions = {}): string {
  const budget = options.budget ?? COMMENT_BUDGET;
  const deleted = options.deleted ?? [];
  const results = files.map((file) => file.result);
  const lines = [marker, '### Plainbook prose lint', ''];
  if (files.length === 0 && deleted.length === 0) {
    lines.push('No policies changed in this pull request.');
    return `${lines.join('\n')}\n`;
  }
  if (files.length === 0) lines.push('No policies to lint in this pull request.');
  else {
    const { errors, warnings } = countBySeverity(results);
    lines.push(errors + warnings === 0 ? `All clean: ${summaryLine(results).replace(/^✔ /, '')}` : summaryLine(results), '');
    lines.push('| Policy | Reading grade | Target | Errors | Warnings | By rule |', '| --- | --- | ---: | ---: | ---: | --- |');
    // Thousands of rows would fill the comment on their own: the rest are in the job summary.
    let size = bytes(lines.join('\n')) + AFTER_TABLE + 200;
    let shown = 0;
    for (const { result, gradeBefore } of files) {
      const counts = countBySeverity([result]);
      // The path as code too: a file name is the pull request's, and could hold a tag or a mention.
      const row = `| ${cell(inlineCode(result.path))} | ${gradeChange(result, gradeBefore)} | ${result.targetGrade} | ${counts.errors} | ${counts.warnings} | ${byRule(result) || '–'} |`;
      if ((size += bytes(row) + 1) > budget) break;
      lines.push(row);
      shown++;
    }
    if (shown < files.length) lines.push('', `…and ${(files.length - shown).toLocaleString('en-GB')} more ${files.length - shown === 1 ? 'policy' : 'policies'}: see the job summary.`);
    lines.push('', 'Details are in the annotations on the **Files changed** tab and in the job summary.');
  }
  const head = `${lines.join('\n')}\n`;
  return head + whatChanged(files, deleted, budget - bytes(head));
}

function gradeChange(result: FileResult, gradeBefore: number | undefined): string {
  const after = result.metrics ? formatGrade(result.metrics.fleschKincaidGrade) : 'does not parse';
  return gradeBefore === undefined ? `${after} (new)` : `${formatGrade(gradeBefore)} → ${after}`;
}

function byRule(result: FileResult): string {
  const counts = new Map<string, number>();
  for (const message of result.messages) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, count]) => `\`${rule}\` ${count}`)
    .join(', ');
}

/** One policy under "What changed": its heading, then paragraphs of Markdown. */
interface PolicyChange {
  path: string;
  /** "reading grade 2.6 → 3.2", or empty for a deleted policy. */
  grade: string;
  paragraphs: string[];
}

/**
 * "What changed": each changed policy's redline (open for up to three policies, folded past
 * that), within `room` bytes. When they do not fit, whole redlines are left out, the largest
 * first: one policy rewritten from top to bottom is better read in Files changed anyway, and
 * leaving it out keeps the small edits, usually most of a pull request, readable here. The
 * ones kept stay in path order, as in the table; a note names the ones left out.
 */
function whatChanged(files: readonly ChangedFileReport[], deleted: readonly string[], room: number): string {
  const changes: PolicyChange[] = [
    ...files.flatMap(({ result, gradeBefore, change }) => (change === undefined ? [] : [{ path: result.path, grade: `reading grade ${gradeChange(result, gradeBefore)}`, paragraphs: changeParagraphs(change) }])),
    ...deleted.map((path) => ({ path, grade: '', paragraphs: ['Policy deleted.'] })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (changes.length === 0) return '';
  const folded = changes.length > OPEN_REDLINES;
  const rendered = changes.map((change) => ({ path: change.path, text: `\n${folded ? foldedChange(change) : openChange(change)}\n` }));
  const heading = '\n#### What changed\n';
  const compose = (kept: readonly { text: string }[], note: string) => heading + kept.map((change) => change.text).join('') + note;

  // Sizes add up: leave out the largest until the rest and a note saying so fit.
  const left = new Set<number>();
  let size = bytes(heading) + rendered.reduce((sum, change) => sum + bytes(change.text), 0);
  const bySize = rendered.map((change, index) => ({ index, size: bytes(change.text) })).sort((a, b) => b.size - a.size || b.index - a.index);
  for (const { index, size: sectionSize } of bySize) {
    if (size + (left.size > 0 ? bytes(cutNote(left.size, [])) : 0) <= room) break;
    left.add(index);
    size -= sectionSize;
  }
  const kept = rendered.filter((_, index) => !left.has(index));
  if (left.size === 0) return compose(kept, '');
  const names = rendered.filter((_, index) => left.has(index)).map((change) => change.path);
  const named = compose(kept, cutNote(left.size, names));
  return bytes(named) <= room ? named : compose(kept, cutNote(left.size, []));
}

function cutNote(count: number, paths: readonly string[]): string {
  const which = paths.length > 0 ? ` (${paths.map((path) => inlineCode(path)).join(', ')})` : '';
  return `\n${count === 1 ? 'Redline' : 'Redlines'} of ${policies(count)} left out to fit GitHub's comment limit${which}: see **Files changed**.\n`;
}

function openChange(change: PolicyChange): string {
  const heading = `**${inlineCode(change.path)}**${change.grade ? `: ${change.grade}` : ''}`;
  return [heading, ...change.paragraphs].join('\n\n');
}

/** In raw HTML: GitHub reads no Markdown inside `<summary>`, and needs the blank lines to read it after. */
function foldedChange(change: PolicyChange): string {
  return [`<details><summary>${htmlCode(change.path)}${change.grade ? `: ${change.grade}` : ''}</summary>`, ...change.paragraphs, '</details>'].join('\n\n');
}

/** The one-line account of the change, then a paragraph per changed run of sentences. */
function changeParagraphs(change: Redline | 'unreadable'): string[] {
  if (change === 'unreadable') return ['Cannot show what changed: the policy does not parse.'];
  if (change.created) return [`New policy, ${plural(change.wordsAdded, 'word')}.`];
  if (change.blocks.length === 0) {
    return [change.details.length > 0 ? `Only its details changed (${change.details.map((field) => inlineCode(field)).join(', ')}), not its words.` : 'Its words did not change.'];
  }
  return [
    `${wordCounts(change)}.`,
    ...change.blocks.map((block) => `${block.section === undefined ? '' : `In ${inlineCode(block.section)}:\\\n`}${redlineLine(block.parts)}`),
  ];
}

/**
 * A run of sentences as GitHub renders HTML in Markdown: removed words in `<del>`, added ones in
 * `<ins>`, the rest plain. Every word is a policy's, so every word is code (inert: no Markdown,
 * mention, link or HTML in it takes effect); the spaces between words stay outside the code.
 * Two code spans never touch: a tag or a space is always between them.
 */
export function redlineLine(parts: readonly RedlinePart[]): string {
  let line = '';
  let space = false;
  let last: RedlinePart['kind'] | undefined;
  for (const part of parts) {
    const words = part.text.trim();
    if (/^\s/.test(part.text)) space = true;
    if (words) {
      const code = inlineCode(words, Number.POSITIVE_INFINITY);
      // Two plain code spans side by side would read as one span holding two backticks.
      if ((space || (last === 'same' && part.kind === 'same')) && line) line += ' ';
      line += part.kind === 'same' ? code : part.kind === 'removed' ? `<del>${code}</del>` : `<ins>${code}</ins>`;
      space = false;
      last = part.kind;
    }
    if (/\s$/.test(part.text)) space = true;
  }
  return line;
}
