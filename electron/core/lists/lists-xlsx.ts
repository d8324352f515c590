import ExcelJS from 'exceljs';
import type { TwoLists } from '../../api/schemas/lists.ts';

// The two lists as one workbook in the shape offices file and print: a merged
// title row naming the issuing authority, a "截至 … 共 N 家" row, a bold bordered
// header, totals, A4 landscape with the title and header repeated on every page.
// The lists hold hundreds of rows, so the in-memory workbook is fine here (the
// 200,000-row grid export streams instead).

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const FULL_SPACE = '\u3000';
const riskLabels = { high: '高', elevated: '较高', general: '一般', low: '低' } as const;
/** 高 2 家 in the totals row, when there are any */
const highNote = (lists: TwoLists) => {
  const high = lists.units.filter((u) => u.riskLevel === 'high').length;
  return high > 0 ? `高 ${high} 家` : null;
};
const FONT = '宋体';

interface Column {
  header: string;
  width: number;
}

function setUpSheet(sheet: ExcelJS.Worksheet, title: string, subtitle: string, columns: Column[]): void {
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const last = columns.length;
  sheet.mergeCells(1, 1, 1, last);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { name: FONT, size: 16, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = 36;

  sheet.mergeCells(2, 1, 2, last);
  const sub = sheet.getCell(2, 1);
  sub.value = subtitle;
  sub.font = { name: FONT, size: 11 };
  sub.alignment = { horizontal: 'right', vertical: 'middle' };
  sheet.getRow(2).height = 20;

  const header = sheet.getRow(3);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.border = thin;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  header.height = 30;

  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: '1:3',
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
}

function addBodyRow(sheet: ExcelJS.Worksheet, values: (string | number | null)[], options: { bold?: boolean } = {}): ExcelJS.Row {
  const row = sheet.addRow(values);
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    cell.border = thin;
    cell.font = { name: FONT, size: 10.5, bold: options.bold ?? false };
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: typeof v === 'number' ? 'center' : 'left' };
  });
  return row;
}

function addUnitSheet(workbook: ExcelJS.Workbook, lists: TwoLists): void {
  const sheet = workbook.addWorksheet('使用单位清单');
  // one column per kind present in the list, in catalogue order
  const kinds = lists.countsByKind;
  const columns: Column[] = [
    { header: '序号', width: 6 },
    { header: '使用单位名称', width: 34 },
    { header: '统一社会信用代码', width: 22 },
    { header: '单位地址', width: 30 },
    { header: '设备数量（台）', width: 10 },
    ...kinds.map((k) => ({ header: `其中：${k.kindName}`, width: 10 })),
    { header: '需设安全管理机构', width: 10 },
    { header: '持证安全管理员（人）', width: 11 },
    { header: '风险等级', width: 9 },
  ];
  setUpSheet(sheet, `${lists.titles.authority}${FULL_SPACE}${lists.titles.units}`, `截至 ${lists.asOf}${FULL_SPACE}共 ${lists.units.length} 家`, columns);

  lists.units.forEach((u, i) => {
    addBodyRow(sheet, [i + 1, u.name, u.uscc, u.address, u.count, ...kinds.map((k) => u.countsByKind[k.kindCode] ?? 0), u.needsSafetyBody ? '是' : '否', u.managerCount, u.riskLevel ? riskLabels[u.riskLevel] : '']);
  });
  const sum = (f: (u: TwoLists['units'][number]) => number) => lists.units.reduce((s, u) => s + f(u), 0);
  addBodyRow(
    sheet,
    ['合计', `${lists.units.length} 家`, null, null, sum((u) => u.count), ...kinds.map((k) => k.count), `${sum((u) => (u.needsSafetyBody ? 1 : 0))} 家`, sum((u) => u.managerCount), highNote(lists)],
    { bold: true },
  );

  // counts by kind: the block offices copy into their reports
  sheet.addRow([]);
  const blockTitle = sheet.addRow(['按设备种类统计']);
  blockTitle.getCell(1).font = { name: FONT, size: 11, bold: true };
  sheet.mergeCells(blockTitle.number, 1, blockTitle.number, 3);
  const header = addBodyRow(sheet, ['代码', '设备种类', '台数'], { bold: true });
  header.eachCell((c) => (c.alignment = { horizontal: 'center' }));
  for (const k of kinds) addBodyRow(sheet, [k.kindCode || '—', k.kindName, k.count]);
  addBodyRow(sheet, ['合计', null, kinds.reduce((s, k) => s + k.count, 0)], { bold: true });
  const without = lists.units.filter((u) => u.managerCount === 0).length;
  if (without > 0) {
    const note = sheet.addRow([`注：其中 ${without} 家未配备持有效 A 证的安全管理员。`]);
    note.getCell(1).font = { name: FONT, size: 10.5, color: { argb: 'FFC00000' } };
  }
}

function addManagerSheet(workbook: ExcelJS.Workbook, lists: TwoLists): void {
  const sheet = workbook.addWorksheet('安全管理员清单');
  const columns: Column[] = [
    { header: '序号', width: 6 },
    { header: '姓名', width: 10 },
    { header: '身份证号', width: 21 },
    { header: '使用单位名称', width: 34 },
    { header: '统一社会信用代码', width: 22 },
    { header: '作业项目', width: 8 },
    { header: '证书编号', width: 22 },
    { header: '发证日期', width: 12 },
    { header: '有效期至', width: 12 },
    { header: '联系电话', width: 14 },
  ];
  setUpSheet(sheet, `${lists.titles.authority}${FULL_SPACE}${lists.titles.managers}`, `截至 ${lists.asOf}${FULL_SPACE}共 ${lists.managers.length} 人`, columns);
  lists.managers.forEach((m, i) => {
    // dates stay text (YYYY-MM-DD), as printed; ID numbers and phones arrive masked
    addBodyRow(sheet, [i + 1, m.name, m.idNumberMasked, m.unitName, m.uscc, m.itemCode, m.certificateNo, m.issuedDate, m.expiryDate, m.phoneMasked]);
  });
  const units = new Set(lists.managers.map((m) => m.uscc)).size;
  addBodyRow(sheet, ['合计', `${lists.managers.length} 人`, `涉及使用单位 ${units} 家`, null, null, null, null, null, null, null], { bold: true });
}

/** The workbook's bytes: sheet 使用单位清单 and sheet 安全管理员清单. */
export async function twoListsWorkbook(lists: TwoLists): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'QKL Desk';
  workbook.created = new Date(`${lists.asOf}T00:00:00+08:00`);
  addUnitSheet(workbook, lists);
  addManagerSheet(workbook, lists);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 两项清单_塘桥_2026-11-28.xlsx */
export function twoListsFileName(lists: TwoLists): string {
  return `两项清单_${lists.districtName}_${lists.asOf}.xlsx`;
}

