import { useTranslation } from 'react-i18next';

/** The unit a link from the units grid chose, shown as a chip that clears the filter. */
export function UnitFilterChip({ unitId, unitName, onClear }: { unitId: string; unitName: string; onClear: () => void }) {
  const { t } = useTranslation();
  if (!unitId) return null;
  return (
    <span className="chip" data-testid="unit-chip">
      {t('equipment.unitChip', { name: unitName || unitId })}
      <button type="button" className="chip-remove" aria-label={t('equipment.unitChipClear')} title={t('equipment.unitChipClear')} onClick={onClear}>
        ×
      </button>
    </span>
  );
}
