import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../electron/api/schemas/unit.ts';
import type { RiskLevel } from '../../../../electron/api/schemas/risk.ts';
import { api } from '../../api/client.ts';
import { useRouteParams } from '../../router/hash-router.ts';
import { RegistryGridPage, type RegistryGridConfig, type RegistryToolbarProps } from '../registry/RegistryGridPage.tsx';
import { RiskDetailDialog } from '../risk/RiskDetailDialog.tsx';
import { unitColumns } from './unit-columns.tsx';
import { unitQueryFilter } from './unit-filter.ts';
import { DeleteUnitDialog } from './DeleteUnitDialog.tsx';
import { UnitDialog } from './UnitDialog.tsx';
import { UnitsToolbar } from './UnitsToolbar.tsx';

const knownLevels: readonly string[] = ['high', 'elevated', 'general', 'low'];
/** 'high,elevated' → ['high', 'elevated']; anything else is dropped. */
function riskLevelsOf(value: string): RiskLevel[] {
  return value.split(',').filter((v): v is RiskLevel => knownLevels.includes(v));
}

/** The units page's filter as chosen: the risk select's value is kept as written ('' all, a level, or 'high,elevated'). */
interface UnitFilterState {
  search: string;
  districtId: string;
  risk: string;
}

const queryFilter = (f: UnitFilterState, sortModel: Parameters<typeof unitQueryFilter>[1]) => unitQueryFilter({ search: f.search, districtId: f.districtId, riskLevels: riskLevelsOf(f.risk) }, sortModel);

function Toolbar({ filter, search, onSearch, onChange, total, gridActions, rows }: RegistryToolbarProps<UnitFilterState>) {
  return (
    <UnitsToolbar
      search={search}
      onSearch={onSearch}
      districtId={filter.districtId}
      onDistrict={(districtId) => onChange({ districtId })}
      risk={filter.risk}
      onRisk={(risk) => onChange({ risk })}
      total={total}
      canChange={rows.selected}
      onAdd={rows.onAdd}
      onEdit={rows.onEdit}
      onDelete={rows.onDelete}
      gridActions={gridActions}
    />
  );
}

/** 使用单位: the ledger of units of this node's district, paged from SQLite. */
export function UnitsPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  // #/units?risk=high,elevated opens the grid at those levels (from the overview and the risk page)
  const [initialFilter] = useState<UnitFilterState>(() => ({ search: '', districtId: params.get('districtId') ?? '', risk: params.get('risk') ?? '' }));
  const [riskOf, setRiskOf] = useState<Unit | null>(null);
  const config = useMemo<RegistryGridConfig<UnitFilterState, Unit>>(
    () => ({
      grid: 'units',
      title: t('units.title'),
      columns: unitColumns(t),
      // the risk cell was clicked: show the unit's breakdown
      context: { onRisk: setRiskOf },
      initialFilter,
      query: (f, range, sortModel) => api.call('units.query', { ...range, ...queryFilter(f, sortModel) }),
      exportInput: (f, sortModel, columns) => ({ grid: 'units', filter: queryFilter(f, sortModel), columns }),
      get: (id) => api.call('units.get', { id }),
      narrowed: (f) => Boolean(f.search || f.districtId || f.risk),
      emptyNarrowed: t('units.empty'),
      emptyAll: t('units.emptyAll'),
      importLink: false,
      actionsInToolbar: true,
      refreshOnOpenError: true,
      Toolbar,
      editDialog: ({ row, onClose, done }) => <UnitDialog unit={row} onClose={onClose} onSaved={(unit, created) => done(t(created ? 'units.created' : 'units.updated', { name: unit.name }))} />,
      remove: {
        dialog: ({ row, onClose, done }) => (
          <DeleteUnitDialog unit={row} onClose={onClose} onDeleted={(result) => done(t('units.deleted', { name: row.name, equipment: result.equipmentDeleted, managers: result.managersDeleted }))} />
        ),
      },
    }),
    [t, initialFilter],
  );
  return (
    <>
      <RegistryGridPage config={config} />
      {riskOf && <RiskDetailDialog unitId={riskOf.id} unitName={riskOf.name} onClose={() => setRiskOf(null)} />}
    </>
  );
}
