import type { IDatasource } from 'ag-grid-community';
import type { Unit } from '../../../../electron/api/schemas/unit.ts';
import { api, errorMessage } from '../../api/client.ts';
import { toUnitSort } from './unit-sort.ts';

export interface UnitFilter {
  search: string;
  districtId: string;
}

interface DatasourceHooks {
  /** the filter at the moment a block is requested (read late, so one datasource serves every filter); a new filter is a new object */
  filter: () => UnitFilter;
  onTotal: (total: number) => void;
  onError: (message: string) => void;
}

/** Pages units from SQLite through units.query as the grid scrolls; nothing is loaded up front. */
export function unitDatasource(hooks: DatasourceHooks): IDatasource {
  return {
    getRows(params) {
      const asked = hooks.filter();
      const { search, districtId } = asked;
      const sort = toUnitSort(params.sortModel);
      api
        .call('units.query', {
          startRow: params.startRow,
          endRow: params.endRow,
          ...(search.trim() ? { search: search.trim() } : {}),
          ...(districtId ? { districtId } : {}),
          ...(sort.length > 0 ? { sort } : {}),
        })
        .then(
          (page) => {
            // An answer to an older filter is dropped by the grid; its count must not overwrite the current one.
            if (hooks.filter() === asked) hooks.onTotal(page.total);
            params.successCallback(page.rows satisfies Unit[], page.total);
          },
          (error: unknown) => {
            hooks.onError(errorMessage(error));
            params.failCallback();
          },
        );
    },
  };
}
