import { AppError } from '../../api/errors.ts';
import { Equipment, SafetyManager } from '../../api/schemas/registry.ts';
import { Unit } from '../../api/schemas/unit.ts';
import { maskPhone } from '../privacy/mask.ts';
import { localMinute } from './as-of.ts';

// What "export what is shown" writes into a cell. Columns are addressed by the
// grid's colId: a field of the row the grid shows (so the export can only ever
// contain what the grid call itself returns: masked personal data included) or
// "extra.<ledger column>". Coded values become the Chinese the grid displays.

export type GridName = 'units' | 'equipment' | 'managers';

const fieldsOf: Record<GridName, ReadonlySet<string>> = {
  units: new Set(Object.keys(Unit.shape)),
  equipment: new Set(Object.keys(Equipment.shape)),
  managers: new Set(Object.keys(SafetyManager.shape)),
};

const labels: Record<string, Record<string, string>> = {
  status: { in_use: '在用', stopped: '停用', scrapped: '报废', cancelled: '注销' },
  inspectionStatus: { ok: '正常', due: '临期', overdue: '超期', unknown: '未知' },
  nextInspectionSource: { recorded: '记录', derived: '推算' },
  certificateStatus: { valid: '有效', expiring: '即将到期', expired: '已过期', unknown: '未知' },
};
const timestamps = new Set(['createdAt', 'updatedAt', 'deletedAt']);
/** after a next inspection date derived from the last one */
export const DERIVED_MARK = '（推算）';

export type CellValue = string | number | null;
export type Cellify = (row: Record<string, unknown>) => CellValue;

/** A cell reader per chosen column; an unknown colId is refused before anything is read. */
export function cellReaders(grid: GridName, colIds: readonly string[]): Cellify[] {
  return colIds.map((colId) => {
    if (colId.startsWith('extra.')) {
      const key = colId.slice('extra.'.length);
      return (row) => (row['extra'] as Record<string, string> | undefined)?.[key] ?? null;
    }
    if (!fieldsOf[grid].has(colId)) {
      throw new AppError('VALIDATION', `无法导出列“${colId}”：该表格没有这一列，请重新选择要导出的列`, { field: 'columns' });
    }
    // the units grid returns the contact phone for editing; an export is a copy that leaves the program
    if (grid === 'units' && colId === 'contactPhone') return (row) => maskPhone(row[colId] as string | null);
    const label = labels[colId];
    if (label) return (row) => label[String(row[colId])] ?? (row[colId] as string | null);
    if (timestamps.has(colId)) return (row) => (row[colId] ? localMinute(String(row[colId])) : null);
    // a date computed from the last inspection says so, in the sheet as in the grid
    if (grid === 'equipment' && colId === 'nextInspectionDate') {
      return (row) => (row[colId] ? `${String(row[colId])}${row['nextInspectionSource'] === 'derived' ? DERIVED_MARK : ''}` : null);
    }
    return (row) => {
      const value = row[colId];
      if (value === null || value === undefined) return null;
      if (typeof value === 'boolean') return value ? '是' : '否';
      if (typeof value === 'number') return value;
      if (typeof value === 'object') return JSON.stringify(value);
      // dates are YYYY-MM-DD text already and stay text, as do long codes
      return String(value);
    };
  });
}

/** Column width in Excel characters: CJK counts double, within 12–50 (dates and codes need 12). */
export function columnWidth(header: string): number {
  const width = [...header].reduce((w, c) => w + (/[\u2E80-\uFFEF]/.test(c) ? 2 : 1), 0) + 2;
  return Math.min(50, Math.max(12, width));
}
