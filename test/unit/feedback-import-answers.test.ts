import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { describePlan, matchColumns } from '../../src/feedback/answer-columns.ts';
import { readAnswerFile } from '../../src/feedback/answer-file.ts';
import { readAnswers, type ImportPolicy } from '../../src/feedback/answer-rows.ts';
import { importTag, issueFor } from '../../src/feedback/import-issues.ts';
import { importAnswers } from '../../src/feedback/import-run.ts';
import { readIssueForm } from '../../src/feedback/issue-form.ts';
import { ContentError } from '../../src/errors/index.ts';
import { fenced, unfenced } from '../../src/github/inert-text.ts';
import { renderFeedbackForm } from '../../src/pilot/feedback-form.ts';
import { parseFeedback } from '../../src/pilot/feedback-parse.ts';
import { MICROSOFT_COLUMNS, writeXlsx } from '../helpers/xlsx.ts';

const POLICIES: ImportPolicy[] = [
  { id: 'policy-01', title: 'Policy 1', words: '## On the phone\n\nSay hello. Our line is 0800 123 4567.\n' },
  { id: 'policy-02', title: 'Policy 2', words: 'Say hello.\n' },
];

/** The form as the repository has it, with the tester code field (added with tester codes) if it is not there yet. */
function formYaml(): string {
  const yaml = renderFeedbackForm(POLICIES);
  const form = parse(yaml) as { body: { id?: string }[] };
  if (!form.body.some((field) => field.id === 'code')) form.body.push({ type: 'input', id: 'code', attributes: { label: 'Tester code', description: 'Your code.' }, validations: { required: false } } as never);
  return stringify(form, { lineWidth: 0 });
}
const FORM_YAML = formYaml();
const FORM = readIssueForm(FORM_YAML);
const GOOGLE = resolve('test/fixtures/feedback-import/google-answers.csv');

const dir = mkdtempSync(join(tmpdir(), 'plainbook-import-'));
const csv = (rows: string[][]) => {
  const path = join(dir, `answers-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\r\n'));
  return path;
};
const HEADER = ['Timestamp', 'Policy', 'Current wording', 'Suggested wording', 'What is wrong?', 'How clear is this policy?'];
const answer = (...cells: string[]) => ['2026/03/04 10:15:22 AM GMT+1', 'policy-01', 'Say hello.', 'Say hi.', 'Unclear', '3', ...cells];

/** The error an import stops with. */
async function failure(run: Promise<unknown>): Promise<ContentError> {
  try {
    await run;
  } catch (error) {
    return error as ContentError;
  }
  throw new Error('expected the import to stop');
}
const notAsked = () => {
  throw new Error('GitHub must not be asked');
};

async function read(path: string, columns = {}) {
  const table = await readAnswerFile(path);
  const plan = matchColumns(table, FORM, columns);
  return { table, plan, ...readAnswers(table, plan, { form: FORM, policies: POLICIES }) };
}

describe('columns matched by title', () => {
  it("uses the form's own labels, whatever their case and spaces, and says what it used and left out", async () => {
    const { plan } = await read(GOOGLE);
    expect(describePlan(plan)).toMatchInlineSnapshot(`
      "Columns used:
        \`Timestamp\` -> when the answer was given
        \`Policy\` -> Policy
        \`Pilot round\` -> Pilot round
        \`Section heading\` -> Section heading
        \`Current wording\` -> Current wording
        \`Suggested wording\` -> Suggested wording
        \`What is wrong?\` -> What is wrong?
        \`How clear is this policy? (1 = very unclear, 5 = very clear)\` -> How clear is this policy? (1 = very unclear, 5 = very clear)
        \`Tester code\` -> Tester code
      Columns left out:
        \`Email Address\` (an e-mail address: never filed)
        \`Anything else?\` (no field of the form)"
    `);
  });

  it("takes the team's own titles from feedback.columns, and Microsoft's own columns", async () => {
    const path = join(dir, 'ms.xlsx');
    writeFileSync(path, writeXlsx([[...MICROSOFT_COLUMNS, 'Which policy?', '  WHICH words  ', 'Your words', 'Problem', 'How clear is this policy', 'May we name you?'], [1, new Date(), new Date(), 'a@b.example', 'Ana', 'policy-01', 'Say hello.', 'Hi', 'Tone', 5, 'Yes']]));
    const { plan, answers, problems } = await read(path, { policy: 'Which policy?', current: ['Words', 'which words'], suggested: 'your words', problem: 'problem', consent: 'May we name you' });
    expect(problems).toEqual([]);
    expect(describePlan(plan)).toMatchInlineSnapshot(`
      "Columns used:
        \`ID\` -> the answer's number
        \`Start time\` -> when the answer was started
        \`Completion time\` -> when the answer was given
        \`Which policy?\` -> Policy
        \`WHICH words\` -> Current wording
        \`Your words\` -> Suggested wording
        \`Problem\` -> What is wrong?
        \`How clear is this policy\` -> How clear is this policy? (1 = very unclear, 5 = very clear)
        \`May we name you?\` -> agreed to be named
      Columns left out:
        \`Email\` (an e-mail address: never filed)
        \`Name\` (a name: never filed, unless the person agreed to be named)"
    `);
    expect(answers[0]?.credit).toBe('Ana');
  });

  it('refuses an export without a column the form needs, naming the titles it looked for', async () => {
    const path = csv([['Timestamp', 'Policy', 'Words'], answer()]);
    const error = await failure(read(path));
    expect(error).toBeInstanceOf(ContentError);
    expect(error.message.replace(path, 'answers.csv')).toMatchInlineSnapshot(`
      "\`answers.csv\` has no column for fields the feedback form needs:
      - Current wording: no column titled \`Current wording\`
      - What is wrong?: no column titled \`What is wrong?\`
      - How clear is this policy? (1 = very unclear, 5 = very clear): no column titled \`How clear is this policy? (1 = very unclear, 5 = very clear)\` or \`How clear is this policy?\`
      Name your question's title in plainbook.config.yml, such as:
        feedback:
          columns:
            current: "Your question's title""
    `);
  });

  it('refuses two columns for one field', async () => {
    const path = csv([[...HEADER, 'policy'], answer('policy-02')]);
    await expect(read(path)).rejects.toThrow(/^Unexpected second column for Policy in `.*`: `Policy` and `policy` both match it, expected one\./);
  });
});

