import ExcelJS from 'exceljs';
import type { Assessment, AssessmentCell } from '../../api/schemas/steering.ts';
import { authorityName, CITY_WIDE } from '../lists/list-titles.ts';
import { monthLabel } from '../summaries/month.ts';

// The month's assessment in the layout the bureau files and signs: a merged title row,
// 考核单位 and 考核月份, one column per indicator (its weight in the header, the facts
// in each score's cell note), 合计 / 满分 / 折算得分 / 排名, the scoring rules under the
// table and the signature lines; a second sheet lists every score with its facts.

const FONT = '宋体';
const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const FULL_SPACE = '\u3000';

function scoreText(cell: AssessmentCell | undefined): string | number {
  if (!cell) return '';
  if (cell.noData) return '暂无数据';
  if (cell.score === null) return '不计';
  return cell.score;
}

function styleRow(row: ExcelJS.Row, count: number, options: { bold?: boolean; fill?: boolean; height?: number } = {}): void {
  for (let i = 1; i <= count; i++) {
    const cell = row.getCell(i);
    cell.border = thin;
    cell.font = { name: FONT, size: 10.5, bold: options.bold ?? false };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (options.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  }
  if (options.height) row.height = options.height;
}

function summarySheet(workbook: ExcelJS.Workbook, a: Assessment, assessor: string): void {
  const sheet = workbook.addWorksheet('考核表');
  const headers = ['序号', '分局', ...a.indicators.map((i) => `${i.label}（${i.weight}分）`), '合计', '满分', '折算得分', '排名', '备注'];
  const last = headers.length;
  sheet.columns = headers.map((_, i) => ({ width: i === 0 ? 6 : i === 1 ? 12 : i === last - 1 ? 18 : i >= 2 && i < 2 + a.indicators.length ? 14 : 9 }));

  sheet.mergeCells(1, 1, 1, last);
  const title = sheet.getCell(1, 1);
  title.value = `${authorityName(CITY_WIDE)}特种设备“区、块、链”监管工作考核表`;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 36;

  sheet.mergeCells(2, 1, 2, last);
  const sub = sheet.getCell(2, 1);
  sub.value = `考核单位：${assessor}${FULL_SPACE.repeat(4)}考核月份：${monthLabel(a.month)}${FULL_SPACE.repeat(4)}数据截至：${a.asOf}${FULL_SPACE.repeat(4)}考核规则：第 ${a.rulesVersion} 版`;
  sub.font = { name: FONT, size: 11 };
  sub.alignment = { horizontal: 'left', vertical: 'middle' };
  sheet.getRow(2).height = 22;

  const header = sheet.getRow(3);
  headers.forEach((h, i) => (header.getCell(i + 1).value = h));
  styleRow(header, last, { bold: true, fill: true, height: 44 });

  a.rows.forEach((r, n) => {
    const byKey = new Map(r.cells.map((c) => [c.key, c]));
    const assessed = r.status === 'assessed';
    const note = assessed ? r.cells.filter((c) => !c.applicable).map((c) => `${a.indicators.find((i) => i.key === c.key)?.label}：${c.value}`).join('；') : '未启用（市局尚未登记该分局的公钥）';
    const row = sheet.addRow([
      n + 1,
      r.districtName,
      ...a.indicators.map((i) => (assessed ? scoreText(byKey.get(i.key)) : '—')),
      r.total ?? '—',
      r.maxScore ?? '—',
      r.normalized ?? '—',
      r.rank ?? '—',
      note,
    ]);
    styleRow(row, last, { height: 30 });
    row.getCell(last).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    // the facts behind each score travel with it, as the page shows them on opening a score
    a.indicators.forEach((i, k) => {
      const cell = byKey.get(i.key);
      if (assessed && cell) row.getCell(3 + k).note = { texts: [{ text: cell.value }] };
    });
  });

  sheet.addRow([]);
  const rulesTitle = sheet.addRow(['计分说明：']);
  rulesTitle.getCell(1).font = { name: FONT, size: 10.5, bold: true };
  a.indicators.forEach((i, k) => {
    const line = sheet.addRow([`${k + 1}. ${i.label}（${i.weight}分）：${i.rule}`]);
    sheet.mergeCells(line.number, 1, line.number, last);
    line.getCell(1).font = { name: FONT, size: 10 };
    line.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    line.height = 28;
  });
  const tail = sheet.addRow(['折算得分 = 合计 ÷ 满分 × 100（不计或暂无数据的指标不计入满分），按折算得分排名。']);
  sheet.mergeCells(tail.number, 1, tail.number, last);
  tail.getCell(1).font = { name: FONT, size: 10 };

  sheet.addRow([]);
  const signatures = sheet.addRow([`考核人：${'＿'.repeat(6)}${FULL_SPACE.repeat(3)}审核人：${'＿'.repeat(6)}${FULL_SPACE.repeat(3)}负责人：${'＿'.repeat(6)}${FULL_SPACE.repeat(3)}（盖章）${FULL_SPACE.repeat(3)}日期：${FULL_SPACE.repeat(3)}年${FULL_SPACE.repeat(2)}月${FULL_SPACE.repeat(2)}日`]);
  sheet.mergeCells(signatures.number, 1, signatures.number, last);
  signatures.getCell(1).font = { name: FONT, size: 11 };
  signatures.height = 30;

  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: '1:3',
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
  sheet.views = [{ state: 'frozen', ySplit: 3, xSplit: 2 }];
}

function detailSheet(workbook: ExcelJS.Workbook, a: Assessment): void {
  const sheet = workbook.addWorksheet('得分明细');
  sheet.columns = [{ width: 12 }, { width: 20 }, { width: 8 }, { width: 8 }, { width: 60 }];
  const header = sheet.addRow(['分局', '指标', '权重', '得分', '情况']);
  styleRow(header, 5, { bold: true, fill: true, height: 22 });
  for (const r of a.rows.filter((x) => x.status === 'assessed')) {
    for (const c of r.cells) {
      const row = sheet.addRow([r.districtName, a.indicators.find((i) => i.key === c.key)?.label ?? c.key, c.weight, scoreText(c), c.value]);
      styleRow(row, 5);
      row.getCell(5).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    }
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The workbook's bytes: sheet 考核表 (to print and sign) and sheet 得分明细. */
export async function assessmentWorkbook(a: Assessment, assessor: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'QKL Desk';
  workbook.created = new Date(`${a.asOf}T00:00:00+08:00`);
  summarySheet(workbook, a, assessor);
  detailSheet(workbook, a);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
