import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { LocalGrid } from '../../grid/LocalGrid.tsx';
import type { SentBundle } from '../../../../electron/api/schemas/bundles.ts';
import { Badge } from '../../components/Badge.tsx';
import { formatDate, formatDateTime } from '../../format/time.ts';
import { formatSize, rowCountsText } from './bundle-format.ts';

type Context = { t: TFunction };

function AckCell({ data, context }: ICellRendererParams<SentBundle, unknown, Context>) {
  if (!data) return null;
  return data.acknowledgedAt ? (
    <Badge tone="ok">{context.t('bundles.sent.acknowledged', { date: formatDate(data.acknowledgedAt) })}</Badge>
  ) : (
    <Badge tone="warn">{context.t('bundles.sent.notAcknowledged')}</Badge>
  );
}

function sentColumns(t: TFunction, withTarget: boolean): ColDef<SentBundle>[] {
  return [
    ...(withTarget ? [{ colId: 'target', field: 'targetName', headerName: t('bundles.sent.column.target'), width: 140 } satisfies ColDef<SentBundle>] : []),
    { colId: 'sequence', field: 'sequence', headerName: t('bundles.sent.column.sequence'), width: 80, type: 'rightAligned', sort: 'desc' },
    { colId: 'createdAt', field: 'createdAt', headerName: t('bundles.sent.column.createdAt'), width: 150, valueFormatter: (p) => formatDateTime(p.value as string) },
    { colId: 'kind', headerName: t('bundles.sent.column.kind'), width: 80, valueGetter: (p) => (p.data?.full ? t('bundles.kind.full') : t('bundles.kind.incremental')) },
    { colId: 'size', field: 'size', headerName: t('bundles.sent.column.size'), width: 100, type: 'rightAligned', valueFormatter: (p) => formatSize(t, p.value as number) },
    {
      colId: 'rows',
      headerName: t('bundles.sent.column.rows'),
      minWidth: 240,
      flex: 1,
      valueGetter: (p) => (p.data ? rowCountsText(t, p.data.rowCounts) : ''),
      tooltipValueGetter: (p) => (p.data ? rowCountsText(t, p.data.rowCounts) : ''),
    },
    {
      colId: 'ack',
      headerName: t('bundles.sent.column.ack'),
      width: 150,
      valueGetter: (p) => (p.data?.acknowledgedAt ? t('bundles.sent.acknowledged', { date: formatDate(p.data.acknowledgedAt) }) : t('bundles.sent.notAcknowledged')),
      cellRenderer: AckCell,
    },
    { colId: 'fileName', field: 'fileName', headerName: t('bundles.sent.column.fileName'), width: 240, tooltipField: 'fileName', cellClass: 'mono' },
  ];
}

/** The bundles this node made: sequence, time, kind, size, rows, and whether the receiver's receipt confirmed it. */
export function SentGrid({ rows, withTarget }: { rows: SentBundle[]; withTarget: boolean }) {
  const columns = useCallback((t: TFunction) => sentColumns(t, withTarget), [withTarget]);
  return <LocalGrid rows={rows} columns={columns} rowId={(r) => r.bundleId} testId="sent-grid" />;
}
