import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../electron/api/schemas/supervision-orders.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';
import { Modal } from '../../components/Modal.tsx';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await api.call('inspections.recheckOrder', { id: order.id, version: order.version, recheckedOn, outcome, note }));
    } catch (e) {
      setError(toFormError(e, ['recheckedOn', 'outcome', 'note']));
      setBusy(false);
    }
  };
  const err = (f: string) => (error?.field === f ? error.message : undefined);
  return (
    <Modal title={`${t('inspections.order.recheckTitle')}：${order.number}`} onClose={onClose} busy={busy} size="medium">
      <form className="form-grid" onSubmit={submit} noValidate aria-label={t('inspections.order.recheckTitle')}>
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
        {error && !error.field && (
          <div className="notice notice-error field-wide" role="alert">
            {error.message}
          </div>
        )}
        <FormActions className="field-wide" busy={busy} onCancel={onClose} submitLabel={t('common.save')} />
      </form>
    </Modal>
  );
}

/** 作废: with the reason; the number stays taken. A confirmation in itself (the reason must be written). */
export function CancelOrderDialog({ order, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await api.call('inspections.cancelOrder', { id: order.id, version: order.version, reason }));
    } catch (e) {
      setError(toFormError(e, ['reason']));
      setBusy(false);
    }
  };
  return (
    <Modal title={`${t('inspections.order.cancelTitle')}：${order.number}`} onClose={onClose} busy={busy} size="small">
      <form className="form-stack" onSubmit={submit} noValidate aria-label={t('inspections.order.cancelTitle')}>
        <p className="muted">{t('inspections.order.cancelHint')}</p>
        <Field label={t('inspections.order.cancelReason')} required error={error?.field === 'reason' ? error.message : undefined}>
          {(c) => <textarea {...c} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />}
        </Field>
        {error && !error.field && (
          <div className="notice notice-error" role="alert">
            {error.message}
          </div>
        )}
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('inspections.order.cancel')} />
      </form>
    </Modal>
  );
}
