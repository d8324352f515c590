import type { SortModelItem } from 'ag-grid-community';
import type { z } from 'zod';
import type { EquipmentFilter, EquipmentStatus, equipmentSortColumns, InspectionStatus } from '../../../../electron/api/schemas/registry.ts';
import { toQuerySort } from '../../grid/paged-datasource.ts';

export type EquipmentStatusValue = z.infer<typeof EquipmentStatus>;
export type InspectionStatusValue = z.infer<typeof InspectionStatus>;
type EquipmentSortColumn = (typeof equipmentSortColumns)[number];

// The renderer may not import the contract's values, only its types; these records
// must name exactly the contract's values, so a change there fails the type check here.
export const equipmentStatuses: Record<EquipmentStatusValue, true> = { in_use: true, stopped: true, scrapped: true, cancelled: true };
export const inspectionStatuses: Record<InspectionStatusValue, true> = { overdue: true, due: true, ok: true, unknown: true };
const sortable: Record<EquipmentSortColumn, true> = {
  unitName: true,
  equipmentCode: true,
  registrationCode: true,
  registrationNo: true,
  kindCode: true,
  categoryCode: true,
  status: true,
  nextInspectionDate: true,
  lastInspectionDate: true,
  location: true,
  updatedAt: true,
};

export function isSortableEquipmentColumn(colId: string): boolean {
  return Object.prototype.hasOwnProperty.call(sortable, colId);
}

/** What the toolbar holds; a new filter is a new object. */
export interface EquipmentFilterState {
  search: string;
  unitId: string;
  /** shown in the unit chip; the query needs only the id */
  unitName: string;
  status: EquipmentStatusValue[];
  kindCode: string;
  inspection: InspectionStatusValue | '';
}

const isStatus = (v: string): v is EquipmentStatusValue => Object.prototype.hasOwnProperty.call(equipmentStatuses, v);
const isInspection = (v: string): v is InspectionStatusValue => Object.prototype.hasOwnProperty.call(inspectionStatuses, v);

/** The first filter, from a link (#/equipment?unitId=…&status=in_use&inspection=overdue). */
export function filterFromParams(params: URLSearchParams): EquipmentFilterState {
  const inspection = params.get('inspection') ?? '';
  return {
    search: params.get('search') ?? '',
    unitId: params.get('unitId') ?? '',
    unitName: params.get('unitName') ?? '',
    status: [...new Set(params.getAll('status').filter(isStatus))],
    kindCode: params.get('kindCode') ?? '',
    inspection: isInspection(inspection) ? inspection : '',
  };
}

/** equipment.query's filter (without paging): also what the export sends. */
export function equipmentQueryFilter(filter: EquipmentFilterState, sortModel: readonly SortModelItem[] = []): z.input<typeof EquipmentFilter> {
  const sort = toQuerySort(sortModel, sortable);
  const search = filter.search.trim();
  return {
    ...(search ? { search } : {}),
    ...(filter.unitId ? { unitId: filter.unitId } : {}),
    ...(filter.status.length > 0 ? { status: filter.status } : {}),
    ...(filter.kindCode ? { kindCode: filter.kindCode } : {}),
    ...(filter.inspection ? { inspection: filter.inspection } : {}),
    ...(sort.length > 0 ? { sort } : {}),
  };
}

export function hasNarrowing(filter: EquipmentFilterState): boolean {
  return Boolean(filter.search.trim() || filter.unitId || filter.status.length || filter.kindCode || filter.inspection);
}
