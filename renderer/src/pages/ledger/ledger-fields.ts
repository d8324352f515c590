import type { TFunction } from 'i18next';
import type { equipmentSheetFields, LedgerField, LedgerSummary, managerSheetFields, SheetKind } from '../../../../electron/api/schemas/ledger.ts';

export type { LedgerField, LedgerSummary, SheetKind };
export type SheetInfo = LedgerSummary['sheets'][number];
export type LedgerIssue = LedgerSummary['errors'][number];
/** header text as it stands in the file → the field it means, or 'extra' (其他属性) */
export type ColumnMapping = Record<string, LedgerField | 'extra'>;
export type Mappings = Partial<Record<SheetKind, ColumnMapping>>;

// The renderer imports the contract by type only; these records must name exactly
// the contract's fields of each sheet kind (in its order), or the type check fails.
const equipmentFields: Record<(typeof equipmentSheetFields)[number], true> = {
  districtName: true,
  unitName: true,
  uscc: true,
  unitAddress: true,
  kind: true,
  category: true,
  variety: true,
  equipmentCode: true,
  registrationCode: true,
  registrationNo: true,
  location: true,
  status: true,
  lastInspectionDate: true,
  nextInspectionDate: true,
  internalNo: true,
  model: true,
  productNo: true,
  manufacturer: true,
  commissionedDate: true,
};
const managerFields: Record<(typeof managerSheetFields)[number], true> = {
  unitName: true,
  uscc: true,
  personName: true,
  idNumber: true,
  itemCode: true,
  certificateNo: true,
  issuedDate: true,
  expiryDate: true,
  phone: true,
};

const allFields: Record<LedgerField, true> = { ...equipmentFields, ...managerFields };

/** The summary carries fields as plain strings (the zod enum's type); known ones get their Chinese label. */
export function isLedgerField(value: string): value is LedgerField {
  return Object.prototype.hasOwnProperty.call(allFields, value);
}

/** 使用单位名称 for 'unitName'; an unknown name is shown as it came. */
export function fieldLabel(t: TFunction, field: string): string {
  return isLedgerField(field) ? t(`ledgerField.${field}`) : field;
}

export const fieldsOfKind: Record<SheetKind, readonly LedgerField[]> = {
  equipment: Object.keys(equipmentFields) as LedgerField[],
  managers: Object.keys(managerFields) as LedgerField[],
};

/** Columns the importer could not match and does not ignore: the ones the user may assign. */
export function unmatchedColumns(sheet: SheetInfo): SheetInfo['columns'] {
  return sheet.columns.filter((c) => c.field === null && !c.ignored);
}

/** Rows that will not be imported (an error on the row), counted once per sheet and row. */
export function errorRowCount(summary: LedgerSummary): number {
  return new Set(summary.errors.map((e) => `${e.sheet}\u0000${e.row}`)).size;
}

/** Records the import writes: new and changed units, equipment and managers. */
export function recordsToWrite(summary: LedgerSummary): number {
  return [summary.units, summary.equipment, summary.managers].reduce((n, c) => n + c.inserted + c.updated, 0);
}

/**
 * The mapping the user starts from: the choices made so far (kept, so a re-check
 * sends them again) and 其他属性 for each header still unmatched.
 */
export function initialMappings(summary: LedgerSummary, previous: Mappings): Mappings {
  const result: Mappings = { ...previous };
  for (const sheet of summary.sheets) {
    if (!sheet.kind) continue;
    const mapping: ColumnMapping = { ...(result[sheet.kind] ?? {}) };
    for (const column of unmatchedColumns(sheet)) mapping[column.header] = previous[sheet.kind]?.[column.header] ?? 'extra';
    result[sheet.kind] = mapping;
  }
  return result;
}
