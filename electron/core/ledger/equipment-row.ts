import type { Resolved } from '../catalogue/catalogue.ts';
import { readOptionalDate, type RowContext } from './row-context.ts';
import type { EquipmentRecord, EquipmentValues, Issue } from './types.ts';
import { cleanCode, cleanText, parseStatus } from './values.ts';

// One row of an equipment sheet (设备台账): the piece of equipment and, in the
// same row, its using unit. Required: unit name, credit code, a category the
// catalogue knows, and one key (设备代码 / 注册代码 / 使用登记证编号); a status
// that is filled in must be one of the four. Anything else that is wrong is
// dropped with a warning and the row is still imported.

export type EquipmentOutcome =
  | { kind: 'record'; record: EquipmentRecord; warnings: Issue[] }
  | { kind: 'skipped'; warning: Issue }
  | { kind: 'rejected'; errors: Issue[] };

const EQUIPMENT_CODE = /^[0-9A-Z]{17,20}$/;
/** GB 32100: digits and capitals without I, O, S, V, Z */
const USCC_ALPHABET = /^[0-9A-HJ-NP-RTUWXY]{18}$/;

/**
 * Every key present from the start, in one order: V8 then keeps all of them inside
 * the object (no separate property array, no shape changes as fields are filled or
 * when the planner adds unitId and extra). undefined still means "the file does not say".
 */
function emptyValues(): EquipmentValues & { unitId?: string; extra?: string | null } {
  return {
    equipmentCode: undefined,
    registrationCode: undefined,
    registrationNo: undefined,
    kindCode: undefined,
    categoryCode: undefined,
    varietyCode: undefined,
    categoryRaw: undefined,
    status: undefined,
    location: undefined,
    lastInspectionDate: undefined,
    nextInspectionDate: undefined,
    nextInspectionSource: undefined,
    internalNo: undefined,
    model: undefined,
    productNo: undefined,
    manufacturer: undefined,
    commissionedDate: undefined,
    unitId: undefined,
    extra: undefined,
  };
}

/** Credit code of a unit: shared by equipment and manager rows. */
export function readUscc(row: RowContext, required: boolean): { uscc: string; legacy: boolean } | null {
  const cell = row.usable('uscc', true, true);
  // not copied (cleanText's copy): deps.uscc keeps its own copy of a text it has not seen
  const text = cell === undefined ? null : cleanText(cell, false);
  if (text === null) {
    if (cell !== undefined && required) row.error('uscc', 'REQUIRED_MISSING', '请填写统一社会信用代码（18 位）');
    return null;
  }
  const checked = row.deps.uscc(text);
  if (!checked.ok) {
    const code = checked.value.length !== 18 ? 'USCC_LENGTH' : USCC_ALPHABET.test(checked.value) ? 'USCC_CHECK' : 'USCC_CHAR';
    row.error('uscc', code, checked.message.includes('请') ? checked.message : `${checked.message}，请按营业执照核对后改正`);
    return null;
  }
  if (checked.legacy) row.warn('uscc', 'USCC_LEGACY', checked.warning ?? '旧工商注册号，未能校验');
  // one string per unit, shared by all its rows (units repeat on every equipment row)
  return { uscc: row.deps.intern(checked.value)!, legacy: checked.legacy };
}

const categoryFields = ['variety', 'category', 'kind'] as const;
const categoryLabels = { variety: '设备品种', category: '设备类别', kind: '设备种类' } as const;
const depth = (r: Resolved) => (r.varietyCode ? 3 : r.categoryCode ? 2 : 1);

/**
 * 设备种类 / 类别 / 品种, any of them, names or codes at any level: the most
 * specific value the catalogue knows wins. A value it does not know is an error
 * only when no other column says what the equipment is.
 */
