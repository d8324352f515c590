import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.tsx';
import { gridLocale, gridTheme } from '../../grid/setup.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../bundles/bundle-format.ts';
import { daysSince, reportingOf, STALE_DAYS, type CityOffice } from './city-status.ts';

type Context = { t: TFunction };

function reportingText(t: TFunction, office: CityOffice): string {
  const reporting = reportingOf(office);
  if (reporting === 'never') return t('city.reporting.never');
  if (reporting === 'stale') return t('city.reporting.stale', { days: daysSince(office.lastCreatedAt) });
  return t('city.reporting.ok');
}

function ReportingCell({ data, context }: ICellRendererParams<CityOffice, unknown, Context>) {
  if (!data) return null;
  const reporting = reportingOf(data);
  return <Badge tone={reporting === 'ok' ? 'ok' : reporting === 'stale' ? 'warn' : 'danger'}>{reportingText(context.t, data)}</Badge>;
}

function KeyCell({ data, context }: ICellRendererParams<CityOffice, unknown, Context>) {
  if (!data) return null;
  return data.keyRevoked ? <Badge tone="danger">{context.t('city.key.revoked')}</Badge> : <Badge tone="ok">{context.t('city.key.active')}</Badge>;
}

function cityColumns(t: TFunction): ColDef<CityOffice>[] {
  const count = (colId: 'units' | 'equipment' | 'managers'): ColDef<CityOffice> => ({
    colId,
    field: colId,
    headerName: t(`city.column.${colId}`),
    width: 110,
    type: 'rightAligned',
    valueFormatter: (p) => (p.value as number).toLocaleString('zh-CN'),
  });
  return [
    { colId: 'node', field: 'nodeName', headerName: t('city.column.node'), minWidth: 150, flex: 1 },
    { colId: 'role', headerName: t('city.column.role'), width: 100, valueGetter: (p) => (p.data ? t(`app.role.${p.data.role as 'district' | 'training' | 'bureau'}`) : '') },
    { colId: 'lastSequence', field: 'lastSequence', headerName: t('city.column.lastSequence'), width: 130, type: 'rightAligned' },
    { colId: 'lastCreatedAt', field: 'lastCreatedAt', headerName: t('city.column.lastCreatedAt'), width: 150, valueFormatter: (p) => formatDateTime(p.value as string | null) },
    { colId: 'lastImportedAt', field: 'lastImportedAt', headerName: t('city.column.lastImportedAt'), width: 150, valueFormatter: (p) => formatDateTime(p.value as string | null) },
    count('units'),
    count('equipment'),
    count('managers'),
    {
      colId: 'reporting',
      headerName: t('city.column.reporting', { days: STALE_DAYS }),
      width: 150,
      valueGetter: (p) => (p.data ? reportingText(t, p.data) : ''),
      cellRenderer: ReportingCell,
    },
    { colId: 'key', headerName: t('city.column.key'), width: 100, valueGetter: (p) => (p.data?.keyRevoked ? t('city.key.revoked') : t('city.key.active')), cellRenderer: KeyCell },
  ];
}

/** One row per enrolled office: its latest bundle and the live rows it owns in the bureau's database. */
export function CityGrid({ offices }: { offices: CityOffice[] }) {
  const { t, i18n } = useTranslation();
  const columnDefs = useMemo(() => cityColumns(t), [t]);
  const context = useMemo(() => ({ t }), [t]);
  return (
    <div className="grid-host grid-small" data-testid="city-grid">
      <AgGridReact<CityOffice>
        key={i18n.language}
        theme={gridTheme}
        localeText={gridLocale(currentLanguage())}
        context={context}
        columnDefs={columnDefs}
        defaultColDef={{ resizable: true, sortable: true }}
        rowData={offices}
        getRowId={(p) => p.data.nodeId}
      />
    </div>
  );
}
