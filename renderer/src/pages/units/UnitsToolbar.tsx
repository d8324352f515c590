import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppContext } from '../../app/app-context.ts';
import { riskLevelOrder } from '../risk/RiskBadge.tsx';

interface UnitsToolbarProps {
  search: string;
  onSearch: (value: string) => void;
  districtId: string;
  onDistrict: (id: string) => void;
  /** '' (all), a level, or 'high,elevated' */
  risk: string;
  onRisk: (value: string) => void;
  total: number | null;
  canChange: boolean;
  onAdd: () => void;
  onEdit: () => void;
  onDelete: () => void;
  /** 列 and 导出 Excel */
  gridActions: ReactNode;
}

/** Search, district filter, the count, the three actions of the units page, column choice and export. */
export function UnitsToolbar(props: UnitsToolbarProps) {
  const { t } = useTranslation();
  const { districts } = useAppContext();
  const selectTitle = props.canChange ? undefined : t('units.selectFirst');
  return (
    <div className="toolbar" role="toolbar" aria-label={t('units.title')}>
      <label className="toolbar-field">
        <span className="toolbar-label">{t('units.searchLabel')}</span>
        <input
          type="search"
          className="search-input"
          value={props.search}
          placeholder={t('units.searchPlaceholder')}
          onChange={(e) => props.onSearch(e.target.value)}
        />
      </label>
      <label className="toolbar-field">
        <span className="toolbar-label">{t('units.districtFilter')}</span>
        <select value={props.districtId} onChange={(e) => props.onDistrict(e.target.value)}>
          <option value="">{t('units.allDistricts')}</option>
          {districts.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span className="toolbar-label">{t('risk.filter.label')}</span>
        <select value={props.risk} onChange={(e) => props.onRisk(e.target.value)} data-testid="units-risk-filter">
          <option value="">{t('risk.filter.all')}</option>
          <option value="high,elevated">{t('risk.filter.highAndElevated')}</option>
          {riskLevelOrder.map((level) => (
            <option key={level} value={level}>
              {t(`risk.level.${level}`)}
            </option>
          ))}
        </select>
      </label>
      <span className="toolbar-count" aria-live="polite" data-testid="units-total">
        {props.total === null ? '' : t('units.total', { count: props.total })}
      </span>
      <span className="toolbar-spacer" />
      <button type="button" className="button button-primary" onClick={props.onAdd} title={t('units.addShortcut')}>
        {t('units.add')}
      </button>
      <button type="button" className="button" onClick={props.onEdit} disabled={!props.canChange} title={selectTitle}>
        {t('units.edit')}
      </button>
      <button type="button" className="button" onClick={props.onDelete} disabled={!props.canChange} title={selectTitle}>
        {t('units.delete')}
      </button>
      {props.gridActions}
    </div>
  );
}
