import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppContext } from '../../app/app-context.ts';
import { riskLevelOrder } from '../risk/RiskBadge.tsx';
import { ToolbarCount, ToolbarSearch, ToolbarSelect } from '../../components/ToolbarFields.tsx';

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
      <ToolbarSearch label={t('units.searchLabel')} placeholder={t('units.searchPlaceholder')} value={props.search} onChange={props.onSearch} />
      <ToolbarSelect
        label={t('units.districtFilter')}
        value={props.districtId}
        onChange={props.onDistrict}
        all={t('units.allDistricts')}
        options={districts.map((d) => ({ value: d.id, label: d.name }))}
      />
      <ToolbarSelect
        label={t('risk.filter.label')}
        value={props.risk}
        onChange={props.onRisk}
        all={t('risk.filter.all')}
        options={[{ value: 'high,elevated', label: t('risk.filter.highAndElevated') }, ...riskLevelOrder.map((level) => ({ value: level, label: t(`risk.level.${level}`) }))]}
        testId="units-risk-filter"
      />
      <ToolbarCount testId="units-total" text={props.total === null ? '' : t('units.total', { count: props.total })} />
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
