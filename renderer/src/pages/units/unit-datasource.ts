import type { IDatasource } from 'ag-grid-community';
import type { Unit } from '../../../../electron/api/schemas/unit.ts';
import type { RiskLevel } from '../../../../electron/api/schemas/risk.ts';
import { api } from '../../api/client.ts';
import { pagedDatasource } from '../../grid/paged-datasource.ts';
import { toUnitSort } from './unit-sort.ts';

export interface UnitFilter {
  search: string;
  districtId: string;
  /** risk levels shown ('' in the select: all) */
  riskLevels: readonly RiskLevel[];
}

interface DatasourceHooks {
  /** the filter at the moment a block is requested; a new filter is a new object */
  filter: () => UnitFilter;
  onTotal: (total: number) => void;
  onError: (message: string) => void;
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

/** Pages units from SQLite through units.query as the grid scrolls; nothing is loaded up front. */
export function unitDatasource(hooks: DatasourceHooks): IDatasource {
  return pagedDatasource<UnitFilter, Unit>({
    ...hooks,
    fetch: (filter, range, sortModel) => api.call('units.query', { ...range, ...unitQueryFilter(filter, sortModel) }),
  });
}
