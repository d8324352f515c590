import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { certificateStatuses, itemCodes, type CertificateStatusValue, type ManagerFilterState } from './manager-filter.ts';

interface ManagersToolbarProps {
  filter: ManagerFilterState;
  search: string;
  onSearch: (value: string) => void;
  onChange: (change: Partial<ManagerFilterState>) => void;
  total: number | null;
  gridActions: ReactNode;
}

const certificateValues = Object.keys(certificateStatuses) as CertificateStatusValue[];

/** Search (names also by pinyin initials), 作业项目, certificate status, the count, 列 and 导出. */
export function ManagersToolbar({ filter, search, onSearch, onChange, total, gridActions }: ManagersToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="toolbar" role="toolbar" aria-label={t('managers.title')}>
      <label className="toolbar-field">
        <span className="toolbar-label">{t('managers.searchLabel')}</span>
        <input type="search" className="search-input" value={search} placeholder={t('managers.searchPlaceholder')} onChange={(e) => onSearch(e.target.value)} />
      </label>
      <label className="toolbar-field">
        <span className="toolbar-label">{t('managers.itemFilter')}</span>
        <select value={filter.itemCode} onChange={(e) => onChange({ itemCode: e.target.value })}>
          <option value="">{t('managers.allItems')}</option>
          {itemCodes.map((code) => (
            <option key={code} value={code}>
              {t('managers.itemOption', { code, name: t(`managers.item.${code}`) })}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span className="toolbar-label">{t('managers.certificateFilter')}</span>
        <select value={filter.certificate} onChange={(e) => onChange({ certificate: e.target.value as CertificateStatusValue | '' })}>
          <option value="">{t('managers.allCertificates')}</option>
          {certificateValues.map((s) => (
            <option key={s} value={s}>
              {t(`managers.certificate.${s}`)}
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
      <span className="toolbar-count" aria-live="polite" data-testid="managers-total">
        {total === null ? '' : t('managers.total', { count: total })}
      </span>
      <span className="toolbar-spacer" />
      {gridActions}
    </div>
  );
}
