// The ledger as a provincial-system / WPS xlsx export, written with exceljs's streaming
// writer: rows are committed as they are made, so 100,000 rows need little memory.
import ExcelJS from 'exceljs';
import type { SheetKind } from './columns.ts';
import type { DefectReport } from './defects.ts';
import type { SampleModel } from './model.ts';
import { defectReport, planSheet, type SheetPlan, type SheetWriteOptions } from './sheets.ts';

export interface XlsxOptions extends SheetWriteOptions {
  /** sheet names; the importer recognises sheets by headers, so 'Sheet1'/'Sheet2' must work too */
  sheetNames?: { equipment?: string; managers?: string };
  /** write the 安全管理人员 sheet (default true) */
  managers?: boolean;
}

export interface WrittenSheet {
  kind: SheetKind;
  name: string;
  headerRow: number;
  headers: string[];
  /** data rows after the header (model rows + defect rows) */
  dataRows: number;
  /** Excel row number of the last row */
  lastRow: number;
}

export interface LedgerFileResult {
  file: string;
  sheets: WrittenSheet[];
  /** present when written with defects: the report the importer must produce */
  defects: DefectReport | null;
}

export function writtenSheet(plan: SheetPlan): WrittenSheet {
  return { kind: plan.kind, name: plan.name, headerRow: plan.headerRow, headers: plan.headers, dataRows: plan.dataRows, lastRow: plan.headerRow + plan.dataRows };
}

interface PipeLike {
  writableLength?: number;
  _writableState?: { length: number };
}

/**
 * row.commit() ignores back-pressure: left alone, the sheet's XML piles up in memory in front
 * of the zip compressor (100 MB for 100,000 rows). Wait while the stream exceljs pipes the
 * sheet into holds more than 1 MB. That stream is an exceljs/archiver internal (a
 * readable-stream v2 PassThrough), hence the defensive access and the time limit.
 */
async function backPressure(ws: ExcelJS.Worksheet): Promise<void> {
  const pipes = (ws as unknown as { stream?: { pipes?: PipeLike[] } }).stream?.pipes ?? [];
  const pending = () => Math.max(0, ...pipes.map((p) => p.writableLength ?? p._writableState?.length ?? 0));
  const until = Date.now() + 5000;
  while (pending() > 1 << 20 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 2));
}

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, plan: SheetPlan): Promise<void> {
  const ws = workbook.addWorksheet(plan.name);
  ws.columns = plan.headers.map((h) => ({ width: Math.max(10, h.length * 2.2) }));
  const width = plan.headers.length;
  plan.titles.forEach((title, i) => {
    const row = ws.addRow([title]);
    if (i === 0) {
      // the merged, centred title real exports put above the header
      ws.mergeCells(1, 1, 1, width);
      row.getCell(1).font = { bold: true, size: 16 };
      row.getCell(1).alignment = { horizontal: 'center' };
    }
    row.commit();
  });
  const header = ws.addRow(plan.headers);
  header.font = { bold: true };
  header.commit();
  let n = 0;
  for (const cells of plan.rows()) {
    const row = ws.addRow(cells);
    cells.forEach((cell, i) => {
      if (cell instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
    row.commit();
    if (++n % 500 === 0) await backPressure(ws);
  }
  ws.commit();
}

/** Writes 设备台账 (and 安全管理人员) to an xlsx file; returns what was written and, with defects, the expected report. */
export async function writeLedgerXlsx(model: SampleModel, file: string, options: XlsxOptions = {}): Promise<LedgerFileResult> {
  const plans = [planSheet(model, 'equipment', options.sheetNames?.equipment ?? '设备台账', 'xlsx', options)];
  if (options.managers !== false) plans.push(planSheet(model, 'managers', options.sheetNames?.managers ?? '安全管理人员', 'xlsx', options));
  // no shared strings: that table would hold every distinct text in memory until the end
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = 'WPS 表格';
  for (const plan of plans) await writeSheet(workbook, plan);
  await workbook.commit();
  return { file, sheets: plans.map(writtenSheet), defects: options.defects ? defectReport(plans) : null };
}
