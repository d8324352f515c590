import { useTranslation } from 'react-i18next';
import type { RecordDetail } from '../../../../electron/api/schemas/inspections.ts';
import type { OrderDetail } from '../../../../electron/api/schemas/supervision-orders.ts';
import { api } from '../../api/client.ts';
import { PrintFrame } from '../../components/PrintFrame.tsx';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { OrderSheet } from './OrderSheet.tsx';
import { RecordSheet } from './RecordSheet.tsx';
import { loadState, useLoad } from '../../components/useLoad.ts';
import '../../styles/lists.css';
import './inspections.css';

type Doc = { record?: RecordDetail; order?: OrderDetail };

/** A visit's record (?record=<id>) or a supervision order (?order=<id>) as an A4 portrait document to print or save as PDF. */
export function InspectionPrintPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const recordId = params.get('record');
  const orderId = params.get('order');
  const doc = useLoad(
    (): Promise<Doc | null> =>
      recordId ? api.call('inspections.getRecord', { id: recordId }).then((record) => ({ record })) : orderId ? api.call('inspections.getOrder', { id: orderId }).then((order) => ({ order })) : Promise.resolve(null),
    [recordId, orderId],
  );
  // an address that names neither a record nor an order
  const state = doc.value === null && !doc.loading && !doc.error ? { kind: 'failed' as const, message: t('inspections.print.missing') } : loadState(doc);

  const back = recordId ? hrefFor('inspections', { record: recordId }) : orderId ? hrefFor('inspections', { order: orderId }) : hrefFor('inspections');
  return (
    <PrintFrame
      label={orderId ? t('inspections.print.orderTitle') : t('inspections.print.recordTitle')}
      backHref={back}
      backLabel={t('inspections.print.back')}
      printLabel={t('inspections.print.print')}
      hint={t('inspections.print.hint')}
      state={state.kind === 'ready' ? { kind: 'ready' } : state}
    >
      {() => (
        <>
          {state.kind === 'ready' && state.value.record && <RecordSheet record={state.value.record} />}
          {state.kind === 'ready' && state.value.order && <OrderSheet order={state.value.order} />}
        </>
      )}
    </PrintFrame>
  );
}
