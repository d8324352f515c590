import type { SortModelItem } from 'ag-grid-community';
import type { unitSortColumns } from '../../../../electron/api/schemas/unit.ts';

type UnitSortColumn = (typeof unitSortColumns)[number];

// The renderer may not import the contract's values, only its types; this record
// must name exactly the contract's sort columns, so a change there fails the type check here.
const sortable: Record<UnitSortColumn, true> = {
  name: true,
  uscc: true,
  districtName: true,
  address: true,
  equipmentInUse: true,
  screenedCount: true,
  overdueCount: true,
  dueSoonCount: true,
  managerCount: true,
  updatedAt: true,
  createdAt: true,
  riskLevel: true,
  riskScore: true,
};

export function isSortableUnitColumn(colId: string): colId is UnitSortColumn {
  return Object.prototype.hasOwnProperty.call(sortable, colId);
}

/** The grid's sort model as units.query wants it: allowed columns only, at most three. */
export function toUnitSort(model: SortModelItem[]): { colId: UnitSortColumn; sort: 'asc' | 'desc' }[] {
  return model
    .filter((m): m is SortModelItem & { colId: UnitSortColumn } => isSortableUnitColumn(m.colId))
    .slice(0, 3)
    .map((m) => ({ colId: m.colId, sort: m.sort }));
}
