import { useCallback } from 'react';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { LocalGrid } from '../../grid/LocalGrid.tsx';
import { Badge } from '../../components/Badge.tsx';
import { formatDateTime } from '../../format/time.ts';
import type { CityOffice } from './city-status.ts';

type Context = { t: TFunction };

function reportingText(t: TFunction, office: CityOffice): string {
  if (office.reporting === 'never') return t('city.reporting.never');
  if (office.reporting === 'stale') return t('city.reporting.stale', { days: office.daysSinceLastBundle });
  return t('city.reporting.ok');
}

function ReportingCell({ data, context }: ICellRendererParams<CityOffice, unknown, Context>) {
  if (!data) return null;
  const { reporting } = data;
  return <Badge tone={reporting === 'ok' ? 'ok' : reporting === 'stale' ? 'warn' : 'danger'}>{reportingText(context.t, data)}</Badge>;
}

function KeyCell({ data, context }: ICellRendererParams<CityOffice, unknown, Context>) {
  if (!data) return null;
  return data.keyRevoked ? <Badge tone="danger">{context.t('city.key.revoked')}</Badge> : <Badge tone="ok">{context.t('city.key.active')}</Badge>;
}

function auditText(t: TFunction, office: CityOffice): string {
  if (office.auditBreaks > 0) return t('audit.city.broken', { count: office.auditBreaks });
  return office.auditAnchorSeq === null ? t('audit.city.none') : t('audit.city.ok');
}

/** 审计链: whole, no anchor yet (older version), or broken, with when and where on hover. */
function AuditCell({ data, context }: ICellRendererParams<CityOffice, unknown, Context>) {
  if (!data) return null;
  const last = data.lastAuditBreak;
  const title = last ? context.t('audit.city.breakDetail', { date: formatDateTime(last.at), seq: last.seq, message: last.message }) : undefined;
  return (
    <span title={title}>
      <Badge tone={data.auditBreaks > 0 ? 'danger' : data.auditAnchorSeq === null ? 'warn' : 'ok'}>{auditText(context.t, data)}</Badge>
    </span>
  );
}

function cityColumns(t: TFunction, staleDays: number): ColDef<CityOffice>[] {
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
      headerName: t('city.column.reporting', { days: staleDays }),
      width: 150,
      valueGetter: (p) => (p.data ? reportingText(t, p.data) : ''),
      cellRenderer: ReportingCell,
    },
    { colId: 'key', headerName: t('city.column.key'), width: 100, valueGetter: (p) => (p.data?.keyRevoked ? t('city.key.revoked') : t('city.key.active')), cellRenderer: KeyCell },
    { colId: 'audit', headerName: t('audit.city.column'), width: 120, valueGetter: (p) => (p.data ? auditText(t, p.data) : ''), cellRenderer: AuditCell },
  ];
}

/** One row per enrolled office: its latest bundle and the live rows it owns in the bureau's database. */
export function CityGrid({ offices, staleDays }: { offices: CityOffice[]; staleDays: number }) {
  const columns = useCallback((t: TFunction) => cityColumns(t, staleDays), [staleDays]);
  return <LocalGrid rows={offices} columns={columns} rowId={(r) => r.nodeId} testId="city-grid" />;
}
