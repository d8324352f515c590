import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { MAX_COLUMNS, MAX_LEDGER_BYTES, tooLarge, tooManyColumns, unreadable } from './caps.ts';
import { detectEncoding, readCsv } from './csv-reader.ts';
import type { RawRow, RawSheet } from './types.ts';
import { readXlsx } from './xlsx-reader.ts';
import { checkZip } from './zip-guard.ts';

// One entry point for every spreadsheet format (ledgers, question banks, rosters,
// answer sheets): the callers see sheets of rows.

export interface SpreadsheetFile {
  fileName: string;
  size: number;
  format: 'xlsx' | 'csv';
  sheets: AsyncIterable<RawSheet>;
  bytesRead(): number;
  close(): void;
}

function startsWith(file: string, bytes: number[]): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(bytes.length);
    readSync(fd, head, 0, bytes.length, 0);
    return bytes.every((b, i) => head[i] === b);
  } finally {
    closeSync(fd);
  }
}

/** The format by content first (a staged file has no extension), then by name. */
function formatOf(file: string, fileName: string): 'xlsx' | 'csv' | 'xls' | null {
  if (startsWith(file, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(file, [0xd0, 0xcf, 0x11, 0xe0])) return 'xls';
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  return null;
}

async function* csvRowsCapped(batches: AsyncIterable<RawRow[]>, sheet: string): AsyncGenerator<RawRow[]> {
  for await (const batch of batches) {
    for (const row of batch) {
      if (row.cells.length <= MAX_COLUMNS) continue;
      if (row.cells.slice(MAX_COLUMNS).some((c) => c !== null)) throw tooManyColumns(sheet, row.number);
      row.cells.length = MAX_COLUMNS;
    }
    yield batch;
  }
}

/** Row by row, for readers that are not on the hot path (the error report, tests). */
export async function* rowsOf(sheet: RawSheet): AsyncGenerator<RawRow> {
  for await (const batch of sheet.batches) yield* batch;
}

/**
 * Opens a spreadsheet for streaming. Refuses, as UNREADABLE_FILE with a Chinese reason,
 * what cannot be read: missing, too large, old .xls, not a zip, a zip bomb.
 */
export async function openSpreadsheet(file: string, fileName: string): Promise<SpreadsheetFile> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw unreadable(fileName, '文件不存在或无法打开，请确认文件路径');
  }
  if (size > MAX_LEDGER_BYTES) throw tooLarge(fileName, size);
  if (size === 0) throw unreadable(fileName, '文件是空的');
  const format = formatOf(file, fileName);
  if (format === 'xls') throw unreadable(fileName, '这是旧版 Excel 97-2003 (.xls) 文件。请用 Excel 或 WPS 打开后“另存为” .xlsx 再导入');
  if (format === null) throw unreadable(fileName, '只支持 .xlsx 和 .csv 文件');

  if (format === 'xlsx') {
    const zip = checkZip(file);
    if (!zip.ok) throw unreadable(fileName, zip.reason);
    const source = readXlsx(file, MAX_COLUMNS, fileName);
    return { fileName, size, format, sheets: source.sheets, bytesRead: source.bytesRead, close: source.close };
  }

  const encoding = await detectEncoding(file);
  const counter = { bytes: 0 };
  const sheetName = path.basename(fileName, path.extname(fileName)) || 'Sheet1';
  async function* sheets(): AsyncGenerator<RawSheet> {
    yield { name: sheetName, batches: csvRowsCapped(readCsv(file, encoding, counter), sheetName) };
  }
  return { fileName, size, format, sheets: sheets(), bytesRead: () => counter.bytes, close: () => {} };
}
