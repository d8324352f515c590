import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reward } from '../../../../electron/api/schemas/complaints.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';
import { Modal } from '../../components/Modal.tsx';
import { formatFen } from '../../format/money.ts';
import { todayIso } from '../../format/time.ts';

type Props = { reward: Reward; onClose: () => void; onSaved: (status: string) => void };

/** A dialog whose one call may be refused next to one of its fields. */
function useSubmit(fields: string[], work: () => Promise<string>, onSaved: (status: string) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await work());
    } catch (e) {
      setError(toFormError(e, fields));
      setBusy(false);
    }
  };
  return { busy, error, submit, err: (f: string) => (error?.field === f ? error.message : undefined) };
}

function TopError({ error }: { error: FormError | null }): ReactNode {
  if (!error || error.field) return null;
  return (
    <div className="notice notice-error" role="alert">
      {error.message}
    </div>
  );
}

/** 审批: who approves and when; the proposed amount, or another within the level's minimum and the cap, with a reason. */
export function ApproveDialog({ reward, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [approvedBy, setApprovedBy] = useState('');
  const [approvedOn, setApprovedOn] = useState(todayIso());
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [limits, setLimits] = useState<{ min: number; cap: number } | null>(null);
  useEffect(() => {
    api.call('complaints.settings', {}).then(
      (s) => {
        const rules = reward.scheme === 'national' ? s.national : s.local;
        setLimits({ min: Math.min(rules.levels[reward.level - 1]!.minimumFen, rules.capFen), cap: rules.capFen });
      },
      () => setLimits(null),
    );
  }, [reward]);
  const { busy, error, submit, err } = useSubmit(
    ['approvedBy', 'approvedOn', 'approvedYuan', 'reason'],
    async () => {
      const saved = await api.call('complaints.approveReward', { id: reward.id, version: reward.version, approvedBy, approvedOn: approvedOn || null, approvedYuan: amount.trim() || null, reason });
      return t('complaints.status.approved', { amount: formatFen(saved.reward.approvedFen) });
    },
    onSaved,
  );
  return (
    <Modal title={t('complaints.reward.approveTitle')} onClose={onClose} busy={busy} size="medium">
      <form className="form-stack" onSubmit={submit} noValidate>
        <p>
          {t('complaints.reward.proposed')}：<strong>{t('complaints.reward.yuan', { amount: formatFen(reward.proposedFen) })}</strong>
        </p>
        <p className="muted">{reward.basis}</p>
        <Field label={t('complaints.reward.approvedBy')} required error={err('approvedBy')}>
          {(c) => <input {...c} value={approvedBy} maxLength={50} onChange={(e) => setApprovedBy(e.target.value)} data-autofocus />}
        </Field>
        <Field label={t('complaints.reward.approvedOn')} error={err('approvedOn')}>
          {(c) => <input {...c} type="date" value={approvedOn} onChange={(e) => setApprovedOn(e.target.value)} />}
        </Field>
        <Field label={t('complaints.reward.approvedAmount')} error={err('approvedYuan')} hint={limits ? t('complaints.reward.approvedAmountHint', { min: formatFen(limits.min), cap: formatFen(limits.cap) }) : undefined}>
          {(c) => <input {...c} inputMode="decimal" value={amount} placeholder={formatFen(reward.proposedFen)} onChange={(e) => setAmount(e.target.value)} />}
        </Field>
        <Field label={t('complaints.reward.reason')} error={err('reason')}>
          {(c) => <textarea {...c} rows={2} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <TopError error={error} />
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('complaints.reward.approveSave')} />
      </form>
    </Modal>
  );
}

/** 不予奖励, with the reason: the proposal cannot be restored, a new one may be made. */
export function RejectDialog({ reward, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { busy, error, submit, err } = useSubmit(
    ['reason'],
    async () => {
      await api.call('complaints.rejectReward', { id: reward.id, version: reward.version, reason });
      return t('complaints.status.rejected');
    },
    onSaved,
  );
  return (
    <Modal title={t('complaints.reward.rejectTitle')} onClose={onClose} busy={busy}>
      <form className="form-stack" onSubmit={submit} noValidate>
        <p className="notice notice-info">{t('complaints.reward.rejectConfirm')}</p>
        <Field label={t('complaints.reward.rejectReason')} required error={err('reason')}>
          {(c) => <textarea {...c} rows={3} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} data-autofocus />}
        </Field>
        <TopError error={error} />
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('complaints.reward.rejectSave')} />
      </form>
    </Modal>
  );
}

/** 登记发放: the day paid and a note (a transfer reference). */
export function PaidDialog({ reward, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [paidOn, setPaidOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const { busy, error, submit, err } = useSubmit(
    ['paidOn', 'note'],
    async () => {
      await api.call('complaints.markRewardPaid', { id: reward.id, version: reward.version, paidOn: paidOn || null, note });
      return t('complaints.status.paid');
    },
    onSaved,
  );
  return (
    <Modal title={t('complaints.reward.paidTitle')} onClose={onClose} busy={busy}>
      <form className="form-stack" onSubmit={submit} noValidate>
        <Field label={t('complaints.reward.paidOn')} error={err('paidOn')}>
          {(c) => <input {...c} type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} data-autofocus />}
        </Field>
        <Field label={t('complaints.reward.paidNote')} error={err('note')}>
          {(c) => <input {...c} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <TopError error={error} />
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('complaints.reward.paidSave')} />
      </form>
    </Modal>
  );
}
