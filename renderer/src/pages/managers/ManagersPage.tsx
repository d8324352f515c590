import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SafetyManager } from '../../../../electron/api/schemas/registry.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';
import { useColumnChoice } from '../../grid/column-choice.ts';
import { exportGrid } from '../../grid/grid-export.ts';
import { GridActions } from '../../grid/GridActions.tsx';
import { pagedDatasource } from '../../grid/paged-datasource.ts';
import { PagedGrid, type PagedGridHandle } from '../../grid/PagedGrid.tsx';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { managerColumns } from './manager-columns.tsx';
import { filterFromParams, hasNarrowing, managerQueryFilter, type ManagerFilterState } from './manager-filter.ts';
import { ManagersToolbar } from './ManagersToolbar.tsx';
import { ManagerDialog } from './ManagerDialog.tsx';
import { DeleteRowDialog } from '../registry/DeleteRowDialog.tsx';
import { RowActions } from '../registry/RowActions.tsx';
import { useRowEditing } from '../registry/use-row-editing.ts';
import { useLoad } from '../../components/useLoad.ts';

const SEARCH_DELAY_MS = 300;

/** 安全管理员: certified safety managers of the district's units, paged from SQLite. */
export function ManagersPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const gridRef = useRef<PagedGridHandle>(null);
  const [state, setState] = useState(() => filterFromParams(params));
  const [search, setSearch] = useState(state.search);
  const debouncedSearch = useDebouncedValue(search, SEARCH_DELAY_MS);
  const filter = useMemo<ManagerFilterState>(() => ({ ...state, search: debouncedSearch }), [state, debouncedSearch]);
  const [total, setTotal] = useState<number | null>(null);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const columnChoice = useColumnChoice('managers');
  const columnDefs = useMemo(() => managerColumns(t), [t]);
  const columns = useMemo(() => columnDefs.map((c) => ({ colId: c.colId ?? '', header: c.headerName ?? '' })), [columnDefs]);
  const context = useMemo(() => ({ t }), [t]);

  const filterRef = useRef(filter);
  filterRef.current = filter;
  const datasource = useMemo(
    () =>
      pagedDatasource<ManagerFilterState, SafetyManager>({
        filter: () => filterRef.current,
        fetch: (f, range, sortModel) => api.call('managers.query', { ...range, ...managerQueryFilter(f, sortModel) }),
        onTotal: setTotal,
        onError: (text) => setStatus({ tone: 'error', text }),
      }),
    [],
  );

  // Certificates that need attention among the rows the other filters select.
  const attentionKey = JSON.stringify(managerQueryFilter({ ...filter, certificate: '' }));
  const { value: attention } = useLoad(() => {
    const base = JSON.parse(attentionKey) as ReturnType<typeof managerQueryFilter>;
    const count = (certificate: 'expired' | 'expiring') => api.call('managers.query', { ...base, certificate, startRow: 0, endRow: 1 }).then((p) => p.total);
    return Promise.all([count('expired'), count('expiring')]).then(
      ([expired, expiring]) => ({ expired, expiring }),
      () => null,
    );
  }, [attentionKey]);

  const change = (part: Partial<ManagerFilterState>) => setState((s) => ({ ...s, ...part }));

  const showError = useCallback((text: string) => setStatus({ tone: 'error', text }), []);
  const getManager = useCallback((id: string) => api.call('managers.get', { id }), []);
  const editing = useRowEditing<SafetyManager>(getManager, showError);
  const afterChange = (text: string) => {
    editing.close();
    setStatus({ tone: 'ok', text });
    gridRef.current?.refresh();
  };

  const exportShown = async () => {
    const grid = gridRef.current;
    if (!grid) return;
    try {
      const fileName = await exportGrid({ grid: 'managers', filter: managerQueryFilter(filter, grid.sortModel()), columns: grid.shownColumns() });
      setStatus({ tone: 'ok', text: t('grid.exported', { fileName }) });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  };

  return (
    <section className="page page-fill" aria-labelledby="managers-title">
      <div className="page-header">
        <h1 id="managers-title" className="page-title">
          {t('managers.title')}
        </h1>
        {attention && (attention.expired > 0 || attention.expiring > 0) && (
          <div className="attention" data-testid="managers-attention">
            <span className="attention-label">{t('common.attention')}</span>
            <button type="button" className="attention-item attention-danger" onClick={() => change({ certificate: 'expired' })} disabled={attention.expired === 0}>
              {t('managers.attentionExpired', { count: attention.expired })}
            </button>
            <button type="button" className="attention-item attention-warn" onClick={() => change({ certificate: 'expiring' })} disabled={attention.expiring === 0}>
              {t('managers.attentionExpiring', { count: attention.expiring })}
            </button>
          </div>
        )}
        <RowActions
          selected={editing.selected !== null}
          owned={editing.owned}
          onAdd={editing.openAdd}
          onEdit={() => editing.selected && void editing.open(editing.selected, 'edit')}
          onDelete={() => editing.selected && void editing.open(editing.selected, 'delete')}
        />
        {status && (
          <div className={`status status-${status.tone}`} role={status.tone === 'error' ? 'alert' : 'status'} data-testid="managers-status">
            {status.text}
          </div>
        )}
      </div>
      <ManagersToolbar
        filter={state}
        search={search}
        onSearch={setSearch}
        onChange={change}
        total={total}
        gridActions={<GridActions columns={columns} choice={columnChoice} onExport={exportShown} exportDisabled={!total} />}
      />
      <div className="grid-area">
        <PagedGrid<SafetyManager>
          ref={gridRef}
          columnDefs={columnDefs}
          hidden={columnChoice.hidden}
          datasource={datasource}
          resetKey={filter}
          context={context}
          testId="managers-grid"
          onSelect={editing.setSelected}
          onOpen={(row) => void editing.open(row, 'edit')}
          onDelete={(row) => void editing.open(row, 'delete')}
        />
        {total === 0 && (
          <div className="grid-empty" data-testid="managers-empty">
            {hasNarrowing(filter) ? (
              t('managers.empty')
            ) : (
              <span className="grid-empty-action">
                {t('managers.emptyAll')} <a href={hrefFor('import')}>{t('nav.import')}</a>
              </span>
            )}
          </div>
        )}
      </div>
      {editing.dialog.kind === 'edit' && (
        <ManagerDialog
          manager={editing.dialog.row}
          unitId={filter.unitId}
          unitName={filter.unitName}
          onClose={editing.close}
          onSaved={(saved) => {
            const name = saved.manager.name;
            const warnings = saved.warnings.map((w) => w.message).join('；');
            afterChange(warnings ? t('registryEdit.savedWithWarnings', { name, warnings }) : t('registryEdit.saved', { name }));
          }}
        />
      )}
      {editing.dialog.kind === 'delete' && (
        <DeleteRowDialog
          title={t('registryEdit.manager.deleteTitle')}
          question={t('registryEdit.manager.deleteQuestion', { name: editing.dialog.row.name, certificate: editing.dialog.row.certificateNo ?? '—' })}
          onClose={editing.close}
          onConfirm={async () => {
            const row = editing.dialog.kind === 'delete' ? editing.dialog.row : null;
            if (!row) return;
            await api.call('managers.delete', { id: row.id, version: row.version });
            editing.setSelected(null);
            afterChange(t('registryEdit.deleted', { name: row.name }));
          }}
        />
      )}
    </section>
  );
}
