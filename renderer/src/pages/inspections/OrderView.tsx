import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../electron/api/schemas/supervision-orders.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Badge } from '../../components/Badge.tsx';
import { hrefFor } from '../../router/hash-router.ts';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';
import { OrderStateBadge } from './OrderStateBadge.tsx';
import { CancelOrderDialog, RecheckDialog } from './RecheckDialog.tsx';

/** One supervision order: number, unit, content, deadline, the hazards it covers, its re-check. */
export function OrderView({ id }: { id: string }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [dialog, setDialog] = useState<'recheck' | 'cancel' | null>(null);

  const load = useCallback(async () => {
    try {
      setOrder(await api.call('inspections.getOrder', { id }));
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  const done = (next: OrderDetail, text: string) => {
    setDialog(null);
    setOrder(next);
    setStatus({ tone: 'ok', text });
  };

  return (
    <div className="page" data-testid="supervision-order">
      <div className="page-header">
        <a href={order?.recordId ? hrefFor('inspections', { record: order.recordId }) : hrefFor('inspections', { tab: 'orders' })}>
          {order?.recordId ? t('inspections.order.record') : t('inspections.back')}
        </a>
        <h1 className="page-title" data-testid="order-number">
          {order?.number ?? t('app.loading')}
        </h1>
        {order && <OrderStateBadge order={order} />}
      </div>
      <StatusNotice status={status} />
      {order && (
        <section className="panel">
          <dl className="insp-facts">
            <dt>{t('inspections.order.unit')}</dt>
            <dd>{order.unitName}</dd>
            <dt>{t('inspections.order.issuedOn')}</dt>
            <dd>{order.issuedOn}</dd>
            <dt>{t('inspections.order.deadline')}</dt>
            <dd data-testid="order-deadline">{order.deadline}</dd>
            {order.recheckedOn && (
              <>
                <dt>{t('inspections.order.recheckedOn')}</dt>
                <dd>{order.recheckedOn}</dd>
              </>
            )}
            {(order.recheckOutcome || order.recheckNote) && (
              <>
                <dt>{t('inspections.order.recheck_result')}</dt>
                <dd>{[order.recheckOutcome ? t(`inspections.order.${order.recheckOutcome}`) : '', order.recheckNote ?? ''].filter(Boolean).join('：')}</dd>
              </>
            )}
          </dl>
          <p className="insp-pre">{order.content}</p>
          {order.hazards.length > 0 && (
            <ul>
              {order.hazards.map((h) => (
                <li key={h.id}>
                  <Badge tone={h.level === 'major' ? 'danger' : 'warn'}>{t(`inspections.level.${h.level}`)}</Badge> {h.description}
                </li>
              ))}
            </ul>
          )}
          {order.warnings.map((w) => (
            <div key={w} className="notice insp-warn">
              {w}
            </div>
          ))}
          <div className="insp-toolbar" role="toolbar" aria-label={t('inspections.order.view')}>
            {order.actions.includes('recheck') && (
              <button type="button" className="button button-primary" onClick={() => setDialog('recheck')}>
                {t('inspections.order.recheck')}
              </button>
            )}
            {order.actions.includes('cancel') && (
              <button type="button" className="button" onClick={() => setDialog('cancel')}>
                {t('inspections.order.cancel')}
              </button>
            )}
            <a className="button button-link" href={hrefFor('inspection-print', { order: order.id })}>
              {t('inspections.order.print')}
            </a>
          </div>
        </section>
      )}
      {dialog === 'recheck' && order && (
        <RecheckDialog order={order} onClose={() => setDialog(null)} onDone={(next) => done(next, t('inspections.order.rechecked', { outcome: t(`inspections.order.${next.recheckOutcome ?? 'passed'}`) }))} />
      )}
      {dialog === 'cancel' && order && <CancelOrderDialog order={order} onClose={() => setDialog(null)} onDone={(next) => done(next, t('inspections.order.cancelled'))} />}
    </div>
  );
}
