import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDetail } from '../../../../electron/api/schemas/inspections.ts';
import type { OrderDetail } from '../../../../electron/api/schemas/supervision-orders.ts';
import { api, errorMessage } from '../../api/client.ts';
import { PrintFrame } from '../../components/PrintFrame.tsx';
import { hrefFor, useRouteParams } from '../../router/hash-router.ts';
import { OrderSheet } from './OrderSheet.tsx';
import { RecordSheet } from './RecordSheet.tsx';
import '../../styles/lists.css';
import './inspections.css';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; record?: RecordDetail; order?: OrderDetail };

/** A visit's record (?record=<id>) or a supervision order (?order=<id>) as an A4 portrait document to print or save as PDF. */
export function InspectionPrintPage() {
  const { t } = useTranslation();
  const params = useRouteParams();
  const recordId = params.get('record');
  const orderId = params.get('order');
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    const read: Promise<State> = recordId
      ? api.call('inspections.getRecord', { id: recordId }).then((record) => ({ kind: 'ready', record }))
      : orderId
        ? api.call('inspections.getOrder', { id: orderId }).then((order) => ({ kind: 'ready', order }))
        : Promise.resolve({ kind: 'failed', message: t('inspections.print.missing') });
    read.then(
      (next) => live && setState(next),
      (error: unknown) => live && setState({ kind: 'failed', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [recordId, orderId, t]);

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
          {state.kind === 'ready' && state.record && <RecordSheet record={state.record} />}
          {state.kind === 'ready' && state.order && <OrderSheet order={state.order} />}
        </>
      )}
    </PrintFrame>
  );
}
