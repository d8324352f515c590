import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../../electron/api/schemas/supervision-orders.ts';
import { Badge } from '../../components/Badge.tsx';

/** 待复查 / 已复查 / 已作废, or 逾期 when still owed past its deadline. */
export function OrderStateBadge({ order }: { order: Pick<OrderSummary, 'state' | 'overdue'> }) {
  const { t } = useTranslation();
  if (order.overdue) return <Badge tone="danger">{t('inspections.order.overdue')}</Badge>;
  return <Badge tone={order.state === 'issued' ? 'info' : order.state === 'rechecked' ? 'ok' : 'muted'}>{t(`inspections.orderState.${order.state}`)}</Badge>;
}
