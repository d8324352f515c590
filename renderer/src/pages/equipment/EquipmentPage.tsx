import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Equipment } from '../../../../electron/api/schemas/registry.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';
import { useColumnChoice } from '../../grid/column-choice.ts';
import { exportGrid } from '../../grid/grid-export.ts';
import { GridActions } from '../../grid/GridActions.tsx';
import { pagedDatasource } from '../../grid/paged-datasource.ts';
import { PagedGrid, type PagedGridHandle } from '../../grid/PagedGrid.tsx';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { equipmentColumns } from './equipment-columns.tsx';
import { equipmentQueryFilter, filterFromParams, hasNarrowing, type EquipmentFilterState } from './equipment-filter.ts';
import { EquipmentToolbar } from './EquipmentToolbar.tsx';
import { EquipmentDialog } from './EquipmentDialog.tsx';
import { DeleteRowDialog } from '../registry/DeleteRowDialog.tsx';
import { RowActions } from '../registry/RowActions.tsx';
import { useRowEditing } from '../registry/use-row-editing.ts';
import { useLoad } from '../../components/useLoad.ts';

const SEARCH_DELAY_MS = 300;

interface Attention {
  overdue: number;
  due: number;
}

/** 特种设备: every piece of the district, paged, sorted and filtered in SQLite. */
export function EquipmentPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const gridRef = useRef<PagedGridHandle>(null);
  const [state, setState] = useState(() => filterFromParams(params));
  const [search, setSearch] = useState(state.search);
  const debouncedSearch = useDebouncedValue(search, SEARCH_DELAY_MS);
  const filter = useMemo<EquipmentFilterState>(() => ({ ...state, search: debouncedSearch }), [state, debouncedSearch]);
  const [total, setTotal] = useState<number | null>(null);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const columnChoice = useColumnChoice('equipment');
  const columnDefs = useMemo(() => equipmentColumns(t), [t]);
  const columns = useMemo(() => columnDefs.map((c) => ({ colId: c.colId ?? '', header: c.headerName ?? '' })), [columnDefs]);
  const context = useMemo(() => ({ t }), [t]);

  const filterRef = useRef(filter);
  filterRef.current = filter;
  const datasource = useMemo(
    () =>
      pagedDatasource<EquipmentFilterState, Equipment>({
        filter: () => filterRef.current,
        fetch: (f, range, sortModel) => api.call('equipment.query', { ...range, ...equipmentQueryFilter(f, sortModel) }),
        onTotal: setTotal,
        onError: (text) => setStatus({ tone: 'error', text }),
      }),
    [],
  );

  // What needs attention among the pieces the other filters select: 超期 and 临期 counts
  // (of pieces in use unless the user chose statuses: a scrapped boiler is not overdue for anything).
  const attentionStatus = filter.status.length > 0 ? filter.status : (['in_use'] as const);
  const attentionKey = JSON.stringify(equipmentQueryFilter({ ...filter, status: [...attentionStatus], inspection: '' }));
  const { value: attention } = useLoad(() => {
    const base = JSON.parse(attentionKey) as ReturnType<typeof equipmentQueryFilter>;
    const count = (inspection: 'overdue' | 'due') => api.call('equipment.query', { ...base, inspection, startRow: 0, endRow: 1 }).then((p) => p.total);
    return Promise.all([count('overdue'), count('due')]).then(
      ([overdue, due]): Attention => ({ overdue, due }),
      () => null,
    );
  }, [attentionKey]);

  const change = (part: Partial<EquipmentFilterState>) => setState((s) => ({ ...s, ...part }));

  const showError = useCallback((text: string) => setStatus({ tone: 'error', text }), []);
  const getPiece = useCallback((id: string) => api.call('equipment.get', { id }), []);
  const editing = useRowEditing<Equipment>(getPiece, showError);
  const pieceName = (p: Equipment) => p.equipmentCode ?? p.registrationCode ?? p.registrationNo ?? p.internalNo ?? '';
  const afterChange = (text: string) => {
    editing.close();
    setStatus({ tone: 'ok', text });
    gridRef.current?.refresh();
  };

  const exportShown = async () => {
    const grid = gridRef.current;
    if (!grid) return;
    try {
      const fileName = await exportGrid({ grid: 'equipment', filter: equipmentQueryFilter(filter, grid.sortModel()), columns: grid.shownColumns() });
      setStatus({ tone: 'ok', text: t('grid.exported', { fileName }) });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  };

  return (
    <section className="page page-fill" aria-labelledby="equipment-title">
      <div className="page-header">
        <h1 id="equipment-title" className="page-title">
          {t('equipment.title')}
        </h1>
        {attention && (attention.overdue > 0 || attention.due > 0) && (
          <div className="attention" data-testid="equipment-attention">
            <span className="attention-label">{t('common.attention')}</span>
            <button type="button" className="attention-item attention-danger" onClick={() => change({ inspection: 'overdue', status: [...attentionStatus] })} disabled={attention.overdue === 0}>
              {t('equipment.attentionOverdue', { count: attention.overdue })}
            </button>
            <button type="button" className="attention-item attention-warn" onClick={() => change({ inspection: 'due', status: [...attentionStatus] })} disabled={attention.due === 0}>
              {t('equipment.attentionDue', { count: attention.due })}
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
          <div className={`status status-${status.tone}`} role={status.tone === 'error' ? 'alert' : 'status'} data-testid="equipment-status">
            {status.text}
          </div>
        )}
      </div>
      <EquipmentToolbar
        filter={state}
        search={search}
        onSearch={setSearch}
        onChange={change}
        total={total}
        gridActions={<GridActions columns={columns} choice={columnChoice} onExport={exportShown} exportDisabled={!total} />}
      />
      <div className="grid-area">
        <PagedGrid<Equipment>
          ref={gridRef}
          columnDefs={columnDefs}
          hidden={columnChoice.hidden}
          datasource={datasource}
          resetKey={filter}
          context={context}
          testId="equipment-grid"
          onSelect={editing.setSelected}
          onOpen={(row) => void editing.open(row, 'edit')}
          onDelete={(row) => void editing.open(row, 'delete')}
        />
        {total === 0 && (
          <div className="grid-empty" data-testid="equipment-empty">
            {hasNarrowing(filter) ? (
              t('equipment.empty')
            ) : (
              <span className="grid-empty-action">
                {t('equipment.emptyAll')} <a href={hrefFor('import')}>{t('nav.import')}</a>
              </span>
            )}
          </div>
        )}
      </div>
      {editing.dialog.kind === 'edit' && (
        <EquipmentDialog
          piece={editing.dialog.row}
          unitId={filter.unitId}
          unitName={filter.unitName}
          onClose={editing.close}
          onSaved={(saved) => {
            const name = pieceName(saved.equipment);
            const warnings = saved.warnings.map((w) => w.message).join('；');
            afterChange(warnings ? t('registryEdit.savedWithWarnings', { name, warnings }) : t('registryEdit.saved', { name }));
          }}
        />
      )}
      {editing.dialog.kind === 'delete' && (
        <DeleteRowDialog
          title={t('registryEdit.equipment.deleteTitle')}
          question={t('registryEdit.equipment.deleteQuestion', { name: `${pieceName(editing.dialog.row)}（${editing.dialog.row.unitName}）` })}
          onClose={editing.close}
          onConfirm={async () => {
            const row = editing.dialog.kind === 'delete' ? editing.dialog.row : null;
            if (!row) return;
            await api.call('equipment.delete', { id: row.id, version: row.version });
            editing.setSelected(null);
            afterChange(t('registryEdit.deleted', { name: pieceName(row) }));
          }}
        />
      )}
    </section>
  );
}
