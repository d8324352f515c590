import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RecordSummary } from '../../../../electron/api/schemas/inspections.ts';
import { api } from '../../api/client.ts';
import { Badge } from '../../components/Badge.tsx';
import { LocalGrid } from '../../grid/LocalGrid.tsx';
import { hrefFor } from '../../router/hash-router.ts';
import { StatusNotice } from '../../components/StatusNotice.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { teamNames } from './labels.ts';

const columns = (t: TFunction): ColDef<RecordSummary>[] => [
  {
    field: 'unitName',
    headerName: t('inspections.record.unit'),
    flex: 2,
    cellRenderer: (p: { data?: RecordSummary }) => (p.data ? <a href={hrefFor('inspections', { record: p.data.id })}>{p.data.unitName}</a> : null),
  },
  { field: 'inspectedOn', headerName: t('inspections.record.inspectedOn'), width: 120 },
  { field: 'planTitle', headerName: t('inspections.record.plan'), flex: 1 },
  { field: 'planType', headerName: t('inspections.plan.type'), width: 80, valueFormatter: (p) => t(`inspections.type.${p.value as RecordSummary['planType']}`) },
  {
    headerName: t('inspections.record.team'),
    flex: 1,
    cellRenderer: (p: { data?: RecordSummary }) =>
      p.data ? (
        <span className="insp-team-cell">
          {teamNames(p.data.team)}
          {p.data.warnings.map((w) => (
            <Badge key={w.code} tone="warn" title={w.message}>
              !
            </Badge>
          ))}
        </span>
      ) : null,
  },
  { field: 'problems', headerName: t('inspections.record.problems'), width: 90 },
  { field: 'hazards', headerName: t('inspections.record.hazards'), width: 80 },
  { field: 'state', headerName: t('inspections.record.state'), width: 90, valueFormatter: (p) => t(`inspections.recordState.${p.value as RecordSummary['state']}`) },
];

const readRecords = () => api.call('inspections.listRecords', {});

/** 检查记录: every visit, newest first. */
export function RecordsTab() {
  const { t } = useTranslation();
  const { value: records, error } = useLoad(readRecords);
  return (
    <section aria-label={t('inspections.tab.records')}>
      <StatusNotice status={error ? { tone: 'error', text: error } : null} />
      {records && records.length === 0 && <p className="muted">{t('inspections.record.empty')}</p>}
      {records && records.length > 0 && <LocalGrid rows={records} columns={columns} rowId={(r) => r.id} testId="inspection-records" />}
    </section>
  );
}
