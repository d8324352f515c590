// The ledger as WPS / older Excel save it as CSV: one sheet per file, a title line above the
// header (the merged title becomes its first cell), CRLF lines, GBK or UTF-8 (BOM optional).
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import type { Cell, SheetKind } from './columns.ts';
import type { SampleModel } from './model.ts';
import { defectReport, planSheet, type SheetWriteOptions } from './sheets.ts';
import { writtenSheet, type LedgerFileResult } from './write-xlsx.ts';

export interface CsvOptions extends SheetWriteOptions {
  encoding: 'utf8' | 'gbk';
  sheet: SheetKind;
  /** UTF-8 only: start with a byte-order mark, as Excel's "CSV UTF-8" does (default true) */
  bom?: boolean;
  /** the sheet name used in the expected report; default: the file name without extension */
  sheetName?: string;
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = cell instanceof Date ? `${cell.getUTCFullYear()}/${cell.getUTCMonth() + 1}/${cell.getUTCDate()}` : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function writeLedgerCsv(model: SampleModel, file: string, options: CsvOptions): Promise<LedgerFileResult> {
  const name = options.sheetName ?? path.basename(file, path.extname(file));
  const plan = planSheet(model, options.sheet, name, 'csv', options);
  const out = createWriteStream(file);
  const encode = (text: string) => (options.encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
  let chunk = options.encoding === 'utf8' && options.bom !== false ? '\uFEFF' : '';
  const pad = ','.repeat(plan.headers.length - 1);
  const flush = async () => {
    if (!out.write(encode(chunk))) await once(out, 'drain');
    chunk = '';
  };
  for (const title of plan.titles) chunk += `${csvField(title)}${pad}\r\n`;
  chunk += `${plan.headers.map(csvField).join(',')}\r\n`;
  for (const cells of plan.rows()) {
    chunk += `${cells.map(csvField).join(',')}\r\n`;
    if (chunk.length > 256 * 1024) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return { file, sheets: [writtenSheet(plan)], defects: options.defects ? defectReport([plan]) : null };
}
