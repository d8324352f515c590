import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppContext } from '../../app/app-context.ts';

interface UnitsToolbarProps {
  search: string;
  onSearch: (value: string) => void;
  districtId: string;
  onDistrict: (id: string) => void;
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