describe('answers as feedback issues', () => {
  it('writes the body in the form\'s layout, which parseFeedback reads back into the same feedback', async () => {
    const { answers, problems } = await read(GOOGLE);
    expect(problems).toEqual([]);
    const [first, second] = answers.map((item) => issueFor(item, FORM));
    expect(first?.title).toBe('Feedback: Policy 1');
    expect(first?.labels).toEqual(['feedback']);
    expect(first?.body.startsWith(`${importTag(answers[0]?.id ?? '')}\n\n### Policy\n\nPolicy 1 (policy-01)\n\n### Pilot round\n\n\`\`\`text\nspring\n\`\`\`\n\n`)).toBe(true);
    expect(parseFeedback(first?.body ?? '', FORM_YAML)).toEqual({
      feedback: { policy: 'policy-01', round: 'spring', section: 'On the phone', current: 'Say hello.', suggested: 'Say "Hello, how can I help?"\nthen listen.', problem: 'unclear', clarity: 3, from: 'customer', code: 'K7P2QX' },
      unreadable: [],
    });
    // Empty answers are what GitHub writes for them.
    expect(second?.body).toContain('### Pilot round\n\n_No response_\n\n### Section heading\n\n_No response_');
    expect(parseFeedback(second?.body ?? '', FORM_YAML).feedback).toMatchObject({ policy: 'policy-02', suggested: 'Greet them by name, e.g. write to me at [removed] or [removed].', problem: 'tone', clarity: 4 });
  });

  it('never writes the e-mail column, a name without consent, or addresses typed into answers', async () => {
    const { answers } = await read(GOOGLE);
    const bodies = answers.map((item) => issueFor(item, FORM).body).join('\n');
    for (const personal of ['ana.lee@example.com', 'bo@example.org', '7946', '123-4567', 'From:']) expect(bodies).not.toContain(personal);
  });

  it('credits the name, never the address, only when the answer says yes', async () => {
    const path = join(dir, 'consent.xlsx');
    const row = (id: number, name: string, consent: string) => [id, new Date(Date.UTC(2026, 2, id)), new Date(Date.UTC(2026, 2, id)), `${name.split(' ')[0]}@example.com`, name, 'policy-01', 'Say hello.', 'Hi', 'Tone', 5, consent];
    writeFileSync(path, writeXlsx([[...MICROSOFT_COLUMNS, ...HEADER.slice(1), 'Name me?'], row(1, 'Ana Lee', 'Yes'), row(2, 'Bo Berg', 'No'), row(3, 'Cy @octocat ### Policy', 'I agree'), row(4, 'Di Dahl', '')]));
    const { answers } = await read(path, { consent: 'Name me?' });
    const bodies = answers.map((item) => issueFor(item, FORM).body);
    expect(bodies[0]).toContain('\n\nFrom: `Ana Lee` (agreed to be named)\n\n### Policy');
    expect(bodies[2]).toContain('From: `Cy @octocat # # # Policy` (agreed to be named)');
    expect(parseFeedback(bodies[2] ?? '', FORM_YAML).feedback.policy).toBe('policy-01');
    for (const body of [bodies[1], bodies[3]]) expect(body).not.toContain('From:');
    expect(bodies.join('\n')).not.toMatch(/Bo Berg|Di Dahl|@example\.com/);
  });

  it('keeps hostile words as words: in code blocks, and no answer poses as another field', async () => {
    const hostile = '```\n</details><script>alert(1)</script> [x](javascript:alert(1)) @octocat #1 ![](https://t.example/p.gif)\n### Policy\n\nPolicy 2 (policy-02)\n{process.env.GITHUB_TOKEN}';
    const path = csv([HEADER, ['2026/03/04 10:15:22 AM GMT+1', 'policy-01', 'Say hello.', hostile, 'Unclear', '3']]);
    const { answers } = await read(path);
    const body = issueFor(answers[0]!, FORM).body;
    expect(body).toContain('````text\n```\n</details>');
    // As GitHub reads the body: the words are code, nothing else (no HTML, link, image or mention in prose).
    const active: string[] = [];
    const prose: string[] = [];
    visit(unified().use(remarkParse).use(remarkGfm).parse(body), (node) => {
      if (['html', 'link', 'image', 'linkReference', 'imageReference', 'definition'].includes(node.type)) active.push(`${node.type}: ${(node as { value?: string }).value ?? ''}`);
      if (node.type === 'text') prose.push((node as { value: string }).value);
    });
    expect(active).toEqual([`html: ${importTag(answers[0]?.id ?? '')}`]);
    expect(prose.join(' ')).not.toMatch(/octocat|script|javascript|GITHUB_TOKEN/);
    const { feedback, unreadable } = parseFeedback(body, FORM_YAML);
    expect(unreadable).toEqual([]);
    expect(feedback.policy).toBe('policy-01');
    expect(feedback.suggested).toBe(hostile.replace('### Policy', '# # # Policy'));
  });

  it('keeps the phone number the policy publishes, so the quote still matches', async () => {
    const path = csv([HEADER, ['2026/03/04 10:15:22 AM GMT+1', 'policy-01', 'Our line is 0800 123 4567.', 'Call 0800 123 4567 or me on 0800 765 4321.', 'Unclear', '3']]);
    const feedback = parseFeedback(issueFor((await read(path)).answers[0]!, FORM).body, FORM_YAML).feedback;
    expect(feedback.current).toBe('Our line is 0800 123 4567.');
    expect(feedback.suggested).toBe('Call 0800 123 4567 or me on [removed].');
  });

  it('gives an answer the same id in a later export, and another answer another id', async () => {
    const one = (await read(csv([HEADER, answer()]))).answers[0]?.id;
    const later = (await read(csv([[...HEADER, 'New question'], answer('new answer'), ['2026/03/06 09:00:00 AM GMT+1', 'policy-02', 'Say hello.', 'x', 'Tone', '2']]))).answers;
    expect(later[0]?.id).toBe(one);
    expect(later[1]?.id).not.toBe(one);
    // The same time as the sheet writes it, day first.
    const sheet = (await read(csv([HEADER, ['04/03/2026 10:15:22', ...answer().slice(1)], ['25/03/2026 10:00:00', ...answer().slice(1)]]))).answers[0]?.id;
    expect(sheet).toBe(one);
    expect((await read(csv([HEADER, answer().map((cell, n) => (n === 3 ? 'Say hey.' : cell))]))).answers[0]?.id).not.toBe(one);
  });
});

