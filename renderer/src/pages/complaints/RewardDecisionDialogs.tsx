import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reward } from '../../../../electron/api/schemas/complaints.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useMaxLengths } from '../../components/field-limits.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { Modal } from '../../components/Modal.tsx';
import { formatFen } from '../../format/money.ts';
import { todayIso } from '../../format/time.ts';

type Props = { reward: Reward; onClose: () => void; onSaved: (status: string) => void };

/** A dialog whose one call may be refused at several of its fields at once. */
function useSubmit(fields: string[], work: () => Promise<string>, onSaved: (status: string) => void) {
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(fields);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    errors.clear();
    try {
      onSaved(await work());
    } catch (e) {
      errors.fail(e);
      setBusy(false);
    }
  };
  return { busy, errors: errors.errors, submit, err: errors.of };
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
  const max = useMaxLengths('complaints.approveReward');
  const { busy, errors, submit, err } = useSubmit(
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
        <Field label={t('complaints.reward.approvedBy')} required error={err('approvedBy')} maxLength={max('approvedBy')} length={approvedBy.length}>
          {(c) => <input {...c} value={approvedBy} onChange={(e) => setApprovedBy(e.target.value)} data-autofocus />}
        </Field>
        <Field label={t('complaints.reward.approvedOn')} error={err('approvedOn')}>
          {(c) => <input {...c} type="date" value={approvedOn} onChange={(e) => setApprovedOn(e.target.value)} />}
        </Field>
        <Field label={t('complaints.reward.approvedAmount')} error={err('approvedYuan')} hint={limits ? t('complaints.reward.approvedAmountHint', { min: formatFen(limits.min), cap: formatFen(limits.cap) }) : undefined}>
          {(c) => <input {...c} inputMode="decimal" value={amount} placeholder={formatFen(reward.proposedFen)} onChange={(e) => setAmount(e.target.value)} />}
        </Field>
        <Field label={t('complaints.reward.reason')} error={err('reason')} maxLength={max('reason')} length={reason.length}>
          {(c) => <textarea {...c} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <FormErrorSummary errors={errors} />
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('complaints.reward.approveSave')} />
      </form>
    </Modal>
  );
}

/** 不予奖励, with the reason: the proposal cannot be restored, a new one may be made. */
export function RejectDialog({ reward, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const max = useMaxLengths('complaints.rejectReward');
  const { busy, errors, submit, err } = useSubmit(
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
        <Field label={t('complaints.reward.rejectReason')} required error={err('reason')} maxLength={max('reason')} length={reason.length}>
          {(c) => <textarea {...c} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />}
        </Field>
        <FormErrorSummary errors={errors} />
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
  const max = useMaxLengths('complaints.markRewardPaid');
  const { busy, errors, submit, err } = useSubmit(
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
        <Field label={t('complaints.reward.paidNote')} error={err('note')} maxLength={max('note')} length={note.length}>
          {(c) => <input {...c} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <FormErrorSummary errors={errors} />
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('complaints.reward.paidSave')} />
      </form>
    </Modal>
  );
}
