import path from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { XLSX_MIME, type FileOutput } from '../../api/schemas/files.ts';
import type { CoreContext } from '../context.ts';
import { getPlan } from './plan-store.ts';
import { changeLabel, changeValue } from './update-list.ts';

// ledger.updatesReport: every update of a preview (or of the import that ran it),
// one line per changed field with its old and new value, for review away from the
// screen. The wizard's field filter applies: the file holds what the grid shows.

const entityLabel = { unit: '使用单位', equipment: '特种设备', manager: '安全管理员' } as const;
const HEADERS = ['工作表', '行号', '类型', '识别编号', '字段', '原值', '新值', '处理'];

export async function updatesReport(ctx: CoreContext, input: ParsedInput<'ledger.updatesReport'>): Promise<FileOutput> {
  const plan = getPlan(ctx, input.planId);
  const fields = input.fields ? new Set(input.fields) : null;
  const held = new Set(plan.held.map((h) => `${h.ref.sheet}\u0000${h.ref.row}`));
  const outcome = (sheet: string, row: number) => {
    if (held.has(`${sheet}\u0000${row}`)) return plan.applied ? '未更新（识别字段改变，未确认）' : '暂不更新（识别字段改变，待确认）';
    return plan.applied ? '已更新' : '将更新';
  };
  const lines = plan.summary.updates.flatMap((u) =>
    u.changes
      .filter((c) => !fields || fields.has(c.field))
      .map((c) => [u.sheet, u.row, entityLabel[u.entity], u.key, changeLabel(c.field), changeValue(c.field, c.before), changeValue(c.field, c.after), outcome(u.sheet, u.row)]),
  );
  if (lines.length === 0) throw new AppError('NOT_FOUND', fields ? '所选字段没有更新，无需导出' : '本次导入没有更新已有的记录，无需导出');

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('更新明细');
  sheet.addRow(HEADERS).font = { bold: true };
  for (const line of lines) sheet.addRow(line);
  sheet.columns.forEach((column, i) => (column.width = [14, 8, 12, 24, 20, 30, 30, 30][i]));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  const base = path.basename(plan.source.fileName, path.extname(plan.source.fileName));
  return { fileName: `${base}-更新明细.xlsx`, mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
}
