import { describe, expect, it } from 'vitest';
import { LatestOnly } from '../../src/check/latest-only.ts';
import { lineStarts, markedRuns, offsetOf } from '../../src/check/marks.ts';
import { statusLine, suggestion } from '../../src/check/page.ts';
import { draftPath, draftSource } from '../../src/check/worker.ts';

const span = (line: number, column: number, endLine: number, endColumn: number) => ({ line, column, endLine, endColumn });

describe('the marked draft', () => {
  it('finds a line and column as the lint counts them (1-based), kept inside the text', () => {
    const text = 'ab\ncd\n';
    const starts = lineStarts(text);
    expect(starts).toEqual([0, 3, 6]);
    expect(offsetOf(starts, text.length, 2, 1)).toBe(3);
    expect(offsetOf(starts, text.length, 2, 3)).toBe(5);
    expect(offsetOf(starts, text.length, 9, 9)).toBe(text.length);
    expect(offsetOf(starts, text.length, 0, 0)).toBe(0);
  });

  it('cuts the text where findings start and end, and numbers each finding once, where it ends', () => {
    const text = 'We must demonstrate care.\nThanks.';
    // 1: the whole first sentence; 2: "demonstrate" inside it.
    const runs = markedRuns(text, [span(1, 1, 1, 26), span(1, 9, 1, 20)]);
    expect(runs).toEqual([
      { text: 'We must ', findings: [1], ends: [] },
      { text: 'demonstrate', findings: [1, 2], ends: [2] },
      { text: ' care.', findings: [1], ends: [1] },
      { text: '\nThanks.', findings: [], ends: [] },
    ]);
    expect(runs.map((run) => run.text).join('')).toBe(text);
  });

  it('marks nothing for a finding about the whole draft (a point, like the grade)', () => {
    expect(markedRuns('Hello there.', [span(1, 1, 1, 1)])).toEqual([{ text: 'Hello there.', findings: [], ends: [] }]);
  });

  it('keeps two findings over the same words apart in the numbers', () => {
    expect(markedRuns('a bad word', [span(1, 3, 1, 6), span(1, 3, 1, 6)])).toEqual([
      { text: 'a ', findings: [], ends: [] },
      { text: 'bad', findings: [1, 2], ends: [1, 2] },
      { text: ' word', findings: [], ends: [] },
    ]);
  });

  it('marks words on later lines at the right place', () => {
    const runs = markedRuns('one\ntwo three', [span(2, 5, 2, 10)]);
    expect(runs.filter((run) => run.findings.length > 0).map((run) => run.text)).toEqual(['three']);
  });
});

describe('the status line', () => {
  it('compares the grade as printed with the target', () => {
    expect(statusLine(6.04, 6, 0)).toBe('Reading grade 6.0, target 6 or lower: on target. Nothing to fix.');
    expect(statusLine(6.05, 6, 1)).toBe('Reading grade 6.1, target 6 or lower: too hard. 1 thing to fix.');
    expect(statusLine(3, 8, 2)).toBe('Reading grade 3.0, target 8 or lower: on target. 2 things to fix.');
  });

  it('says when the draft could not be read', () => {
    expect(statusLine(undefined, 6, 1)).toBe('The draft could not be read: see the first thing to fix. 1 thing to fix.');
  });
});

describe('suggestions', () => {
  it('offers the words the lint suggests, but not the grade target', () => {
    expect(suggestion({ ruleId: 'simplify', actual: 'demonstrate', expected: ['prove', 'show'] })).toBe('Try: prove, show');
    expect(suggestion({ ruleId: 'document-grade', actual: '8.1', expected: ['6'] })).toBeUndefined();
    expect(suggestion({ ruleId: 'spell', actual: 'Organisational', expected: [] })).toBeUndefined();
    expect(suggestion({ ruleId: 'passive', actual: undefined, expected: ['x'] })).toBeUndefined();
  });
});

describe('how the worker reads a draft', () => {
  it('reads a pasted policy file (frontmatter first) as MDX and anything else as Markdown', () => {
    expect(draftPath('---\ntitle: A\n---\n')).toBe('draft.mdx');
    expect(draftPath('---\r\ntitle: A\r\n---\r\n')).toBe('draft.mdx');
    expect(draftPath('Hello {name} <b>')).toBe('draft.md');
    expect(draftPath(' ---\n')).toBe('draft.md');
  });

  it('adds the final newline a text box never has, and only then', () => {
    expect(draftSource('Hi.')).toBe('Hi.\n');
    expect(draftSource('Hi.\n')).toBe('Hi.\n');
  });
});

describe('asking the worker', () => {
  const setUp = () => {
    const posted: [number, string][] = [];
    const shown: number[] = [];
    const questions: (string | undefined)[] = [];
    const asking = new LatestOnly<string, { id: number }>(
      (id, text) => posted.push([id, text]),
      (reply, question) => {
        shown.push(reply.id);
        questions.push(question);
      },
    );
    return { posted, shown, questions, asking };
  };

  it('sends at once when the worker is idle', () => {
    const { posted, asking } = setUp();
    asking.ask('a');
    expect(posted).toEqual([[1, 'a']]);
    expect(asking.busy).toBe(true);
  });

  it('keeps only the newest draft while one is being checked, and sends it after the answer', () => {
    const { posted, shown, asking } = setUp();
    asking.ask('a');
    asking.ask('ab');
    asking.ask('abc');
    expect(posted).toEqual([[1, 'a']]);
    asking.answered({ id: 1 });
    expect(shown).toEqual([1]);
    expect(posted).toEqual([[1, 'a'], [2, 'abc']]);
    asking.answered({ id: 2 });
    expect(asking.busy).toBe(false);
  });

  it('hands each answer back with the draft it answers', () => {
    const { questions, asking } = setUp();
    asking.ask('a');
    asking.ask('ab');
    asking.answered({ id: 1 });
    asking.answered({ id: 2 });
    // An answer to nothing asked (a worker restarted) comes without a draft.
    asking.answered({ id: 7 });
    expect(questions).toEqual(['a', 'ab', undefined]);
  });

  it('drops an answer older than one already shown', () => {
    const { shown, asking } = setUp();
    asking.ask('a');
    asking.answered({ id: 1 });
    asking.ask('b');
    asking.answered({ id: 2 });
    asking.answered({ id: 1 });
    expect(shown).toEqual([1, 2]);
  });
});
