import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reward } from '../../../../electron/api/schemas/complaints.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useMaxLengths } from '../../components/field-limits.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { formatFen } from '../../format/money.ts';
import { todayIso } from '../../format/time.ts';

type Props = { reward: Reward; onClose: () => void; onSaved: (status: string) => void };

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
  const submit = useSubmit(['approvedBy', 'approvedOn', 'approvedYuan', 'reason']);
  const err = submit.of;
  const approve = async () => {
    const saved = await api.call('complaints.approveReward', { id: reward.id, version: reward.version, approvedBy, approvedOn: approvedOn || null, approvedYuan: amount.trim() || null, reason });
    onSaved(t('complaints.status.approved', { amount: formatFen(saved.reward.approvedFen) }));
  };
  return (
    <FormDialog title={t('complaints.reward.approveTitle')} onClose={onClose} submit={submit} onSubmit={approve} size="medium" submitLabel={t('complaints.reward.approveSave')}>
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
    </FormDialog>
  );
}

/** 不予奖励, with the reason: the proposal cannot be restored, a new one may be made. */
export function RejectDialog({ reward, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const max = useMaxLengths('complaints.rejectReward');
  const submit = useSubmit(['reason']);
  const err = submit.of;
  const reject = async () => {
    await api.call('complaints.rejectReward', { id: reward.id, version: reward.version, reason });
    onSaved(t('complaints.status.rejected'));
  };
  return (
    <FormDialog title={t('complaints.reward.rejectTitle')} onClose={onClose} submit={submit} onSubmit={reject} submitLabel={t('complaints.reward.rejectSave')}>
      <p className="notice notice-info">{t('complaints.reward.rejectConfirm')}</p>
      <Field label={t('complaints.reward.rejectReason')} required error={err('reason')} maxLength={max('reason')} length={reason.length}>
        {(c) => <textarea {...c} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />}
      </Field>
    </FormDialog>
  );
}

/** 登记发放: the day paid and a note (a transfer reference). */
export function PaidDialog({ reward, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [paidOn, setPaidOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const max = useMaxLengths('complaints.markRewardPaid');
  const submit = useSubmit(['paidOn', 'note']);
  const err = submit.of;
  const markPaid = async () => {
    await api.call('complaints.markRewardPaid', { id: reward.id, version: reward.version, paidOn: paidOn || null, note });
    onSaved(t('complaints.status.paid'));
  };
  return (
    <FormDialog title={t('complaints.reward.paidTitle')} onClose={onClose} submit={submit} onSubmit={markPaid} submitLabel={t('complaints.reward.paidSave')}>
      <Field label={t('complaints.reward.paidOn')} error={err('paidOn')}>
        {(c) => <input {...c} type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} data-autofocus />}
      </Field>
      <Field label={t('complaints.reward.paidNote')} error={err('note')} maxLength={max('note')} length={note.length}>
        {(c) => <input {...c} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
