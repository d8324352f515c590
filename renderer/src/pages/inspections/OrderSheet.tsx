import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../electron/api/schemas/supervision-orders.ts';
import { dateParts } from '../../format/time.ts';
import { InspectorSignatures } from './InspectorSignatures.tsx';

/** 特种设备安全监察指令书 (A4 portrait): number, the unit, what was found and must be done by when, the authority and the unit's receipt. */
export function OrderSheet({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const issued = dateParts(order.issuedOn);
  const due = dateParts(order.deadline);
  return (
    <section className="insp-sheet insp-order" aria-labelledby="insp-order-title" data-testid="order-sheet">
      <div className="print-authority">{t('inspections.print.authority', { district: order.districtName })}</div>
      <h1 id="insp-order-title" className="insp-order-title">
        {t('inspections.print.orderTitle')}
      </h1>
      <div className="insp-order-number" data-testid="print-order-number">
        {order.number}
      </div>
      {order.state === 'cancelled' && <div className="insp-cancelled">{t('inspections.print.cancelledMark')}</div>}
      <p className="insp-order-to">{t('inspections.print.orderTo', { unit: order.unitName })}</p>
      <p className="insp-order-body">{t('inspections.print.orderBody')}</p>
      {order.content
        .split('\n')
        .filter((line) => line.trim())
        .map((line, n) => (
          <p key={n} className="insp-order-body">
            {line}
          </p>
        ))}
      {order.hazards.length > 0 && (
        <p className="insp-order-body">
          {t('inspections.print.orderHazards')}
          {order.hazards.map((h, n) => `${n + 1}. ${h.description}（${t(`inspections.level.${h.level}`)}）`).join('；')}
        </p>
      )}
      <p className="insp-order-body" data-testid="print-order-demand">
        {t('inspections.print.orderDemand', { deadline: `${due.year}年${due.month}月${due.day}日` })}
      </p>
      <div className="insp-sign" data-testid="order-signatures">
        <InspectorSignatures team={order.team} />
      </div>
      <div className="insp-order-sign">
        <div>{t('inspections.print.authority', { district: order.districtName })}</div>
        <div>{t('inspections.print.seal')}</div>
        <div>{t('inspections.print.orderIssued', issued)}</div>
      </div>
      <div className="insp-receipt">
        <span>{t('inspections.print.receipt')}</span>
        <span>{t('inspections.print.receiptDate')}</span>
      </div>
      <div className="print-footer muted insp-small">
        <span>
          {t('inspections.print.uscc')}：{order.unitUscc}
        </span>
      </div>
    </section>
  );
}
