import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ColDef, SortModelItem } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';
import { useColumnChoice } from '../../grid/column-choice.ts';
import { exportGrid, type GridExportInput } from '../../grid/grid-export.ts';
import { GridActions } from '../../grid/GridActions.tsx';
import { pagedDatasource, type Page } from '../../grid/paged-datasource.ts';
import { PagedGrid, type PagedGridHandle, type ShownColumn } from '../../grid/PagedGrid.tsx';
import { hrefFor } from '../../router/hash-router.ts';
import { DeleteRowDialog } from './DeleteRowDialog.tsx';
import { RowActions } from './RowActions.tsx';
import { useRowEditing } from './use-row-editing.ts';

const SEARCH_DELAY_MS = 300;

interface Row {
  id: string;
  /** absent for units, which any node showing them may change */
  originNode?: string;
}

/** What a registry toolbar is given: the filter as chosen (search as typed), the count and the 列 / 导出 buttons. */
export interface RegistryToolbarProps<F> {
  filter: F;
  search: string;
  onSearch: (value: string) => void;
  onChange: (change: Partial<F>) => void;
  total: number | null;
  /** total is a lower bound: the count stopped at the cap (the equipment grid's searches) */
  totalCapped: boolean;
  gridActions: ReactNode;
  /** the selected row and the add / edit / delete actions, for a toolbar that holds them (units) */
  rows: { selected: boolean; onAdd: () => void; onEdit: () => void; onDelete: () => void };
}

/** One registry grid (单位, 设备, 安全管理员): what differs between them; the page around it is the same. */
export interface RegistryGridConfig<F extends { search: string }, R extends Row> {
  /** the grid's name: its remembered columns, its export, and the test ids `<grid>-grid`, `-status`, `-empty` */
  grid: 'units' | 'equipment' | 'managers';
  title: string;
  columns: ColDef<R>[];
  /** what the cells may call besides t (the units' risk cell) */
  context?: Readonly<Record<string, unknown>>;
  /** the filter the page opens with (from the address) */
  initialFilter: F;
  query: (filter: F, range: { startRow: number; endRow: number }, sortModel: SortModelItem[]) => Promise<Page<R>>;
  exportInput: (filter: F, sortModel: SortModelItem[], columns: ShownColumn[]) => GridExportInput;
  /** the row as it is now, before an edit or delete */
  get: (id: string) => Promise<R>;
  /** whether the filter leaves rows out (the empty grid then says so, rather than pointing to the import) */
  narrowed: (filter: F) => boolean;
  emptyNarrowed: string;
  emptyAll: string;
  /** the empty, unfiltered grid points to the import (not for units, which are added here) */
  importLink?: boolean;
  /** add / edit / delete are in the toolbar rather than beside the title */
  actionsInToolbar?: boolean;
  /** a row that cannot be opened any more (deleted meanwhile) is dropped from the grid */
  refreshOnOpenError?: boolean;
  Toolbar: (props: RegistryToolbarProps<F>) => ReactNode;
  /** what needs attention among the rows the filter selects, beside the title */
  Attention?: (props: { filter: F; onChange: (part: Partial<F>) => void }) => ReactNode;
  /** the add / edit dialog; `done` closes it, shows the text and refreshes the grid */
  editDialog: (props: { row: R | null; filter: F; onClose: () => void; done: (text: string) => void }) => ReactNode;
  /** the delete: a question over the row, or a dialog of its own (`done` also clears the selection) */
  remove:
    | { title: string; question: (row: R) => string; call: (row: R) => Promise<unknown>; done: (row: R) => string }
    | { dialog: (props: { row: R; onClose: () => void; done: (text: string) => void }) => ReactNode };
}

