import type { CellKeyDownEvent, ColDef, GetRowIdParams, GridApi, GridReadyEvent, IDatasource, SortModelItem } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { gridLocale, gridTheme } from './setup.ts';

export interface ShownColumn {
  colId: string;
  header: string;
}

export interface PagedGridHandle {
  /** re-reads the rows shown (after a save or delete) */
  refresh: () => void;
  focus: () => void;
  /** the sort the user chose, in order (for "export what is shown") */
  sortModel: () => SortModelItem[];
  /** the columns shown, in the order shown (for "export what is shown") */
  shownColumns: () => ShownColumn[];
}

interface PagedGridProps<T extends { id: string }> {
  ref?: Ref<PagedGridHandle>;
  columnDefs: ColDef<T>[];
  hidden: ReadonlySet<string>;
  datasource: IDatasource;
  /** a new value (the page's filter object) starts again from the first row */
  resetKey: unknown;
  context?: unknown;
  onSelect?: (row: T | null) => void;
  /** double-click or Enter on a row */
  onOpen?: (row: T) => void;
  /** the Delete key on a row */
  onDelete?: (row: T) => void;
  testId?: string;
}


/**
 * AG Grid on the infinite row model, paging from a *.query call: what the units,
 * equipment and managers grids share. Sorting happens in SQLite; the grid only asks.
 */
export function PagedGrid<T extends { id: string }>(props: PagedGridProps<T>) {
  const { ref, columnDefs, hidden, datasource, resetKey, context, onSelect, onOpen, onDelete, testId } = props;
  const { i18n } = useTranslation();
  const apiRef = useRef<GridApi<T> | null>(null);
  const getRowId = useCallback((p: GetRowIdParams<T>) => p.data.id, []);

  const shownDefs = useMemo(() => columnDefs.map((c) => ({ ...c, hide: hidden.has(c.colId ?? '') })), [columnDefs, hidden]);

  // A new filter starts from the first row; the old blocks are for another question.
  useEffect(() => {
    const api = apiRef.current;
    if (!api) return;
    api.deselectAll();
    api.purgeInfiniteCache();
    api.ensureIndexVisible(0, 'top');
  }, [resetKey]);

  useImperativeHandle(ref, () => ({
    refresh: () => apiRef.current?.refreshInfiniteCache(),
    focus: () => {
      const api = apiRef.current;
      const first = api?.getAllDisplayedColumns()[0];
      if (api && first && api.getDisplayedRowCount() > 0) api.setFocusedCell(0, first);
    },
    sortModel: () =>
      (apiRef.current?.getColumnState() ?? [])
        .filter((s): s is typeof s & { sort: 'asc' | 'desc' } => s.sort === 'asc' || s.sort === 'desc')
        .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
        .map((s) => ({ colId: s.colId, sort: s.sort })),
    shownColumns: () =>
      (apiRef.current?.getAllDisplayedColumns() ?? []).map((c) => ({ colId: c.getColId(), header: c.getColDef().headerName ?? c.getColId() })),
  }));

  const onGridReady = useCallback((e: GridReadyEvent<T>) => {
    apiRef.current = e.api;
  }, []);

  const onCellKeyDown = useCallback(
    (e: CellKeyDownEvent<T>) => {
      const key = (e.event as KeyboardEvent | null)?.key;
      if (!e.data) return;
      if (key === 'Enter') onOpen?.(e.data);
      else if (key === 'Delete') onDelete?.(e.data);
    },
    [onOpen, onDelete],
  );

  return (
    <div className="grid-host" data-testid={testId}>
      <AgGridReact<T>
        // The locale is read once by the grid; a new language remounts it.
        key={i18n.language}
        theme={gridTheme}
        localeText={gridLocale(currentLanguage())}
        context={context}
        columnDefs={shownDefs}
        defaultColDef={{ resizable: true, suppressMovable: false }}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={100}
        maxBlocksInCache={50}
        getRowId={getRowId}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        onGridReady={onGridReady}
        onSelectionChanged={onSelect ? (e) => onSelect(e.api.getSelectedRows()[0] ?? null) : undefined}
        onRowDoubleClicked={onOpen ? (e) => e.data && onOpen(e.data) : undefined}
        onCellKeyDown={onCellKeyDown}
        // a few dozen columns at most: render them all, so the page's find and the tests see every cell
        suppressColumnVirtualisation
        tooltipShowDelay={400}
        // The page shows its own empty message, which tells "nothing registered" from "nothing matches".
        suppressNoRowsOverlay
      />
    </div>
  );
}