describe('the code block words stand in', () => {
  it.each(['plain', 'two\nlines', 'a `tick` and ``two``', '```\nfence\n```', '', ' spaced '])('gives %j back as written', (text) => {
    expect(unfenced(fenced(text))).toBe(text);
  });

  it('leaves anything that is not exactly one such block as it is', () => {
    for (const value of ['```text\nopen', '```js\ncode\n```', '```text\na ``` b\n```', 'x ```text\nb\n```', '```text\na\n```\nmore']) expect(unfenced(value)).toBe(value);
  });
});

describe('bad rows', () => {
  it('names each row as the sheet shows it, its column and what was expected', async () => {
    const path = csv([
      HEADER,
      answer(),
      ['2026/03/04 10:16:00 AM GMT+1', 'Returns (policy-99)', 'Say hello.', '', 'Wrong', '7'],
      ['soon', 'Policy 2', '', '', 'Tone', '5'],
    ]);
    const { problems } = await read(path);
    expect(problems).toEqual([
      { row: 3, column: 'Policy', problem: 'Unexpected `Returns (policy-99)`, expected a policy of the handbook by its id or title, such as `policy-01`' },
      { row: 3, column: 'What is wrong?', problem: 'Unexpected `Wrong`, expected one of `Unclear`, `Incorrect`, `Missing`, `Tone`, `Other`' },
      { row: 3, column: 'How clear is this policy?', problem: 'Unexpected `7`, expected one of `1`, `2`, `3`, `4`, `5`' },
      { row: 4, column: 'Timestamp', problem: 'Unexpected `soon`, expected a date and time such as `2026/03/04 10:15:22 AM GMT+1`' },
      { row: 4, column: 'Current wording', problem: 'Unexpected empty answer, expected an answer to "Current wording": the form needs one' },
    ]);
  });

  it('quotes answers back on one line, without the control characters that would take over the terminal', async () => {
    const path = csv([HEADER, ['2026/03/04 10:15:22 AM GMT+1', 'policy-01', 'Say hello.', '', '\u001b[2J\u001b[31mRed`\nalert', '3']]);
    expect((await read(path)).problems[0]?.problem).toBe("Unexpected `?[2J?[31mRed' alert`, expected one of `Unclear`, `Incorrect`, `Missing`, `Tone`, `Other`");
    const personal = csv([HEADER, ['2026/03/04 10:15:22 AM GMT+1', 'ana@example.com, +44 20 7946 0958', 'Say hello.', '', 'Tone', '3']]);
    expect((await read(personal)).problems[0]?.problem).toMatch(/^Unexpected `\[removed\], \[removed\]`, expected a policy/);
    const long = csv([HEADER, ['2026/03/04 10:15:22 AM GMT+1', 'x'.repeat(500), 'Say hello.', '', 'Tone', '3']]);
    expect((await read(long)).problems[0]?.problem).toBe(`Unexpected \`${'x'.repeat(77)}...\`, expected a policy of the handbook by its id or title, such as \`policy-01\``);
  });

  it('stops the import before GitHub is asked anything', async () => {
    const path = csv([HEADER, answer(), ['2026/03/04 10:16:00 AM GMT+1', 'nope', 'Say hello.', '', 'Tone', '3']]);
    let asked = false;
    const out: string[] = [];
    const error = await failure(
      importAnswers({
        file: 'answers.csv',
        path,
        formYaml: FORM_YAML,
        policies: POLICIES,
        github: () => {
          asked = true;
          return notAsked();
        },
        out: (line) => out.push(line),
        log: () => {},
      }),
    );
    expect(asked).toBe(false);
    expect(error).toBeInstanceOf(ContentError);
    expect(error.message).toMatchInlineSnapshot(`
      "\`answers.csv\` has 1 row that cannot be filed, so nothing was filed. Fix it in the sheet (or the form's answers), export again and run the import again:
      - row 3, column \`Policy\`: Unexpected \`nope\`, expected a policy of the handbook by its id or title, such as \`policy-01\`."
    `);
    expect(out).toEqual([expect.stringMatching(/^Columns used:/)]);
    expect(error.problems).toEqual([{ field: 'row 3, column Policy', problem: expect.stringContaining('Unexpected `nope`'), line: 3 }]);
  });

  it('refuses an answer too long for an issue, naming its longest column', async () => {
    const path = csv([HEADER, answer().map((cell, n) => (n === 3 ? 'word '.repeat(14_000) : cell))]);
    const error = await failure(importAnswers({ file: 'answers.csv', path, formYaml: FORM_YAML, policies: POLICIES, github: notAsked, out: () => {}, log: () => {} }));
    expect(error.message).toContain('- row 2, column `Suggested wording`: Unexpected answer of 70,');
  });

  it('refuses --since when slash dates do not say whether the day or month is first', async () => {
    const path = csv([HEADER, ['03/04/2026 10:15:22', ...answer().slice(1)]]);
    const error = await failure(importAnswers({ file: 'answers.csv', path, formYaml: FORM_YAML, policies: POLICIES, since: '2026-03-04', github: notAsked, out: () => {}, log: () => {} }));
    expect(error.message).toMatch(/^`answers\.csv` writes its times as `1\/2\/2026`, and no answer shows whether the day or the month comes first/);
  });
});
