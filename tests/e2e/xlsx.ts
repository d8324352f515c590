import ExcelJS from 'exceljs';
import type { Download } from '@playwright/test';

/** A downloaded workbook, read with exceljs on the Node side. */
export async function readDownload(download: Download): Promise<ExcelJS.Workbook> {
  const file = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A cell's value as text, as a person reads it in Excel. */
export function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value);
}

/** The texts of one row, from column 1 to the last used column. */
export function rowTexts(sheet: ExcelJS.Worksheet, rowNumber: number): string[] {
  const row = sheet.getRow(rowNumber);
  const out: string[] = [];
  for (let c = 1; c <= row.cellCount; c++) out.push(cellText(row.getCell(c)));
  return out;
}