/** A registry page: title, attention, add / edit / delete, the toolbar, and the paged grid over SQLite. */
export function RegistryGridPage<F extends { search: string }, R extends Row>({ config }: { config: RegistryGridConfig<F, R> }) {
  const { t } = useTranslation();
  const { grid } = config;
  const gridRef = useRef<PagedGridHandle>(null);
  const [state, setState] = useState<F>(config.initialFilter);
  const [search, setSearch] = useState(state.search);
  const debouncedSearch = useDebouncedValue(search, SEARCH_DELAY_MS);
  const filter = useMemo<F>(() => ({ ...state, search: debouncedSearch }), [state, debouncedSearch]);
  const [total, setTotal] = useState<{ n: number; capped: boolean } | null>(null);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const columnChoice = useColumnChoice(grid);
  const columns = useMemo(() => config.columns.map((c) => ({ colId: c.colId ?? '', header: c.headerName ?? '' })), [config.columns]);
  const context = useMemo(() => ({ ...config.context, t }), [config.context, t]);

  // the datasource is made once and reads the latest filter and query late
  const latest = useRef({ filter, query: config.query });
  latest.current = { filter, query: config.query };
  const datasource = useMemo(
    () =>
      pagedDatasource<F, R>({
        filter: () => latest.current.filter,
        fetch: (f, range, sortModel) => latest.current.query(f, range, sortModel),
        onTotal: (n, capped) => setTotal({ n, capped }),
        onError: (text) => setStatus({ tone: 'error', text }),
      }),
    [],
  );

  const change = (part: Partial<F>) => setState((s) => ({ ...s, ...part }));

  const refreshOnOpenError = config.refreshOnOpenError ?? false;
  const showError = useCallback(
    (text: string) => {
      setStatus({ tone: 'error', text });
      if (refreshOnOpenError) gridRef.current?.refresh();
    },
    [refreshOnOpenError],
  );
  const editing = useRowEditing<R>(config.get, showError);
  const afterChange = (text: string) => {
    editing.close();
    setStatus({ tone: 'ok', text });
    gridRef.current?.refresh();
  };
  const afterDelete = (text: string) => {
    editing.setSelected(null);
    afterChange(text);
  };
  const rows = {
    selected: editing.selected !== null,
    onAdd: editing.openAdd,
    onEdit: () => editing.selected && void editing.open(editing.selected, 'edit'),
    onDelete: () => editing.selected && void editing.open(editing.selected, 'delete'),
  };

  const exportShown = async () => {
    const shown = gridRef.current;
    if (!shown) return;
    try {
      const fileName = await exportGrid(config.exportInput(filter, shown.sortModel(), shown.shownColumns()));
      setStatus({ tone: 'ok', text: t('grid.exported', { fileName }) });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  };

  const { Toolbar, Attention, remove } = config;
  return (
    <section className="page page-fill" aria-labelledby={`${grid}-title`}>
      <div className="page-header">
        <h1 id={`${grid}-title`} className="page-title">
          {config.title}
        </h1>
        {Attention && <Attention filter={filter} onChange={change} />}
        {!config.actionsInToolbar && <RowActions selected={rows.selected} owned={editing.owned} onAdd={rows.onAdd} onEdit={rows.onEdit} onDelete={rows.onDelete} />}
        {status && (
          <div className={`status status-${status.tone}`} role={status.tone === 'error' ? 'alert' : 'status'} data-testid={`${grid}-status`}>
            {status.text}
          </div>
        )}
      </div>
      <Toolbar
        filter={state}
        search={search}
        onSearch={setSearch}
        onChange={change}
        total={total?.n ?? null}
        totalCapped={total?.capped ?? false}
        gridActions={<GridActions columns={columns} choice={columnChoice} onExport={exportShown} exportDisabled={!total?.n} />}
        rows={rows}
      />
      <div className="grid-area">
        <PagedGrid<R>
          ref={gridRef}
          columnDefs={config.columns}
          hidden={columnChoice.hidden}
          datasource={datasource}
          resetKey={filter}
          context={context}
          testId={`${grid}-grid`}
          onSelect={editing.setSelected}
          onOpen={(row) => void editing.open(row, 'edit')}
          onDelete={(row) => void editing.open(row, 'delete')}
        />
        {total?.n === 0 && (
          <div className="grid-empty" data-testid={`${grid}-empty`}>
            {config.narrowed(filter) ? (
              config.emptyNarrowed
            ) : config.importLink === false ? (
              config.emptyAll
            ) : (
              <span className="grid-empty-action">
                {config.emptyAll} <a href={hrefFor('ledger')}>{t('nav.ledger')}</a>
              </span>
            )}
          </div>
        )}
      </div>
      {editing.dialog.kind === 'edit' && config.editDialog({ row: editing.dialog.row, filter, onClose: editing.close, done: afterChange })}
      {editing.dialog.kind === 'delete' && 'dialog' in remove && remove.dialog({ row: editing.dialog.row, onClose: editing.close, done: afterDelete })}
      {editing.dialog.kind === 'delete' && !('dialog' in remove) && (
        <DeleteRowDialog
          title={remove.title}
          question={remove.question(editing.dialog.row)}
          onClose={editing.close}
          onConfirm={async () => {
            const row = editing.dialog.kind === 'delete' ? editing.dialog.row : null;
            if (!row) return;
            await remove.call(row);
            afterDelete(remove.done(row));
          }}
        />
      )}
    </section>
  );
}