function readCategory(row: RowContext, values: EquipmentValues): void {
  const found: { field: (typeof categoryFields)[number]; text: string; resolved: Resolved | undefined }[] = [];
  let unusable = false;
  for (const field of categoryFields) {
    const cell = row.usable(field, true);
    const text = cell === undefined ? null : row.shared(cell);
    if (row.unusable(field)) unusable = true;
    if (text !== null) found.push({ field, text, resolved: row.deps.category(text) });
  }
  const known = found.filter((f) => f.resolved) as { field: (typeof categoryFields)[number]; text: string; resolved: Resolved }[];
  const best = known.reduce<(typeof known)[number] | null>(
    (b, f) => (!b || depth(f.resolved) > depth(b.resolved) || (b.resolved.legacy && !f.resolved.legacy) ? f : b),
    null,
  );
  for (const f of found) {
    if (f.resolved) continue;
    const message = `${categoryLabels[f.field]}“${f.text}”在《特种设备目录》中找不到，请填写目录中的名称或代码（如“曳引驱动乘客电梯”或“3110”）`;
    if (best) row.warn(f.field, 'CATEGORY_UNKNOWN', `${message}；将按${categoryLabels[best.field]}“${best.text}”导入`);
    else row.error(f.field, 'CATEGORY_UNKNOWN', message);
  }
  if (!best) {
    if (found.length === 0 && !unusable) {
      const field = categoryFields.find((f) => row.has(f)) ?? 'category';
      row.error(field, 'REQUIRED_MISSING', '请填写设备类别（设备种类、类别或品种，名称或代码均可）');
    }
    return;
  }
  const other = known.find((f) => f.resolved.kindCode !== best.resolved.kindCode);
  if (other) {
    row.warn(other.field, 'CATEGORY_MISMATCH', `${categoryLabels[other.field]}“${other.text}”与${categoryLabels[best.field]}“${best.text}”不属于同一设备种类，将按后者导入，请核对`);
  }
  if (best.resolved.legacy) {
    row.warn(best.field, 'CATEGORY_LEGACY', `“${best.text}”是旧代码，不在 2014 年《特种设备目录》中，将按种类 ${best.resolved.kindCode} 导入，请核对`);
  }
  Object.assign(values, {
    kindCode: best.resolved.kindCode,
    categoryCode: best.resolved.categoryCode,
    varietyCode: best.resolved.varietyCode,
    categoryRaw: best.text,
  });
}

function readKeys(row: RowContext, values: EquipmentValues): void {
  const keyFields = ['equipmentCode', 'registrationCode', 'registrationNo'] as const;
  let usable = true;
  for (const field of keyFields) {
    if (!row.has(field)) continue;
    const cell = row.usable(field, true, field !== 'registrationNo');
    if (cell === undefined) {
      usable = false;
      continue;
    }
    const code = cleanCode(cell);
    values[field] = code;
  }
  const code = values.equipmentCode;
  if (code && !EQUIPMENT_CODE.test(code)) {
    row.warn('equipmentCode', 'EQUIPMENT_CODE_FORMAT', `设备代码“${code}”不是 17–20 位字母和数字，将按原样导入，请核对`);
  }
  if (usable && !values.equipmentCode && !values.registrationCode && !values.registrationNo) {
    const field = keyFields.find((f) => row.has(f)) ?? 'equipmentCode';
    row.error(field, 'REQUIRED_MISSING', '设备代码、注册代码、使用登记证编号至少填写一项，用来识别这台设备');
  }
}

export function readEquipmentRow(row: RowContext): EquipmentOutcome {
  const district = row.deps.districts.resolve(row.text('districtName'));
  if (district.kind === 'other') {
    row.warn('districtName', 'DISTRICT_OTHER', `该行属于“${district.name}”分局，不是本分局的设备，将跳过（不导入）`);
    return { kind: 'skipped', warning: row.warnings.at(-1)! };
  }
  if (district.kind === 'error') row.error('districtName', district.code, district.message);

  const unitName = row.requiredText('unitName', '请填写使用单位名称');
  const uscc = readUscc(row, true);
  const unitAddress = row.has('unitAddress') ? row.text('unitAddress') : undefined;

  const values = emptyValues();
  readCategory(row, values);
  readKeys(row, values);

  if (row.has('status')) {
    const cell = row.usable('status', true);
    if (cell !== undefined) {
      const status = parseStatus(cell);
      if (!status.ok) row.error('status', status.code, status.message);
      else if (status.value === null) row.warn('status', 'STATUS_EMPTY', '设备状态为空，将按“在用”导入；如不是在用，请填写“停用”“报废”或“注销”');
      values.status = status.ok ? (status.value ?? 'in_use') : undefined;
    }
  }
  for (const field of ['lastInspectionDate', 'nextInspectionDate', 'commissionedDate'] as const) {
    const date = readOptionalDate(row, field);
    if (date !== undefined) values[field] = date;
  }
  for (const field of ['location', 'internalNo', 'model', 'productNo', 'manufacturer'] as const) {
    if (!row.has(field)) continue;
    const cell = row.usable(field, false, field === 'productNo' || field === 'internalNo');
    // makers, models and internal numbers (DT-01 …) repeat; locations and product numbers mostly do not
    if (cell !== undefined) values[field] = field === 'location' || field === 'productNo' ? cleanText(cell) : row.shared(cell);
  }
  const extra = row.extras();

  if (row.errors.length > 0 || district.kind !== 'ok' || !uscc || unitName === null) return { kind: 'rejected', errors: row.errors };
  return {
    kind: 'record',
    warnings: row.warnings,
    record: {
      sheetIndex: row.sheet.index,
      sheet: row.sheet.name,
      row: row.row.number,
      districtId: district.districtId,
      uscc: uscc.uscc,
      usccLegacy: uscc.legacy,
      unitName,
      unitAddress,
      values,
      extra,
      extraKeys: row.sheet.extraKeys,
      dropped: row.dropped,
    },
  };
}
