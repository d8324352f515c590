import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../../electron/api/schemas/supervision-orders.ts';
import { api } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { LocalGrid } from '../../grid/LocalGrid.tsx';
import { hrefFor } from '../../router/hash-router.ts';
import { StatusNotice } from '../../components/StatusNotice.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { OrderSettings } from './OrderSettings.tsx';
import { OrderStateBadge } from './OrderStateBadge.tsx';

const columns = (t: TFunction): ColDef<OrderSummary>[] => [
  {
    field: 'number',
    headerName: t('inspections.order.number'),
    width: 230,
    cellRenderer: (p: { data?: OrderSummary }) => (p.data ? <a href={hrefFor('inspections', { order: p.data.id })}>{p.data.number}</a> : null),
  },
  { field: 'unitName', headerName: t('inspections.order.unit'), flex: 2 },
  { field: 'issuedOn', headerName: t('inspections.order.issuedOn'), width: 120 },
  { field: 'deadline', headerName: t('inspections.order.deadline'), width: 120 },
  { field: 'state', headerName: t('inspections.order.state'), width: 110, cellRenderer: (p: { data?: OrderSummary }) => (p.data ? <OrderStateBadge order={p.data} /> : null) },
  { field: 'content', headerName: t('inspections.order.content'), flex: 2 },
];

const readOrders = () => api.call('inspections.listOrders', {});

/** 监察指令书: overdue first, then newest; the office's numbering and default deadline below. */
export function OrdersTab() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const { value: orders, error } = useLoad(readOrders);
  return (
    <section aria-label={t('inspections.tab.orders')} className="insp-stack">
      <StatusNotice status={error ? { tone: 'error', text: error } : null} />
      {orders && orders.length === 0 && <p className="muted">{t('inspections.order.empty')}</p>}
      {orders && orders.length > 0 && <LocalGrid rows={orders} columns={columns} rowId={(o) => o.id} testId="supervision-orders" />}
      {node.role === 'district' && <OrderSettings />}
    </section>
  );
}
