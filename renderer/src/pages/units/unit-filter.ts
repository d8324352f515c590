import type { RiskLevel } from '../../../../electron/api/schemas/risk.ts';
import { toUnitSort } from './unit-sort.ts';

export interface UnitFilter {
  search: string;
  districtId: string;
  /** risk levels shown ('' in the select: all) */
  riskLevels: readonly RiskLevel[];
}

/** units.query's filter (without paging) for the grid's filter and sort: also what the export sends. */
export function unitQueryFilter(filter: UnitFilter, sortModel: Parameters<typeof toUnitSort>[0]) {
  const sort = toUnitSort(sortModel);
  return {
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
    ...(filter.districtId ? { districtId: filter.districtId } : {}),
    ...(filter.riskLevels.length > 0 ? { riskLevels: [...filter.riskLevels] } : {}),
    ...(sort.length > 0 ? { sort } : {}),
  };
}
