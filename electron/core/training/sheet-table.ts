import { AppError } from '../../api/errors.ts';
import { displayText, normHeader } from '../sheets/cells.ts';
import { openSpreadsheet } from '../sheets/reader.ts';
import type { Cell, RawRow } from '../sheets/types.ts';
import { toHalfWidth } from '../text.ts';

// Question banks, answer sheets and rosters are tables with a header row: the
// first sheet whose first 20 rows hold the key header. Read with the shared spreadsheet
// xlsx (yauzl + saxes) and csv (UTF-8 / GBK) readers, with their size and zip checks.

/** A table's header: where it is and what its columns are called. */
export interface TableHead {
  fileName: string;
  headerRow: number;
  /** normalised header (normHeader) → column index */
  columns: Map<string, number>;
  /** the header texts as written, by column */
  headers: string[];
}

export interface SheetTable extends TableHead {
  rows: RawRow[];
}

const HEADER_SEARCH_ROWS = 20;
/** answer sheets of 10,000 candidates are the largest expected; a bank of 100,000 rows is not a bank */
const MAX_TABLE_ROWS = 200_000;

function headOf(fileName: string, header: RawRow): TableHead {
  const headers = header.cells.map((c) => displayText(c).trim());
  const columns = new Map<string, number>();
  headers.forEach((h, i) => {
    const n = normHeader(h);
    if (n && !columns.has(n)) columns.set(n, i);
  });
  return { fileName, headerRow: header.number, columns, headers };
}

/**
 * The table's rows handed over one at a time as the file is read, none kept: `start` gets
 * the header once found and returns what takes each row after it (answer sheets of 10,000
 * candidates × 100 questions are a million cells, which cost more to keep than to read).
 */
export async function streamTable(file: string, fileName: string, keyHeader: string, describe: string, start: (head: TableHead) => (row: RawRow) => void): Promise<TableHead> {
  const ledger = await openSpreadsheet(file, fileName);
  const key = normHeader(keyHeader);
  try {
    for await (const sheet of ledger.sheets) {
      let head: TableHead | null = null;
      let take: ((row: RawRow) => void) | null = null;
      let rows = 0;
      for await (const batch of sheet.batches) {
        for (const row of batch) {
          if (!take) {
            if (row.number > HEADER_SEARCH_ROWS) break;
            if (row.cells.some((c) => normHeader(displayText(c)) === key)) take = start((head = headOf(fileName, row)));
            continue;
          }
          if (++rows > MAX_TABLE_ROWS) throw new AppError('UNREADABLE_FILE', `“${fileName}”的行数超过 ${MAX_TABLE_ROWS} 行，请拆分后再导入。`);
          take(row);
        }
        if (!take && batch.at(-1) && batch.at(-1)!.number > HEADER_SEARCH_ROWS) break;
      }
      if (head) return head;
    }
  } finally {
    ledger.close();
  }
  throw new AppError('UNREADABLE_FILE', `“${fileName}”中找不到${describe}的表头（应有“${keyHeader}”列）。`);
}

/** The whole table in memory: question banks and rosters (a few thousand rows). */
export async function readTable(file: string, fileName: string, keyHeader: string, describe: string): Promise<SheetTable> {
  const rows: RawRow[] = [];
  const head = await streamTable(file, fileName, keyHeader, describe, () => (row) => rows.push(row));
  return { ...head, rows };
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

export function column(table: TableHead, ...names: string[]): number | undefined {
  for (const name of names) {
    const i = table.columns.get(normHeader(name));
    if (i !== undefined) return i;
  }
  return undefined;
}
