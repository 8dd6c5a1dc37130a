/**
 * The check page's draft with its findings marked: the text cut where any finding starts or
 * ends, each piece with the numbers of the findings over it (findings can overlap: a hard
 * sentence holds a long word). Pure, so the cutting is tested without a browser.
 */
import type { LintMessage } from '../lint/result.ts';

export interface MarkedRun {
  text: string;
  /** 1-based numbers of the findings (as the page lists them) covering this piece; empty for none. */
  findings: number[];
  /** The findings whose words end with this piece: the page numbers each finding once, at its end. */
  ends: number[];
}

type Span = Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>;

/** Where each line starts in `text`: lines are 1-based, columns 1-based UTF-16 units, as the lint reports them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** The offset of a line and column in `text`, kept inside the text. */
export function offsetOf(starts: readonly number[], length: number, line: number, column: number): number {
  const start = starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0;
  return Math.min(Math.max(start + column - 1, 0), length);
}

/** The offsets a finding covers; a point (a finding about the whole draft) covers none. */
export function spanOffsets(text: string, starts: readonly number[], span: Span): [number, number] | undefined {
  const from = offsetOf(starts, text.length, span.line, span.column);
  const to = offsetOf(starts, text.length, span.endLine, span.endColumn);
  return to > from ? [from, to] : undefined;
}

export function markedRuns(text: string, findings: readonly Span[]): MarkedRun[] {
  const starts = lineStarts(text);
  const spans = findings.flatMap((finding, index) => {
    const offsets = spanOffsets(text, starts, finding);
    return offsets ? [{ from: offsets[0], to: offsets[1], number: index + 1 }] : [];
  });
  const cuts = [...new Set([0, text.length, ...spans.flatMap((span) => [span.from, span.to])])].sort((a, b) => a - b);
  const runs: MarkedRun[] = [];
  for (let index = 0; index < cuts.length - 1; index++) {
    const from = cuts[index]!;
    const to = cuts[index + 1]!;
    const covering = spans.filter((span) => span.from <= from && span.to >= to).map((span) => span.number);
    const ends = spans.filter((span) => span.to === to).map((span) => span.number);
    const last = runs.at(-1);
    // Neighbouring pieces under the same findings read as one mark.
    if (last && last.ends.length === 0 && sameNumbers(last.findings, covering)) {
      last.text += text.slice(from, to);
      last.ends = ends;
    } else runs.push({ text: text.slice(from, to), findings: covering, ends });
  }
  return runs;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
