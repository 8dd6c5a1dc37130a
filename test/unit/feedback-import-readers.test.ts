import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ANSWERS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, readAnswerFile } from '../../src/feedback/answer-file.ts';
import { answerTime, slashOrder } from '../../src/feedback/answer-times.ts';
import { unzippedSize } from '../../src/feedback/zip-size.ts';
import { ContentError, UsageError } from '../../src/errors/index.ts';
import { MICROSOFT_COLUMNS, writeXlsx } from '../helpers/xlsx.ts';

const GOOGLE = resolve('test/fixtures/feedback-import/google-answers.csv');
const dir = mkdtempSync(join(tmpdir(), 'plainbook-answers-'));
const file = (name: string, body: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
};
const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the read to fail');
};

describe('a Google Forms CSV', () => {
  it('reads the header and each answer as Google writes them: BOM, quotes doubled, answers over several lines', async () => {
    const table = await readAnswerFile(GOOGLE, 'google-answers.csv');
    expect(table.tool).toBe('google');
    expect(table.titles[0]).toBe('Timestamp');
    expect(table.titles).toHaveLength(11);
    expect(table.rows.map((row) => row.row)).toEqual([2, 3]);
    expect(table.rows[0]?.cells[6]).toBe('Say "Hello, how can I help?"\nthen listen.');
    expect(table.rows[1]?.cells[0]).toBe('2026/03/05 4:02:10 PM GMT+1');
  });

  it('numbers rows as the sheet does, past an empty row and an answer over three lines', async () => {
    const path = file('gaps.csv', 'Timestamp,Policy\r\n"2026/03/04 10:15:22 AM GMT+1","a\nb\nc"\r\n\r\n"2026/03/04 10:16:00 AM GMT+1",x\r\n');
    expect((await readAnswerFile(path)).rows.map((row) => [row.row, row.cells[1]])).toEqual([
      [2, 'a\nb\nc'],
      [4, 'x'],
    ]);
  });

  it("knows the first column in the form owner's language", async () => {
    const path = file('de.csv', 'Zeitstempel,Policy\n"04.03.2026 10:15:22",x\n');
    expect((await readAnswerFile(path)).tool).toBe('google');
  });

  it('names the line of a broken quote', async () => {
    const path = file('broken.csv', 'Timestamp,Policy\n"2026/03/04 10:15:22","unclosed\n');
    const error = await failure(readAnswerFile(path, 'broken.csv'));
    expect(error).toBeInstanceOf(ContentError);
    expect(error.message).toMatch(/^`broken\.csv` is not a CSV file that can be read \(line \d\): .*Download it again from the form's responses\.$/s);
  });
});

describe('a Microsoft Forms workbook', () => {
  it('reads its own columns and the date cells as dates', async () => {
    const started = new Date(Date.UTC(2026, 2, 4, 10, 15, 22));
    const path = file('answers.xlsx', writeXlsx([[...MICROSOFT_COLUMNS, 'Policy', 'How clear is this policy?'], [7, started, new Date(Date.UTC(2026, 2, 4, 10, 20, 5)), 'anonymous', null, 'policy-01', 4]]));
    const table = await readAnswerFile(path, 'answers.xlsx');
    expect(table.tool).toBe('microsoft');
    expect(table.titles).toEqual(['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Policy', 'How clear is this policy?']);
    const [row] = table.rows;
    expect(row?.row).toBe(2);
    expect(row?.cells[1]).toBeInstanceOf(Date);
    expect(answerTime(row?.cells[1] ?? '', 'unknown')).toEqual({ day: '2026-03-04', wall: '2026-03-04 10:15:22' });
    expect(row?.cells.slice(3)).toEqual(['anonymous', '', 'policy-01', '4']);
  });

  it('refuses a workbook that unpacks to more than the limit, before reading it', async () => {
    const bytes = writeXlsx([[...MICROSOFT_COLUMNS], [1, new Date(), new Date(), 'x', 'y']]);
    const size = unzippedSize(bytes) ?? 0;
    expect(size).toBeGreaterThan(1000);
    // Say in the central directory that the first part unpacks to more than the limit.
    const patched = Buffer.from(bytes);
    const directory = patched.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    patched.writeUInt32LE(MAX_UNZIPPED_BYTES, directory + 24);
    expect(unzippedSize(patched)).toBeGreaterThan(MAX_UNZIPPED_BYTES);
    const error = await failure(readAnswerFile(file('bomb.xlsx', patched), 'bomb.xlsx'));
    expect(error).toBeInstanceOf(ContentError);
    expect(error.message).toMatch(/^`bomb\.xlsx` unpacks to [\d,]+ bytes, expected at most 52,428,800 bytes \(50 MB\): that is not a form's export\.$/);
  });

  it('refuses a file that is not a zip', async () => {
    const error = await failure(readAnswerFile(file('fake.xlsx', 'Timestamp,Policy\n'), 'fake.xlsx'));
    expect(error.message).toBe('`fake.xlsx` is not an Excel workbook (`.xlsx`) that can be read: it is not a zip file. Download it again from Microsoft Forms ("Open results in Excel").');
  });
});

describe('files that are neither', () => {
  it('says what the header row should hold', async () => {
    const error = await failure(readAnswerFile(file('other.csv', 'When,Policy\n2026-03-04,x\n'), 'other.csv'));
    expect(error).toBeInstanceOf(ContentError);
    expect(error.message).toMatchInlineSnapshot(`"Unexpected first column \`When\` in \`other.csv\`, expected \`Timestamp\` (a Google Forms CSV) or the columns \`ID\`, \`Start time\` and \`Completion time\` (a Microsoft Forms workbook). Export the answers from the form itself, without changing the header row."`);
  });

  it('is a usage mistake to give another kind of file, or none that exists', async () => {
    expect(await failure(readAnswerFile(file('answers.xls', 'x')))).toBeInstanceOf(UsageError);
    const missing = await failure(readAnswerFile(join(dir, 'nope.csv'), 'nope.csv'));
    expect(missing).toBeInstanceOf(UsageError);
    expect(missing.message).toBe('Unexpected file `nope.csv`: there is no such file. Give the path of the export you downloaded.');
  });
});

describe('limits, checked before parsing', () => {
  const header = 'Timestamp,Policy,Anything else?\n';
  const row = (n: number) => `"2026/03/04 10:15:22 AM GMT+1",policy-01,answer ${n}\n`;

  it(`takes a file of exactly ${MAX_FILE_BYTES} bytes and refuses one byte more`, async () => {
    const start = header + row(1);
    const exact = `${start.slice(0, -1)}${'x'.repeat(MAX_FILE_BYTES - Buffer.byteLength(start))}\n`;
    expect(Buffer.byteLength(exact)).toBe(MAX_FILE_BYTES);
    expect((await readAnswerFile(file('exact.csv', exact))).rows).toHaveLength(1);
    const error = await failure(readAnswerFile(file('over.csv', `${exact}x`), 'over.csv'));
    expect(error).toBeInstanceOf(ContentError);
    expect(error.message).toBe("`over.csv` is 5,242,881 bytes, expected at most 5,242,880 bytes (5 MB): a form's export of 2,000 answers is smaller. Export fewer answers (filter the responses by date) and import them in parts.");
  });

  it(`takes ${MAX_ANSWERS} answers and refuses ${MAX_ANSWERS + 1}`, async () => {
    const answers = (count: number) => header + Array.from({ length: count }, (_, n) => row(n)).join('');
    expect((await readAnswerFile(file('full.csv', answers(MAX_ANSWERS)))).rows).toHaveLength(MAX_ANSWERS);
    const error = await failure(readAnswerFile(file('many.csv', answers(MAX_ANSWERS + 1)), 'many.csv'));
    expect(error.message).toBe('`many.csv` has more than 2,000 rows of answers, expected at most 2,000 answers: each becomes a GitHub issue. Export fewer answers (filter the responses by date) and import them in parts.');
  });

  it('counts empty rows too, so no answer is left unread past the limit', async () => {
    const text = header + Array.from({ length: MAX_ANSWERS - 1 }, (_, n) => row(n)).join('') + '\n\n' + row(MAX_ANSWERS);
    expect((await failure(readAnswerFile(file('gaps.csv', text), 'gaps.csv'))).message).toMatch(/^`gaps\.csv` has more than 2,000 rows of answers/);
  });

  it(`takes ${MAX_COLUMNS} columns and refuses ${MAX_COLUMNS + 1}`, async () => {
    const columns = (count: number) => `${['Timestamp', ...Array.from({ length: count - 1 }, (_, n) => `Q${n}`)].join(',')}\n`;
    expect((await readAnswerFile(file('wide.csv', columns(MAX_COLUMNS)))).titles).toHaveLength(MAX_COLUMNS);
    expect((await failure(readAnswerFile(file('wider.csv', columns(MAX_COLUMNS + 1)), 'wider.csv'))).message).toBe('`wider.csv` has 201 columns, expected at most 200: one per question of your form.');
  });

  it(`counts answers in a workbook the same way`, async () => {
    const rows = (count: number) => [[...MICROSOFT_COLUMNS], ...Array.from({ length: count }, (_, n) => [n + 1, new Date(), new Date(), 'a', 'b'])];
    expect((await readAnswerFile(file('full.xlsx', writeXlsx(rows(MAX_ANSWERS))))).rows).toHaveLength(MAX_ANSWERS);
    expect((await failure(readAnswerFile(file('many.xlsx', writeXlsx(rows(MAX_ANSWERS + 1))), 'many.xlsx'))).message).toMatch(/^`many\.xlsx` has more than 2,000 rows of answers/);
  });
});

describe('times as each tool writes them', () => {
  it.each([
    ['2026/03/04 10:15:22 AM GMT+1', '2026-03-04 10:15:22'],
    ['2026/03/04 12:05:00 AM GMT-5', '2026-03-04 00:05:00'],
    ['2026/03/04 12:05:00 PM GMT+05:30', '2026-03-04 12:05:00'],
    ['2026/03/04 4:02:10 pm UTC', '2026-03-04 16:02:10'],
    ['2026-03-04 16:02:10', '2026-03-04 16:02:10'],
    ['04.03.2026 16:02:10', '2026-03-04 16:02:10'],
    ['4/3/2026 16:02', '2026-04-03 16:02:00'],
  ])('%j is %j', (text, wall) => {
    expect(answerTime(text, 'unknown')?.wall).toBe(wall);
  });

  it('reads slash dates day first when any of the file has a day over 12, month first when a month would be', () => {
    expect(slashOrder(['3/4/2026 10:00:00', '25/3/2026 10:00:00'])).toBe('day-first');
    expect(slashOrder(['3/4/2026 10:00:00', '3/25/2026 10:00:00'])).toBe('month-first');
    expect(slashOrder(['3/4/2026 10:00:00'])).toBe('unknown');
    expect(answerTime('3/4/2026 10:00:00', 'day-first')?.day).toBe('2026-04-03');
    expect(answerTime('3/4/2026 10:00:00', 'month-first')?.day).toBe('2026-03-04');
  });

  it.each(['', 'yesterday', '2026/02/30 10:00:00', '2026/03/04 13:00:00 PM', '2026/03/04 24:00:00', '2026/03/04'])('%j is no time', (text) => {
    expect(answerTime(text, 'unknown')).toBeUndefined();
  });
});
