import { AppError } from '../../api/errors.ts';
import { displayText, normHeader } from '../sheets/cells.ts';
import { openSpreadsheet } from '../sheets/reader.ts';
import type { Cell, RawRow } from '../sheets/types.ts';
import { toHalfWidth } from '../text.ts';

// Question banks, answer sheets and rosters are small tables with a header row: the
// first sheet whose first 20 rows hold the key header. Read with the shared spreadsheet
// xlsx (yauzl + saxes) and csv (UTF-8 / GBK) readers, with their size and zip checks.

export interface SheetTable {
  fileName: string;
  headerRow: number;
  /** normalised header (normHeader) → column index */
  columns: Map<string, number>;
  /** the header texts as written, by column */
  headers: string[];
  rows: RawRow[];
}

const HEADER_SEARCH_ROWS = 20;
/** answer sheets of 10,000 candidates are the largest expected; a bank of 100,000 rows is not a bank */
const MAX_TABLE_ROWS = 200_000;

export async function readTable(file: string, fileName: string, keyHeader: string, describe: string): Promise<SheetTable> {
  const ledger = await openSpreadsheet(file, fileName);
  const key = normHeader(keyHeader);
  try {
    for await (const sheet of ledger.sheets) {
      let header: RawRow | null = null;
      const rows: RawRow[] = [];
      for await (const batch of sheet.batches) {
        for (const row of batch) {
          if (!header) {
            if (row.number > HEADER_SEARCH_ROWS) break;
            if (row.cells.some((c) => normHeader(displayText(c)) === key)) header = row;
            continue;
          }
          rows.push(row);
          if (rows.length > MAX_TABLE_ROWS) throw new AppError('UNREADABLE_FILE', `“${fileName}”的行数超过 ${MAX_TABLE_ROWS} 行，请拆分后再导入。`);
        }
        if (!header && batch.at(-1) && batch.at(-1)!.number > HEADER_SEARCH_ROWS) break;
      }
      if (!header) continue;
      const headers = header.cells.map((c) => displayText(c).trim());
      const columns = new Map<string, number>();
      headers.forEach((h, i) => {
        const n = normHeader(h);
        if (n && !columns.has(n)) columns.set(n, i);
      });
      return { fileName, headerRow: header.number, columns, headers, rows };
    }
  } finally {
    ledger.close();
  }
  throw new AppError('UNREADABLE_FILE', `“${fileName}”中找不到${describe}的表头（应有“${keyHeader}”列）。`);
}

/** A cell as trimmed half-width text; null when blank. */
export function text(cell: Cell | undefined): string | null {
  const t = toHalfWidth(displayText(cell)).trim();
  return t ? t : null;
}

/**
 * A cell as written, only the surrounding white space dropped; null when blank. Question
 * stems and options keep their full-width punctuation (，。？（）：): the paper prints them.
 */
export function exactText(cell: Cell | undefined): string | null {
  const t = displayText(cell).trim();
  return t ? t : null;
}

/** The raw cell as written (for marks: their own normalisation runs later). */
export function raw(cell: Cell | undefined): string {
  return displayText(cell);
}

export function column(table: SheetTable, ...names: string[]): number | undefined {
  for (const name of names) {
    const i = table.columns.get(normHeader(name));
    if (i !== undefined) return i;
  }
  return undefined;
}
