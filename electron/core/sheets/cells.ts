import { toHalfWidth } from '../text.ts';
import type { Cell, CellProblem } from './types.ts';

// Cells and headers as every spreadsheet reader's user needs them: the text a
// cell shows, a header's meaning whatever its spacing, and copies that do not pin
// the parser's chunks.

export function isProblem(cell: Cell | undefined): cell is CellProblem {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

// One string per calendar day, made once: a ledger holds 300,000 dates over a few
// thousand days, and every kept copy costs memory and collector time. (A pure memo,
// bounded by the calendar: at most 73,000 days from 1900 to 2100.)
const days = new Map<number, string>();

export function ymd(year: number, month: number, day: number): string {
  const key = year * 10_000 + month * 100 + day;
  let text = days.get(key);
  if (text === undefined) {
    text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (year >= 1900 && year <= 2100) days.set(key, text);
  }
  return text;
}

/** Excel's dates are read as UTC (xlsx-reader.ts): read the UTC fields so the time zone never shifts a day. */
export function dateOfCell(d: Date): string {
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The cell as the user sees it in Excel, for messages, fingerprints and the error report. */
export function displayText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Number.isInteger(cell) && !Number.isSafeInteger(cell) ? cell.toExponential() : String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return dateOfCell(cell);
  return cell.text;
}

/**
 * A copy of a string that does not pin the text it was cut from. The xlsx parser
 * hands out cell texts as slices of 64 KB chunks of sheet XML; keeping one slice
 * keeps its whole chunk alive, so keeping 100,000 rows of values would keep the
 * whole unpacked sheet in memory (measured: 3x the heap, most of the time in GC).
 */
export function own(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1); // V8 copies short substrings anyway
}

/** Spaces, line breaks, width, case, required-marks and bracketed notes do not change what a header means. */
export function normHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/[([【〔][^)\]】〕]*[)\]】〕]/g, '')
    .replace(/[\s\u00a0*:：]/g, '')
    .toLowerCase();
}
