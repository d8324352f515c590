import ExcelJS from 'exceljs';
import type { ChainRoster } from '../../api/schemas/blocks.ts';

// The chain roster as the office files it: sheet 工作联系名册 (one row per person, block
// by block: inspectors, then each member unit's safety managers, supervisors marked)
// and sheet 问题 (what the chain page flags). ID numbers masked; managers' phones in full
// when the roster was read for the 工作联系表 (its purpose is to call them), else masked.
// Printed from Excel it carries 第 N 页 共 M 页, a 合计 row and the 填表人 / 审核人 lines.

const FONT = '宋体';
const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

const certificateLabels = { valid: '有效', expiring: '即将到期', expired: '已过期', unknown: '未知', 'not-a': '非 A 证' } as const;
const problemLabels = { 'no-inspector': '无监察人员', 'unit-without-manager': '无持证安全管理员', 'certificate-expiring': '证书即将到期' } as const;

function title(sheet: ExcelJS.Worksheet, text: string, subtitle: string, headers: { header: string; width: number }[]): void {
  sheet.columns = headers.map((h) => ({ width: h.width }));
  sheet.mergeCells(1, 1, 1, headers.length);
  const cell = sheet.getCell(1, 1);
  cell.value = text;
  cell.font = { name: FONT, size: 16, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 32;
  sheet.mergeCells(2, 1, 2, headers.length);
  const sub = sheet.getCell(2, 1);
  sub.value = subtitle;
  sub.font = { name: FONT, size: 11 };
  sub.alignment = { horizontal: 'right' };
  const header = sheet.getRow(3);
  headers.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h.header;
    c.font = { name: FONT, size: 11, bold: true };
    c.border = thin;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' };
  sheet.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页' };
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
}

/** 合计 across the sheet's width, then the lines to sign: who filled it in, who checked it, the date. */
function closing(sheet: ExcelJS.Worksheet, total: string, width: number): void {
  const sum = sheet.addRow([total]);
  sheet.mergeCells(sum.number, 1, sum.number, width);
  sum.getCell(1).font = { name: FONT, size: 10.5, bold: true };
  sum.getCell(1).border = thin;
  sheet.addRow([]);
  const sign = sheet.addRow(['填表人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日']);
  sheet.mergeCells(sign.number, 1, sign.number, width);
  sign.getCell(1).font = { name: FONT, size: 11 };
}

function row(sheet: ExcelJS.Worksheet, values: (string | number | null)[]): void {
  const r = sheet.addRow(values);
  values.forEach((_, i) => {
    const c = r.getCell(i + 1);
    c.border = thin;
    c.font = { name: FONT, size: 10.5 };
    c.alignment = { vertical: 'middle', wrapText: true };
  });
}

export async function chainWorkbook(roster: ChainRoster): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'QKL Desk';
  workbook.created = new Date(`${roster.asOf}T00:00:00+08:00`);
  const sheet = workbook.addWorksheet('工作联系名册');
  title(sheet, `${roster.authority}　特种设备安全“区、块、链”工作联系名册`, `截至 ${roster.asOf}　共 ${roster.blocks.length} 个小组`, [
    { header: '小组', width: 16 },
    { header: '角色', width: 12 },
    { header: '姓名', width: 10 },
    { header: '所在单位', width: 34 },
    { header: '执法证号 / 证书编号', width: 22 },
    { header: '身份证号', width: 21 },
    { header: '证书有效期至', width: 12 },
    { header: '证书状态', width: 10 },
    { header: '联系电话', width: 14 },
  ]);
  for (const block of roster.blocks) {
    for (const i of block.inspectors) row(sheet, [block.name, '监察人员', i.name, roster.authority, i.enforcementNo, null, null, null, i.phone]);
    if (block.inspectors.length === 0) row(sheet, [block.name, '监察人员', '（未指定）', null, null, null, null, null, null]);
    for (const unit of block.units) {
      if (unit.managers.length === 0) row(sheet, [block.name, unit.isLead ? '牵头单位' : '成员单位', '（无安全管理员）', unit.name, null, null, null, null, null]);
      for (const m of unit.managers) {
        const role = `${m.isSupervisor ? '安全监督员' : '安全管理员'}${unit.isLead ? '（牵头单位）' : ''}`;
        row(sheet, [block.name, role, m.name, unit.name, m.certificateNo, m.idNumberMasked, m.expiryDate, certificateLabels[m.certificate], m.phone ?? m.phoneMasked]);
      }
    }
  }
  const inspectors = new Set(roster.blocks.flatMap((b) => b.inspectors.map((i) => i.inspectorId))).size;
  const units = roster.blocks.reduce((n, b) => n + b.units.length, 0);
  const managers = roster.blocks.reduce((n, b) => n + b.units.reduce((k, u) => k + u.managers.length, 0), 0);
  closing(sheet, `合计：${roster.blocks.length} 个小组，监察人员 ${inspectors} 人，成员单位 ${units} 家，安全管理员 ${managers} 人`, 9);
  const issues = workbook.addWorksheet('问题');
  title(issues, '工作联系问题', `截至 ${roster.asOf}　共 ${roster.problems.length} 项`, [
    { header: '小组', width: 16 },
    { header: '问题', width: 18 },
    { header: '说明', width: 70 },
  ]);
  for (const p of roster.problems) row(issues, [p.blockName, problemLabels[p.code], p.message]);
  closing(issues, `合计：${roster.problems.length} 项`, 3);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 工作联系名册_塘桥_2026-11-28.xlsx */
export function chainFileName(roster: ChainRoster): string {
  return `工作联系名册_${roster.districtName}_${roster.asOf}.xlsx`;
}
