import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { equipmentStatuses, inspectionStatuses, type EquipmentFilterState, type EquipmentStatusValue, type InspectionStatusValue } from './equipment-filter.ts';
import { kindCodes } from './kinds.ts';
import { ToolbarCount, ToolbarSearch, ToolbarSelect } from '../../components/ToolbarFields.tsx';
import { UnitFilterChip } from '../registry/UnitFilterChip.tsx';

interface EquipmentToolbarProps {
  filter: EquipmentFilterState;
  /** the search box as typed (the filter gets it debounced) */
  search: string;
  onSearch: (value: string) => void;
  onChange: (change: Partial<EquipmentFilterState>) => void;
  total: number | null;
  /** total is a lower bound: the count stopped at the cap */
  totalCapped?: boolean;
  gridActions: ReactNode;
}

const statusValues = Object.keys(equipmentStatuses) as EquipmentStatusValue[];
const inspectionValues = Object.keys(inspectionStatuses) as InspectionStatusValue[];

/** Search, status (several), kind, inspection status, the unit a link chose, the count, 列 and 导出. */
export function EquipmentToolbar({ filter, search, onSearch, onChange, total, totalCapped, gridActions }: EquipmentToolbarProps) {
  const { t } = useTranslation();
  const toggleStatus = (status: EquipmentStatusValue, on: boolean) =>
    onChange({ status: on ? [...filter.status, status] : filter.status.filter((s) => s !== status) });
  return (
    <div className="toolbar" role="toolbar" aria-label={t('equipment.title')}>
      <ToolbarSearch label={t('equipment.searchLabel')} placeholder={t('equipment.searchPlaceholder')} value={search} onChange={onSearch} />
      <div className="toolbar-field" role="group" aria-label={t('equipment.statusFilter')}>
        <span className="toolbar-label">{t('equipment.statusFilter')}</span>
        {statusValues.map((s) => (
          <label key={s} className="checkbox">
            <input type="checkbox" checked={filter.status.includes(s)} onChange={(e) => toggleStatus(s, e.target.checked)} />
            {t(`equipment.status.${s}`)}
          </label>
        ))}
      </div>
      <ToolbarSelect
        label={t('equipment.kindFilter')}
        value={filter.kindCode}
        onChange={(kindCode) => onChange({ kindCode })}
        all={t('equipment.allKinds')}
        options={kindCodes.map((code) => ({ value: code, label: t(`catalogue.kind.${code}`) }))}
      />
      <ToolbarSelect
        label={t('equipment.inspectionFilter')}
        value={filter.inspection}
        onChange={(value) => onChange({ inspection: value as InspectionStatusValue | '' })}
        all={t('equipment.allInspection')}
        options={inspectionValues.map((s) => ({ value: s, label: t(`equipment.inspection.${s}`) }))}
      />
      <UnitFilterChip unitId={filter.unitId} unitName={filter.unitName} onClear={() => onChange({ unitId: '', unitName: '' })} />
      <ToolbarCount testId="equipment-total" text={total === null ? '' : t(totalCapped ? 'equipment.totalCapped' : 'equipment.total', { count: total })} />
      <span className="toolbar-spacer" />
      {gridActions}
    </div>
  );
}
