import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../electron/api/schemas/supervision-orders.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { todayIso } from '../../format/time.ts';

interface Props {
  order: OrderDetail;
  onClose: () => void;
  onDone: (order: OrderDetail) => void;
}

/** 复查: the date, whether the unit did what the order asked, and what was seen. */
export function RecheckDialog({ order, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [recheckedOn, setRecheckedOn] = useState(todayIso());
  const [outcome, setOutcome] = useState<'passed' | 'failed'>('passed');
  const [note, setNote] = useState('');
  const form = useSubmit(['recheckedOn', 'outcome', 'note']);
  const submit = async () => {
    onDone(await api.call('inspections.recheckOrder', { id: order.id, version: order.version, recheckedOn, outcome, note }));
  };
  const err = form.of;
  return (
    <FormDialog title={`${t('inspections.order.recheckTitle')}：${order.number}`} onClose={onClose} submit={form} onSubmit={submit} size="medium" layout="grid" formLabel={t('inspections.order.recheckTitle')}>
      <Field label={t('inspections.order.recheckedOn')} required error={err('recheckedOn')}>
        {(c) => <input {...c} type="date" value={recheckedOn} onChange={(e) => setRecheckedOn(e.target.value)} data-autofocus />}
      </Field>
      <Field label={t('inspections.order.outcome')} required error={err('outcome')}>
        {(c) => (
          <select {...c} value={outcome} onChange={(e) => setOutcome(e.target.value as 'passed' | 'failed')}>
            <option value="passed">{t('inspections.order.passed')}</option>
            <option value="failed">{t('inspections.order.failed')}</option>
          </select>
        )}
      </Field>
      <Field label={t('inspections.order.recheckNote')} error={err('note')} className="field-wide">
        {(c) => <textarea {...c} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}

/** 作废: with the reason; the number stays taken. A confirmation in itself (the reason must be written). */
export function CancelOrderDialog({ order, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const form = useSubmit(['reason']);
  const submit = async () => {
    onDone(await api.call('inspections.cancelOrder', { id: order.id, version: order.version, reason }));
  };
  return (
    <FormDialog title={`${t('inspections.order.cancelTitle')}：${order.number}`} onClose={onClose} submit={form} onSubmit={submit} size="small" formLabel={t('inspections.order.cancelTitle')} submitLabel={t('inspections.order.cancel')}>
      <p className="muted">{t('inspections.order.cancelHint')}</p>
      <Field label={t('inspections.order.cancelReason')} required error={form.of('reason')}>
        {(c) => <textarea {...c} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />}
      </Field>
    </FormDialog>
  );
}
