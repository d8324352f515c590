import type { IDatasource, SortModelItem } from 'ag-grid-community';
import { errorMessage } from '../api/client.ts';

export interface Page<R> {
  rows: R[];
  total: number;
  /** the count stopped at a cap: more than total rows match, and the last row is not known yet */
  totalCapped?: boolean;
}

interface PagedHooks<F, R> {
  /** the filter at the moment a block is requested (read late, so one datasource serves every filter); a new filter is a new object */
  filter: () => F;
  fetch: (filter: F, range: { startRow: number; endRow: number }, sortModel: SortModelItem[]) => Promise<Page<R>>;
  onTotal: (total: number, capped: boolean) => void;
  onError: (message: string) => void;
}

/** Pages rows from SQLite through a *.query call as the grid scrolls; nothing is loaded up front. */
export function pagedDatasource<F, R>(hooks: PagedHooks<F, R>): IDatasource {
  return {
    getRows(params) {
      const asked = hooks.filter();
      hooks.fetch(asked, { startRow: params.startRow, endRow: params.endRow }, params.sortModel).then(
        (page) => {
          // An answer to an older filter is dropped by the grid; its count must not overwrite the current one.
          const capped = page.totalCapped ?? false;
          if (hooks.filter() === asked) hooks.onTotal(page.total, capped);
          // capped: no last row, so the grid offers the next block as it is scrolled to; the
          // block holding the last row comes with the exact total (equipment.query counts past
          // its end), and from then on the grid knows where the rows end
          params.successCallback(page.rows, capped ? undefined : page.total);
        },
        (error: unknown) => {
          hooks.onError(errorMessage(error));
          params.failCallback();
        },
      );
    },
  };
}

/** The grid's sort model as a *.query wants it: allowed columns only, at most three. */
export function toQuerySort<C extends string>(model: readonly SortModelItem[], allowed: Readonly<Record<C, true>>): { colId: C; sort: 'asc' | 'desc' }[] {
  return model
    .filter((m): m is SortModelItem & { colId: C } => Object.prototype.hasOwnProperty.call(allowed, m.colId))
    .slice(0, 3)
    .map((m) => ({ colId: m.colId, sort: m.sort }));
}
