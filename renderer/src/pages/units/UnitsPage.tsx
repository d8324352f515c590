import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../electron/api/schemas/unit.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';
import { useColumnChoice } from '../../grid/column-choice.ts';
import { exportGrid } from '../../grid/grid-export.ts';
import { GridActions } from '../../grid/GridActions.tsx';
import { unitColumns } from './unit-columns.tsx';
import { unitQueryFilter } from './unit-datasource.ts';
import { DeleteUnitDialog } from './DeleteUnitDialog.tsx';
import { UnitDialog } from './UnitDialog.tsx';
import { UnitsGrid, type UnitsGridHandle } from './UnitsGrid.tsx';
import { UnitsToolbar } from './UnitsToolbar.tsx';
import { RiskDetailDialog } from '../risk/RiskDetailDialog.tsx';
import { useRouteParams } from '../../router/hash-router.ts';
import type { RiskLevel } from '../../../../electron/api/schemas/risk.ts';

const knownLevels: readonly string[] = ['high', 'elevated', 'general', 'low'];
/** 'high,elevated' → ['high', 'elevated']; anything else is dropped. */
function riskLevelsOf(value: string): RiskLevel[] {
  return value.split(',').filter((v): v is RiskLevel => knownLevels.includes(v));
}

type DialogState = { kind: 'none' } | { kind: 'edit'; unit: Unit | null } | { kind: 'delete'; unit: Unit };

const SEARCH_DELAY_MS = 300;

/** 使用单位: the ledger of units of this node's district, paged from SQLite. */
export function UnitsPage() {
  const { t } = useTranslation();
  const gridRef = useRef<UnitsGridHandle>(null);
  const [search, setSearch] = useState('');
  const params = useRouteParams();
  const [districtId, setDistrictId] = useState(params.get('districtId') ?? '');
  // #/units?risk=high,elevated opens the grid at those levels (from the overview and the risk page)
  const [risk, setRisk] = useState(params.get('risk') ?? '');
  const debouncedSearch = useDebouncedValue(search, SEARCH_DELAY_MS);
  const filter = useMemo(() => ({ search: debouncedSearch, districtId, riskLevels: riskLevelsOf(risk) }), [debouncedSearch, districtId, risk]);
  const [riskOf, setRiskOf] = useState<Unit | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [selected, setSelected] = useState<Unit | null>(null);
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' });
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const columnChoice = useColumnChoice('units');
  const columns = useMemo(() => unitColumns(t).map((c) => ({ colId: c.colId ?? '', header: c.headerName ?? '' })), [t]);

  const exportShown = async () => {
    const grid = gridRef.current;
    if (!grid) return;
    try {
      const fileName = await exportGrid({ grid: 'units', filter: unitQueryFilter(filter, grid.sortModel()), columns: grid.shownColumns() });
      setStatus({ tone: 'ok', text: t('grid.exported', { fileName }) });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  };

  const openAdd = useCallback(() => setDialog({ kind: 'edit', unit: null }), []);

  // Edit and delete start from the row as it is now (its version and child counts), not as it was when the page loaded.
  const openFresh = useCallback(async (unit: Unit, kind: 'edit' | 'delete') => {
    try {
      const fresh = await api.call('units.get', { id: unit.id });
      setDialog({ kind, unit: fresh });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
      gridRef.current?.refresh();
    }
  }, []);
  const openEdit = useCallback((unit: Unit) => void openFresh(unit, 'edit'), [openFresh]);
  const openDelete = useCallback((unit: Unit) => void openFresh(unit, 'delete'), [openFresh]);

  // Ctrl+N adds a unit, as in every desk application; not while a dialog is open.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'n' && dialog.kind === 'none') {
        event.preventDefault();
        openAdd();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dialog.kind, openAdd]);

  const closeDialog = useCallback(() => setDialog({ kind: 'none' }), []);

  return (
    <section className="page page-fill" aria-labelledby="units-title">
      <div className="page-header">
        <h1 id="units-title" className="page-title">
          {t('units.title')}
        </h1>
        {status && (
          <div className={`status status-${status.tone}`} role={status.tone === 'error' ? 'alert' : 'status'} data-testid="units-status">
            {status.text}
          </div>
        )}
      </div>
      <UnitsToolbar
        search={search}
        onSearch={setSearch}
        districtId={districtId}
        onDistrict={setDistrictId}
        risk={risk}
        onRisk={setRisk}
        total={total}
        canChange={selected !== null}
        onAdd={openAdd}
        onEdit={() => selected && openEdit(selected)}
        onDelete={() => selected && openDelete(selected)}
        gridActions={<GridActions columns={columns} choice={columnChoice} onExport={exportShown} exportDisabled={total === 0} />}
      />
      <div className="grid-area">
        <UnitsGrid
          ref={gridRef}
          filter={filter}
          hidden={columnChoice.hidden}
          onSelect={setSelected}
          onOpen={openEdit}
          onDelete={openDelete}
          onTotal={setTotal}
          onError={(text) => setStatus({ tone: 'error', text })}
          onRisk={setRiskOf}
        />
        {total === 0 && (
          <div className="grid-empty" data-testid="units-empty">
            {filter.search || filter.districtId || risk ? t('units.empty') : t('units.emptyAll')}
          </div>
        )}
      </div>
      {riskOf && <RiskDetailDialog unitId={riskOf.id} unitName={riskOf.name} onClose={() => setRiskOf(null)} />}
      {dialog.kind === 'edit' && (
        <UnitDialog
          unit={dialog.unit}
          onClose={closeDialog}
          onSaved={(unit, created) => {
            closeDialog();
            setStatus({ tone: 'ok', text: t(created ? 'units.created' : 'units.updated', { name: unit.name }) });
            gridRef.current?.refresh();
          }}
        />
      )}
      {dialog.kind === 'delete' && (
        <DeleteUnitDialog
          unit={dialog.unit}
          onClose={closeDialog}
          onDeleted={(result) => {
            closeDialog();
            setSelected(null);
            setStatus({
              tone: 'ok',
              text: t('units.deleted', { name: dialog.unit.name, equipment: result.equipmentDeleted, managers: result.managersDeleted }),
            });
            gridRef.current?.refresh();
          }}
        />
      )}
    </section>
  );
}
