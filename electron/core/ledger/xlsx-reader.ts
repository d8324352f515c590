import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { tooManyColumns } from './caps.ts';
import { patchReader } from './xlsx-patches.ts';
import type { Cell, RawRow, RawSheet } from './types.ts';

// Streams every worksheet of an .xlsx with exceljs' WorkbookReader: one row in
// memory at a time, never the whole workbook. Styles are read because only the
// number format tells an Excel date from a number.

type ExcelValue = ExcelJS.CellValue | undefined;

/** exceljs' WorksheetReader (not in its typings): parse() yields the events of each chunk of sheet XML. */
interface SheetReader {
  name: string;
  parse(): AsyncIterable<{ eventType: string; value: unknown }[]>;
}

/** Turns what exceljs holds in a cell into a Cell; formulas count by their saved result only (never evaluated). */
export function toCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return { problem: 'error', text: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return { problem: 'formula', text: `=${(value as { formula?: string }).formula ?? ''}` };
    if (typeof result === 'object' && result !== null && 'error' in result) return { problem: 'error', text: String((result as { error: unknown }).error) };
    return toCell(result as ExcelValue);
  }
  if ('text' in value) return String((value as { text: unknown }).text ?? '');
  return null;
}

export interface XlsxSource {
  sheets: AsyncIterable<RawSheet>;
  bytesRead(): number;
  close(): void;
}

export function readXlsx(file: string, maxColumns: number): XlsxSource {
  const stream = createReadStream(file);
  let bytes = 0;
  stream.on('data', (chunk) => (bytes += chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    styles: 'cache',
    entries: 'ignore',
  });
  const failure = patchReader(reader, stream);

  function rawRow(sheet: string, row: ExcelJS.Row): RawRow | null {
    // row.values is 1-based and sparse: index 0 is always empty
    const values = row.values as ExcelValue[];
    if (values.length - 1 > maxColumns && values.slice(maxColumns + 1).some((v) => toCell(v) !== null)) {
      throw tooManyColumns(sheet, row.number, maxColumns);
    }
    const width = Math.min(values.length - 1, maxColumns);
    const cells: Cell[] = new Array(Math.max(width, 0));
    let any = false;
    for (let c = 0; c < width; c++) {
      const cell = toCell(values[c + 1]);
      cells[c] = cell;
      if (cell !== null) any = true;
    }
    return any ? { number: row.number, cells } : null;
  }

  // The worksheet's parse() hands over the rows of each chunk of XML together; its
  // row-by-row iterator would cost two promise hops per row (100,000 rows: ~0.5 s).
  async function* batchesOf(worksheet: SheetReader): AsyncGenerator<RawRow[]> {
    for await (const events of worksheet.parse()) {
      const batch: RawRow[] = [];
      for (const { eventType, value } of events) {
        if (eventType !== 'row') continue;
        const raw = rawRow(worksheet.name, value as ExcelJS.Row);
        if (raw) batch.push(raw);
      }
      if (batch.length > 0) yield batch;
    }
  }

  async function* sheets(): AsyncGenerator<RawSheet> {
    // a damaged file must end the wait for the next sheet too (exceljs may be buffering a sheet to disk)
    for await (const worksheet of failure.each(reader as unknown as AsyncIterable<SheetReader>)) {
      yield { name: worksheet.name, batches: batchesOf(worksheet) };
    }
  }

  return { sheets: sheets(), bytesRead: () => bytes, close: () => stream.destroy() };
}
