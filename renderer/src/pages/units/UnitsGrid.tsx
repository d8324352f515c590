import type { CellKeyDownEvent, GetRowIdParams, GridApi, GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../electron/api/schemas/unit.ts';
import { gridLocale, gridTheme } from '../../grid/setup.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { unitColumns } from './unit-columns.tsx';
import { unitDatasource, type UnitFilter } from './unit-datasource.ts';

export interface UnitsGridHandle {
  /** re-reads the rows shown (after a save or delete) */
  refresh: () => void;
  focus: () => void;
}

interface UnitsGridProps {
  ref?: Ref<UnitsGridHandle>;
  filter: UnitFilter;
  onSelect: (unit: Unit | null) => void;
  /** double-click or Enter on a row */
  onOpen: (unit: Unit) => void;
  /** the Delete key on a row */
  onDelete: (unit: Unit) => void;
  onTotal: (total: number) => void;
  onError: (message: string) => void;
}

const getRowId = (p: GetRowIdParams<Unit>) => p.data.id;

export function UnitsGrid({ ref, filter, onSelect, onOpen, onDelete, onTotal, onError }: UnitsGridProps) {
  const { t, i18n } = useTranslation();
  const apiRef = useRef<GridApi<Unit> | null>(null);
  // The datasource reads the latest filter and callbacks through refs, so it is created once.
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const hooksRef = useRef({ onTotal, onError });
  hooksRef.current = { onTotal, onError };

  const datasource = useMemo(
    () =>
      unitDatasource({
        filter: () => filterRef.current,
        onTotal: (n) => hooksRef.current.onTotal(n),
        onError: (m) => hooksRef.current.onError(m),
      }),
    [],
  );
  const columnDefs = useMemo(() => unitColumns(t), [t]);
  const context = useMemo(() => ({ t }), [t]);

  // A new filter starts from the first row; the old blocks are for another question.
  useEffect(() => {
    const api = apiRef.current;
    if (!api) return;
    api.deselectAll();
    api.purgeInfiniteCache();
    api.ensureIndexVisible(0, 'top');
  }, [filter.search, filter.districtId]);

  useImperativeHandle(ref, () => ({
    refresh: () => apiRef.current?.refreshInfiniteCache(),
    focus: () => {
      const api = apiRef.current;
      const first = api?.getAllDisplayedColumns()[0];
      if (api && first && api.getDisplayedRowCount() > 0) api.setFocusedCell(0, first);
    },
  }));

  const onGridReady = useCallback((e: GridReadyEvent<Unit>) => {
    apiRef.current = e.api;
  }, []);

  const onCellKeyDown = useCallback(
    (e: CellKeyDownEvent<Unit>) => {
      const key = (e.event as KeyboardEvent | null)?.key;
      if (!e.data) return;
      if (key === 'Enter') onOpen(e.data);
      else if (key === 'Delete') onDelete(e.data);
    },
    [onOpen, onDelete],
  );

  return (
    <div className="grid-host">
      <AgGridReact<Unit>
        // The locale is read once by the grid; a new language remounts it.
        key={i18n.language}
        theme={gridTheme}
        localeText={gridLocale(currentLanguage())}
        context={context}
        columnDefs={columnDefs}
        defaultColDef={{ resizable: true, suppressMovable: false }}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={100}
        maxBlocksInCache={50}
        getRowId={getRowId}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        onGridReady={onGridReady}
        onSelectionChanged={(e) => onSelect(e.api.getSelectedRows()[0] ?? null)}
        onRowDoubleClicked={(e) => e.data && onOpen(e.data)}
        onCellKeyDown={onCellKeyDown}
        tooltipShowDelay={400}
        // The page shows its own empty message, which tells "nothing registered" from "nothing matches".
        suppressNoRowsOverlay
      />
    </div>
  );
}
