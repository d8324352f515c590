import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { equipmentStatuses, inspectionStatuses, type EquipmentFilterState, type EquipmentStatusValue, type InspectionStatusValue } from './equipment-filter.ts';
import { kindCodes } from './kinds.ts';

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
      <label className="toolbar-field">
        <span className="toolbar-label">{t('equipment.searchLabel')}</span>
        <input type="search" className="search-input" value={search} placeholder={t('equipment.searchPlaceholder')} onChange={(e) => onSearch(e.target.value)} />
      </label>
      <div className="toolbar-field" role="group" aria-label={t('equipment.statusFilter')}>
        <span className="toolbar-label">{t('equipment.statusFilter')}</span>
        {statusValues.map((s) => (
          <label key={s} className="checkbox">
            <input type="checkbox" checked={filter.status.includes(s)} onChange={(e) => toggleStatus(s, e.target.checked)} />
            {t(`equipment.status.${s}`)}
          </label>
        ))}
      </div>
      <label className="toolbar-field">
        <span className="toolbar-label">{t('equipment.kindFilter')}</span>
        <select value={filter.kindCode} onChange={(e) => onChange({ kindCode: e.target.value })}>
          <option value="">{t('equipment.allKinds')}</option>
          {kindCodes.map((code) => (
            <option key={code} value={code}>
              {t(`catalogue.kind.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span className="toolbar-label">{t('equipment.inspectionFilter')}</span>
        <select value={filter.inspection} onChange={(e) => onChange({ inspection: e.target.value as InspectionStatusValue | '' })}>
          <option value="">{t('equipment.allInspection')}</option>
          {inspectionValues.map((s) => (
            <option key={s} value={s}>
              {t(`equipment.inspection.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {filter.unitId && (
        <span className="chip" data-testid="unit-chip">
          {t('equipment.unitChip', { name: filter.unitName || filter.unitId })}
          <button type="button" className="chip-remove" aria-label={t('equipment.unitChipClear')} title={t('equipment.unitChipClear')} onClick={() => onChange({ unitId: '', unitName: '' })}>
            ×
          </button>
        </span>
      )}
      <span className="toolbar-count" aria-live="polite" data-testid="equipment-total">
        {total === null ? '' : t(totalCapped ? 'equipment.totalCapped' : 'equipment.total', { count: total })}
      </span>
      <span className="toolbar-spacer" />
      {gridActions}
    </div>
  );
}
