/**
 * When an answer was given, from the export's own time column: Microsoft Forms writes date cells
 * (read as dates); Google Forms writes text, in the shape of where it was downloaded:
 * `2026/03/04 10:15:22 AM GMT+1` (the form's "Download responses"), `3/4/2026 10:15:22` or
 * `04/03/2026 10:15:22` (the responses sheet, month or day first by its locale), `04.03.2026 10:15:22`.
 */
import type { Cell } from './answer-file.ts';

export interface AnswerTime {
  /** The calendar day, as the form showed it: what `--since` compares. */
  day: string;
  /** Day and time to the second, without a zone: the same answer in any export shows the same. */
  wall: string;
}

/** How the days of a file's slash dates are ordered, decided from all of them at once. */
export type SlashOrder = 'month-first' | 'day-first' | 'unknown';

export const TIME_EXAMPLE = '2026/03/04 10:15:22 AM GMT+1';

const YEAR_FIRST = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?(?:\s*(?:GMT|UTC)(?:[+\u2212-]\d{1,2}(?::?\d{2})?)?)?$/;
const YEAR_LAST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}),?[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?$/;

/** Whether the day or the month comes first in the file's `1/2/2026` dates, if any says. */
export function slashOrder(texts: readonly string[]): SlashOrder {
  let order: SlashOrder = 'unknown';
  for (const text of texts) {
    const match = YEAR_LAST.exec(text.trim());
    if (!match || match[2] !== '/') continue;
    if (Number(match[1]) > 12) return 'day-first';
    if (Number(match[3]) > 12) order = 'month-first';
  }
  return order;
}

/** The time a cell holds, or undefined when it is not one of the shapes above. */
export function answerTime(cell: Cell, order: SlashOrder): AnswerTime | undefined {
  // read-excel-file turns a date cell's serial number (days, a binary fraction) into the UTC
  // instant of the same wall time, a millisecond or so off: 10:15:22 comes back as 10:15:21.999.
  if (cell instanceof Date) {
    const time = new Date(Math.round(cell.getTime() / 1000) * 1000);
    return Number.isNaN(time.getTime()) ? undefined : fromParts(time.getUTCFullYear(), time.getUTCMonth() + 1, time.getUTCDate(), time.getUTCHours(), time.getUTCMinutes(), time.getUTCSeconds());
  }
  const text = cell.trim();
  const first = YEAR_FIRST.exec(text);
  if (first) return fromParts(Number(first[1]), Number(first[2]), Number(first[3]), hours(first[4], first[7]), Number(first[5]), Number(first[6] ?? 0));
  const last = YEAR_LAST.exec(text);
  if (!last) return undefined;
  // Dots and hyphens are written day first everywhere; slashes by the sheet's locale.
  const dayFirst = last[2] !== '/' || order === 'day-first';
  const [day, month] = dayFirst ? [Number(last[1]), Number(last[3])] : [Number(last[3]), Number(last[1])];
  return fromParts(Number(last[4]), month, day, hours(last[5], last[8]), Number(last[6]), Number(last[7] ?? 0));
}

function hours(text: string | undefined, half: string | undefined): number {
  const value = Number(text);
  if (!half) return value;
  if (value < 1 || value > 12) return NaN;
  return (value % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
}

function fromParts(year: number, month: number, day: number, hour: number, minute: number, second: number): AnswerTime | undefined {
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  if (!valid) return undefined;
  const iso = date.toISOString();
  return { day: iso.slice(0, 10), wall: `${iso.slice(0, 10)} ${iso.slice(11, 19)}` };
}
