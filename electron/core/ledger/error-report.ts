import { statSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { XLSX_MIME, type FileOutput } from '../../api/schemas/files.ts';
import type { CoreContext } from '../context.ts';
import { columnLetter } from './headers.ts';
import { getPlan } from './plan-store.ts';
import type { Plan, ReportSheet } from './plan.ts';
import { outcomeText } from './problem-rows.ts';
import { openSpreadsheet, rowsOf } from '../sheets/reader.ts';
import type { Cell } from '../sheets/types.ts';
import { isProblem } from '../sheets/cells.ts';

// ledger.errorReport: the problem rows (problem-rows.ts), exactly as they stand in
// the file (every original column), with 错误原因 / 导入情况 / 工作表 / 行号 in
// front. The office corrects the cells and imports this file again: the importer
// ignores the added columns, so fixed rows import like any other.

export const REPORT_COLUMNS = ['错误原因', '导入情况', '工作表', '行号'] as const;

function outputCell(cell: Cell | undefined): ExcelJS.CellValue {
  if (cell === undefined || cell === null) return null;
  if (isProblem(cell)) return cell.text;
  return cell;
}

function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[\\/?*[\]:]/g, '_').slice(0, 28) || 'Sheet';
  let candidate = base;
  for (let n = 2; used.has(candidate); n++) candidate = `${base}(${n})`;
  used.add(candidate);
  return candidate;
}

async function writeReport(plan: Plan): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const used = new Set<string>();
  const bySheet = new Map<number, ReportSheet>(plan.reportSheets.map((s) => [s.index, s]));

  const file = await openSpreadsheet(plan.source.path, plan.source.fileName);
  try {
    let index = 0;
    for await (const sheet of file.sheets) {
      const info = bySheet.get(index);
      const problems = plan.problemRows.get(index++);
      if (!info || !problems) {
        for await (const _batch of sheet.batches) {
          // read through: the next sheet comes after this one in the stream
        }
        continue;
      }
      // Problem rows are few: gather them first, so the header covers every column they use.
      const rows: ExcelJS.CellValue[][] = [];
      const headers = [...info.headers];
      for await (const row of rowsOf(sheet)) {
        const problem = problems.get(row.number);
        if (!problem) continue;
        // a data cell beyond the header is named by its letter, as the importer names it
        for (let c = headers.length; c < row.cells.length; c++) headers[c] = `列${columnLetter(c)}`;
        rows.push([problem.reasons.join('；'), outcomeText[problem.outcome], sheet.name, row.number, ...row.cells.map(outputCell)]);
      }
      const out = workbook.addWorksheet(sheetName(sheet.name, used));
      out.getColumn(1).width = 60;
      out.getColumn(2).width = 24;
      const header = out.addRow([...REPORT_COLUMNS, ...headers]);
      header.font = { bold: true };
      header.commit();
      for (const values of rows) {
        const written = out.addRow(values);
        written.eachCell((cell) => {
          if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
        });
        written.commit();
      }
      out.commit();
    }
  } finally {
    file.close();
  }
  await workbook.commit();
  return Buffer.concat(chunks);
}

export async function errorReport(ctx: CoreContext, input: ParsedInput<'ledger.errorReport'>): Promise<FileOutput> {
  const plan = getPlan(ctx, input.planId);
  if (plan.problemRows.size === 0) throw new AppError('NOT_FOUND', '本次导入没有出错或需要核对的行，无需导出');
  let stat;
  try {
    stat = statSync(plan.source.path);
  } catch {
    throw new AppError('NOT_FOUND', '找不到原文件（可能已被移动或删除），请重新选择文件预览');
  }
  if (stat.size !== plan.source.size || stat.mtimeMs !== plan.source.mtimeMs) {
    throw new AppError('CONFLICT', '原文件在预览之后被修改过，请重新预览后再导出问题行');
  }
  const content = await writeReport(plan);
  const base = path.basename(plan.source.fileName, path.extname(plan.source.fileName));
  return { fileName: `${base}-问题行.xlsx`, mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
}
