/**
 * An export of a team's own form, read into a header row and answer rows: a Google Forms CSV
 * (`Timestamp` first) with csv-parse, a Microsoft Forms workbook (`ID`, `Start time`,
 * `Completion time`, `Email`, `Name`, then the questions) with read-excel-file. Both are limited
 * before they are parsed, and a file that is neither says what was expected.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { ContentError, UsageError } from '../errors/index.ts';
import { plural } from '../text/plural.ts';
import { shown } from './shown.ts';
import { unzippedSize } from './zip-size.ts';

/**
 * Exports over 5 MB are refused unread. 2,000 answers of a few paragraphs each are well under
 * 2 MB as CSV (less as a workbook, which is compressed); a bigger file is not one form's answers.
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * At most 2,000 answers a file: each becomes a GitHub issue, and GitHub lets an account create
 * about 500 pieces of content an hour, so 2,000 already takes a morning; more is several rounds'
 * answers at once, better imported in parts.
 */
export const MAX_ANSWERS = 2000;

/** At most 200 columns: Google and Microsoft Forms give one per question, and no feedback form has 190 questions. */
export const MAX_COLUMNS = 200;

/**
 * A workbook is a zip: a 5 MB file can hold gigabytes of XML. Refused before it is unpacked
 * when its parts add up to more than 50 MB, ten times what a 5 MB CSV of the same answers holds.
 */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;

export type FormTool = 'google' | 'microsoft';
/** A cell: its text ('' when empty), or a date (Microsoft's time cells). */
export type Cell = string | Date;

export interface AnswerRow {
  /** The row number the spreadsheet shows (the header is row 1). */
  row: number;
  cells: Cell[];
}

export interface AnswerTable {
  /** The file as the person named it, for messages. */
  file: string;
  tool: FormTool;
  titles: string[];
  rows: AnswerRow[];
}

export async function readAnswerFile(path: string, file = path): Promise<AnswerTable> {
  const kind = extname(path).toLowerCase();
  if (kind !== '.csv' && kind !== '.xlsx') {
    throw new UsageError(`Unexpected file \`${file}\`, expected a Google Forms export (\`.csv\`) or a Microsoft Forms export (\`.xlsx\`).`);
  }
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UsageError(`Unexpected file \`${file}\`: there is no such file. Give the path of the export you downloaded.`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new ContentError(`\`${file}\` is ${plural(size, 'byte')}, expected at most ${plural(MAX_FILE_BYTES, 'byte')} (5 MB): a form's export of ${plural(MAX_ANSWERS, 'answer')} is smaller. Export fewer answers (filter the responses by date) and import them in parts.`, { file });
  }
  const grid = kind === '.csv' ? readCsv(readFileSync(path), file) : await readWorkbook(readFileSync(path), file);
  return toTable(grid, file);
}

function readCsv(bytes: Buffer, file: string): Cell[][] {
  try {
    // `to` stops one record past the limit: a longer file is refused without reading the rest.
    const records = parse(bytes, { bom: true, to: MAX_ANSWERS + 2, relax_column_count: true }) as string[][];
    return records.map((record) => record.map((cell) => cell.replace(/\r\n?/g, '\n')));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? ` (line ${error.lines})` : '';
    throw new ContentError(`\`${file}\` is not a CSV file that can be read${line}: ${error.message} Download it again from the form's responses.`, { file, cause: error });
  }
}

async function readWorkbook(bytes: Buffer, file: string): Promise<Cell[][]> {
  const unzipped = unzippedSize(bytes);
  if (unzipped === undefined) throw new ContentError(`\`${file}\` is not an Excel workbook (\`.xlsx\`) that can be read: it is not a zip file. Download it again from Microsoft Forms ("Open results in Excel").`, { file });
  if (unzipped > MAX_UNZIPPED_BYTES) {
    throw new ContentError(`\`${file}\` unpacks to ${plural(unzipped, 'byte')}, expected at most ${plural(MAX_UNZIPPED_BYTES, 'byte')} (50 MB): that is not a form's export.`, { file });
  }
  try {
    const rows = await readSheet(bytes);
    return rows.map((row) => row.map((cell) => (cell instanceof Date ? cell : cell === null || cell === undefined ? '' : String(cell).replace(/\r\n?/g, '\n'))));
  } catch (error) {
    throw new ContentError(`\`${file}\` is not an Excel workbook (\`.xlsx\`) that can be read: ${(error as Error).message}. Download it again from Microsoft Forms ("Open results in Excel").`, { file, cause: error });
  }
}

function toTable(grid: Cell[][], file: string): AnswerTable {
  const [header = [], ...body] = grid;
  const titles = header.map((cell) => (typeof cell === 'string' ? cell.trim() : cell.toISOString()));
  if (titles.length > MAX_COLUMNS) throw new ContentError(`\`${file}\` has ${titles.length} columns, expected at most ${MAX_COLUMNS}: one per question of your form.`, { file });
  // Rows, empty ones included: the CSV reader stops one row past the limit, so fewer would hide answers.
  if (body.length > MAX_ANSWERS) {
    throw new ContentError(`\`${file}\` has more than ${plural(MAX_ANSWERS, 'row')} of answers, expected at most ${plural(MAX_ANSWERS, 'answer')}: each becomes a GitHub issue. Export fewer answers (filter the responses by date) and import them in parts.`, { file });
  }
  const rows = body.map((cells, index) => ({ row: index + 2, cells })).filter(({ cells }) => cells.some((cell) => cell instanceof Date || cell.trim() !== ''));
  return { file, tool: toolOf(titles, file), titles, rows };
}

const fold = (title: string) => title.trim().toLowerCase();

/** Google titles its first column in the form owner's language. */
export const GOOGLE_TIME_TITLES = ['timestamp', 'zeitstempel', 'horodateur', 'marca temporal', 'carimbo de data/hora', 'informazioni cronologiche', 'tijdstempel'];

/** Which tool wrote the file, from its first columns. */
function toolOf(titles: readonly string[], file: string): FormTool {
  if (GOOGLE_TIME_TITLES.includes(fold(titles[0] ?? ''))) return 'google';
  const folded = titles.map(fold);
  if (['id', 'start time', 'completion time'].every((title) => folded.includes(title))) return 'microsoft';
  throw new ContentError(
    `Unexpected first column ${shown(titles[0] ?? '')} in \`${file}\`, expected \`Timestamp\` (a Google Forms CSV) or the columns \`ID\`, \`Start time\` and \`Completion time\` (a Microsoft Forms workbook). Export the answers from the form itself, without changing the header row.`,
    { file, problems: [{ field: 'row 1', problem: 'the header row is not a Google Forms or Microsoft Forms export', line: 1 }] },
  );
}
