import type { LedgerField, SheetKind } from '../../api/schemas/ledger.ts';

// Shapes shared by the ledger's validator, planner and applier (the cells and rows
// of a spreadsheet are in sheets/types.ts).

export interface ColumnInfo {
  index: number;
  header: string;
  letter: string;
  field: LedgerField | null;
  /** a position column (序号) or one our error report added: neither a field nor an extra */
  ignored: boolean;
}

export interface SheetLayout {
  kind: SheetKind;
  headerRow: number;
  columns: ColumnInfo[];
  /** column index of each matched field */
  fieldIndex: Partial<Record<LedgerField, number>>;
  missingRequired: LedgerField[];
}

/** A problem found in the file, before it is shaped for the contract. */
export interface Issue {
  sheetIndex: number;
  sheet: string;
  row: number;
  columnIndex: number | null;
  column: string;
  value: string;
  code: string;
  message: string;
}

export type EquipmentStatus = 'in_use' | 'stopped' | 'scrapped' | 'cancelled';

/**
 * Values bound for the equipment table. A key that is absent means "the file does
 * not say" (column missing, or its value invalid and dropped with a warning): an
 * update leaves that column as it is. null means the file says "empty".
 */
export interface EquipmentValues {
  equipmentCode?: string | null;
  registrationCode?: string | null;
  registrationNo?: string | null;
  kindCode?: string | null;
  categoryCode?: string | null;
  varietyCode?: string | null;
  categoryRaw?: string | null;
  status?: EquipmentStatus;
  location?: string | null;
  lastInspectionDate?: string | null;
  nextInspectionDate?: string | null;
  /** 'derived': computed from the last date and the kind's interval (推算) */
  nextInspectionSource?: 'recorded' | 'derived' | null;
  internalNo?: string | null;
  model?: string | null;
  productNo?: string | null;
  manufacturer?: string | null;
  commissionedDate?: string | null;
}

export interface ManagerValues {
  name: string;
  idNumber?: string | null;
  itemCode?: string | null;
  certificateNo?: string | null;
  issuedDate?: string | null;
  expiryDate?: string | null;
  phone?: string | null;
}

export interface RowRef {
  sheetIndex: number;
  sheet: string;
  row: number;
}

export interface EquipmentRecord extends RowRef {
  districtId: string;
  uscc: string;
  usccLegacy: boolean;
  unitName: string;
  /** undefined when the sheet has no address column */
  unitAddress?: string | null;
  values: EquipmentValues;
  /** unknown columns, header → text; null when the sheet has none */
  extra: Record<string, string> | null;
  /** the sheet's extra headers (shared by its rows): an empty cell under one clears the stored value */
  extraKeys: readonly string[];
  /** raw texts of values left out (invalid optional cells) */
  dropped: string[] | null;
}

export interface ManagerRecord extends RowRef {
  uscc: string | null;
  unitName: string | null;
  /** the column the unit was named in, for a "unit not found" report entry */
  unitColumn: { index: number; header: string } | null;
  values: ManagerValues;
  extra: Record<string, string> | null;
  extraKeys: readonly string[];
  dropped: string[] | null;
}
