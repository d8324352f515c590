import { checkIdNumber } from '../validation/id-card.ts';
import { readUscc } from './equipment-row.ts';
import { readOptionalDate, type RowContext } from './row-context.ts';
import type { Issue, ManagerRecord, ManagerValues } from './types.ts';
import { cleanCode, cleanPhone, cleanText, parseItem } from './values.ts';

// One row of a safety-manager sheet (安全管理人员). Required: the person's name,
// the unit (credit code, or its name when the code is absent), the item (作业项目)
// and a key (证书编号, else 身份证号 + item); an ID number that is filled in must
// pass GB 11643. Bad dates are dropped with a warning, the row is imported.

export type ManagerOutcome = { kind: 'record'; record: ManagerRecord; warnings: Issue[] } | { kind: 'rejected'; errors: Issue[] };

function columnOf(row: RowContext, field: 'uscc' | 'unitName'): ManagerRecord['unitColumn'] {
  const index = row.sheet.layout.fieldIndex[field];
  return index === undefined ? null : { index, header: row.sheet.layout.columns[index]!.header };
}

export function readManagerRow(row: RowContext): ManagerOutcome {
  const name = row.requiredText('personName', '请填写安全管理员姓名');

  const errorsBefore = row.errors.length;
  const uscc = row.has('uscc') ? readUscc(row, false) : null;
  const unitName = row.has('unitName') ? row.text('unitName') : null;
  // nothing to find the unit by, and not because a cell was already reported
  if (!uscc && unitName === null && row.errors.length === errorsBefore && !row.unusable('unitName')) {
    row.error(row.has('uscc') ? 'uscc' : 'unitName', 'REQUIRED_MISSING', '请填写所在使用单位的统一社会信用代码（或单位名称）');
  }

  const values: ManagerValues = { name: name ?? '' };
  if (row.has('idNumber')) {
    const cell = row.usable('idNumber', true, true);
    const text = cell === undefined ? null : cleanText(cell);
    if (text !== null) {
      const checked = checkIdNumber(text, row.deps.today);
      if (checked.ok) values.idNumber = checked.value;
      else {
        const code = !/^\d{17}[\dX]$/.test(checked.value) ? 'ID_FORMAT' : checked.message.includes('出生日期') ? 'ID_BIRTH_DATE' : 'ID_CHECK';
        row.error('idNumber', code, checked.message.includes('请') ? checked.message : `${checked.message}，请按身份证核对后改正`);
      }
    } else if (cell !== undefined) values.idNumber = null;
  }

  const itemCell = row.usable('itemCode', true);
  if (itemCell !== undefined) {
    const item = parseItem(itemCell);
    if (item.value === null) row.error('itemCode', 'REQUIRED_MISSING', '请填写作业项目（特种设备安全管理为“A”）');
    else if (item.warning) row.warn('itemCode', item.warning.code, item.warning.message);
    values.itemCode = item.value;
  }

  if (row.has('certificateNo')) {
    const cell = row.usable('certificateNo', true, true);
    if (cell !== undefined) values.certificateNo = cleanCode(cell);
  }
  const keyUnusable = row.unusable('certificateNo', true) || row.unusable('idNumber', true) || row.errors.some((e) => e.code.startsWith('ID_'));
  if (!values.certificateNo && !values.idNumber && !keyUnusable) {
    row.error(row.has('certificateNo') ? 'certificateNo' : 'idNumber', 'REQUIRED_MISSING', '证书编号和身份证号至少填写一项，用来识别这本证书');
  }

  for (const field of ['issuedDate', 'expiryDate'] as const) {
    const date = readOptionalDate(row, field);
    if (date !== undefined) values[field] = date;
  }
  if (row.has('phone')) {
    const cell = row.usable('phone', false);
    if (cell !== undefined) values.phone = cleanPhone(cell);
  }
  const extra = row.extras();

  if (row.errors.length > 0 || name === null) return { kind: 'rejected', errors: row.errors };
  return {
    kind: 'record',
    warnings: row.warnings,
    record: {
      sheetIndex: row.sheet.index,
      sheet: row.sheet.name,
      row: row.row.number,
      uscc: uscc?.uscc ?? null,
      unitName,
      unitColumn: columnOf(row, uscc ? 'uscc' : 'unitName'),
      values,
      extra,
      extraKeys: row.sheet.extraKeys,
      dropped: row.dropped,
    },
  };
}
