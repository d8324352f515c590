import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { LocalGrid } from '../../grid/LocalGrid.tsx';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import { Badge } from '../../components/Badge.tsx';
import { formatDate, formatDateTime } from '../../format/time.ts';
import { formatSize, rowCountsText } from './bundle-format.ts';

export type ReceivedBundle = CallOutput<'bundles.received'>[number];

type Context = { t: TFunction };

/** What a bundle changed here, summed per table (inserted + updated + deleted). */
function changedRows(r: ReceivedBundle): Record<string, number> {
  return Object.fromEntries(Object.entries(r.changes).map(([table, c]) => [table, c.inserted + c.updated + c.deleted]));
}

function receiptText(t: TFunction, r: ReceivedBundle): string {
  return r.receiptAt ? t('bundles.received.receiptAt', { date: formatDate(r.receiptAt) }) : t('bundles.received.noReceipt');
}

function ReceiptCell({ data, context }: ICellRendererParams<ReceivedBundle, unknown, Context>) {
  if (!data) return null;
  return <Badge tone={data.receiptAt ? 'ok' : 'warn'}>{receiptText(context.t, data)}</Badge>;
}

function receivedColumns(t: TFunction, withReceipt: boolean): ColDef<ReceivedBundle>[] {
  return [
    { colId: 'node', field: 'nodeName', headerName: t('bundles.received.column.node'), width: 140 },
    { colId: 'sequence', field: 'sequence', headerName: t('bundles.received.column.sequence'), width: 80, type: 'rightAligned' },
    { colId: 'kind', headerName: t('bundles.received.column.kind'), width: 80, valueGetter: (p) => (p.data?.full ? t('bundles.kind.full') : t('bundles.kind.incremental')) },
    { colId: 'createdAt', field: 'createdAt', headerName: t('bundles.received.column.createdAt'), width: 150, valueFormatter: (p) => formatDateTime(p.value as string) },
    { colId: 'importedAt', field: 'importedAt', headerName: t('bundles.received.column.importedAt'), width: 150, sort: 'desc', valueFormatter: (p) => formatDateTime(p.value as string) },
    { colId: 'size', field: 'size', headerName: t('bundles.received.column.size'), width: 100, type: 'rightAligned', valueFormatter: (p) => formatSize(t, p.value as number) },
    {
      colId: 'rows',
      headerName: t('bundles.received.column.rows'),
      minWidth: 220,
      flex: 1,
      valueGetter: (p) => (p.data ? rowCountsText(t, changedRows(p.data)) : ''),
      tooltipValueGetter: (p) => (p.data ? rowCountsText(t, changedRows(p.data)) : ''),
    },
    ...(withReceipt
      ? [
          {
            colId: 'receipt',
            headerName: t('bundles.received.column.receipt'),
            width: 150,
            valueGetter: (p) => (p.data ? receiptText(t, p.data) : ''),
            cellRenderer: ReceiptCell,
          } satisfies ColDef<ReceivedBundle>,
        ]
      : []),
    { colId: 'importedBy', field: 'importedBy', headerName: t('bundles.received.column.importedBy'), width: 100 },
  ];
}

/** The bundles imported here: from which node, its sequence, when made and imported, what changed; on the bureau whether a receipt went out. */
export function ReceivedGrid({ rows, withReceipt }: { rows: ReceivedBundle[]; withReceipt: boolean }) {
  const columns = useCallback((t: TFunction) => receivedColumns(t, withReceipt), [withReceipt]);
  return <LocalGrid rows={rows} columns={columns} rowId={(r) => r.bundleId} testId="received-grid" />;
}
