import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRID_TOTAL_CAP } from '../../../../electron/shared/grid-total-cap.ts';
import type { Equipment } from '../../../../electron/api/schemas/registry.ts';
import { api } from '../../api/client.ts';
import { useLoad } from '../../components/useLoad.ts';
import { useRouteParams } from '../../router/hash-router.ts';
import { RegistryGridPage, type RegistryGridConfig } from '../registry/RegistryGridPage.tsx';
import { equipmentColumns } from './equipment-columns.tsx';
import { equipmentQueryFilter, filterFromParams, hasNarrowing, type EquipmentFilterState } from './equipment-filter.ts';
import { EquipmentToolbar } from './EquipmentToolbar.tsx';
import { EquipmentDialog } from './EquipmentDialog.tsx';

const pieceName = (p: Equipment) => p.equipmentCode ?? p.registrationCode ?? p.registrationNo ?? p.internalNo ?? '';

/**
 * What needs attention among the pieces the other filters select: 超期 and 临期 counts
 * (of pieces in use unless the user chose statuses: a scrapped boiler is not overdue for anything).
 */
function EquipmentAttention({ filter, onChange }: { filter: EquipmentFilterState; onChange: (part: Partial<EquipmentFilterState>) => void }) {
  const { t } = useTranslation();
  const attentionStatus = filter.status.length > 0 ? filter.status : (['in_use'] as const);
  const attentionKey = JSON.stringify(equipmentQueryFilter({ ...filter, status: [...attentionStatus], inspection: '' }));
  const { value: attention } = useLoad(() => {
    const base = JSON.parse(attentionKey) as ReturnType<typeof equipmentQueryFilter>;
    const count = (inspection: 'overdue' | 'due') => api.call('equipment.query', { ...base, inspection, startRow: 0, endRow: 1 }).then((p) => p.total);
    return Promise.all([count('overdue'), count('due')]).then(
      ([overdue, due]) => ({ overdue, due }),
      () => null,
    );
  }, [attentionKey]);
  if (!attention || (attention.overdue === 0 && attention.due === 0)) return null;
  return (
    <div className="attention" data-testid="equipment-attention">
      <span className="attention-label">{t('common.attention')}</span>
      <button type="button" className="attention-item attention-danger" onClick={() => onChange({ inspection: 'overdue', status: [...attentionStatus] })} disabled={attention.overdue === 0}>
        {t('equipment.attentionOverdue', { count: attention.overdue })}
      </button>
      <button type="button" className="attention-item attention-warn" onClick={() => onChange({ inspection: 'due', status: [...attentionStatus] })} disabled={attention.due === 0}>
        {t('equipment.attentionDue', { count: attention.due })}
      </button>
    </div>
  );
}

/** 特种设备: every piece of the district, paged, sorted and filtered in SQLite. */
export function EquipmentPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const [initialFilter] = useState(() => filterFromParams(params));
  const config = useMemo<RegistryGridConfig<EquipmentFilterState, Equipment>>(
    () => ({
      grid: 'equipment',
      title: t('equipment.title'),
      columns: equipmentColumns(t),
      initialFilter,
      // the count stops past GRID_TOTAL_CAP (the toolbar then says 超过 … 台); the export takes every match
      query: (f, range, sortModel) => api.call('equipment.query', { ...range, ...equipmentQueryFilter(f, sortModel), totalCap: GRID_TOTAL_CAP }),
      exportInput: (f, sortModel, columns) => ({ grid: 'equipment', filter: equipmentQueryFilter(f, sortModel), columns }),
      get: (id) => api.call('equipment.get', { id }),
      narrowed: hasNarrowing,
      emptyNarrowed: t('equipment.empty'),
      emptyAll: t('equipment.emptyAll'),
      Toolbar: EquipmentToolbar,
      Attention: EquipmentAttention,
      editDialog: ({ row, filter, onClose, done }) => (
        <EquipmentDialog
          piece={row}
          unitId={filter.unitId}
          unitName={filter.unitName}
          onClose={onClose}
          onSaved={(saved) => {
            const name = pieceName(saved.equipment);
            const warnings = saved.warnings.map((w) => w.message).join('；');
            done(warnings ? t('registryEdit.savedWithWarnings', { name, warnings }) : t('registryEdit.saved', { name }));
          }}
        />
      ),
      remove: {
        title: t('registryEdit.equipment.deleteTitle'),
        question: (row) => t('registryEdit.equipment.deleteQuestion', { name: `${pieceName(row)}（${row.unitName}）` }),
        call: (row) => api.call('equipment.delete', { id: row.id, version: row.version }),
        done: (row) => t('registryEdit.deleted', { name: pieceName(row) }),
      },
    }),
    [t, initialFilter],
  );
  return <RegistryGridPage config={config} />;
}
