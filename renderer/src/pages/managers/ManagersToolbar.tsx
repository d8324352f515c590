import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { certificateStatuses, itemCodes, type CertificateStatusValue, type ManagerFilterState } from './manager-filter.ts';
import { ToolbarCount, ToolbarSearch, ToolbarSelect } from '../../components/ToolbarFields.tsx';
import { UnitFilterChip } from '../registry/UnitFilterChip.tsx';

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
      <ToolbarSearch label={t('managers.searchLabel')} placeholder={t('managers.searchPlaceholder')} value={search} onChange={onSearch} />
      <ToolbarSelect
        label={t('managers.itemFilter')}
        value={filter.itemCode}
        onChange={(itemCode) => onChange({ itemCode })}
        all={t('managers.allItems')}
        options={itemCodes.map((code) => ({ value: code, label: t('managers.itemOption', { code, name: t(`managers.item.${code}`) }) }))}
      />
      <ToolbarSelect
        label={t('managers.certificateFilter')}
        value={filter.certificate}
        onChange={(value) => onChange({ certificate: value as CertificateStatusValue | '' })}
        all={t('managers.allCertificates')}
        options={certificateValues.map((s) => ({ value: s, label: t(`managers.certificate.${s}`) }))}
      />
      <UnitFilterChip unitId={filter.unitId} unitName={filter.unitName} onClear={() => onChange({ unitId: '', unitName: '' })} />
      <ToolbarCount testId="managers-total" text={total === null ? '' : t('managers.total', { count: total })} />
      <span className="toolbar-spacer" />
      {gridActions}
    </div>
  );
}
