import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamResult } from '../../../../electron/api/schemas/training.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';
import { Modal } from '../../components/Modal.tsx';

/** Dialogs of an exam: unlock with a reason, correct a key (regrade), enter a subjective score. */


function useSubmit(fields: string[], run: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (e) {
      setError(toFormError(e, fields));
      setBusy(false);
    }
  };
  const top = error && !error.field ? (
    <div className="notice notice-error" role="alert">
      {error.message}
    </div>
  ) : null;
  return { busy, error, submit, top };
}

export function UnlockDialog({ examId, onClose, onDone }: { examId: string; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { busy, error, submit, top } = useSubmit(['reason'], async () => {
    await api.call('training.unlockResults', { examId, reason });
    onDone(t('training.exam.unlocked'));
  });
  return (
    <Modal title={t('training.exam.unlock')} onClose={onClose} busy={busy}>
      <form className="form-stack" onSubmit={submit} noValidate>
        <p className="muted">{t('training.exam.unlockHint')}</p>
        <Field label={t('training.exam.reason')} required error={error?.field === 'reason' ? error.message : undefined}>
          {(c) => <textarea {...c} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />}
        </Field>
        {top}
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('training.exam.unlock')} />
      </form>
    </Modal>
  );
}

export function CorrectKeyDialog({ bankId, onClose, onDone }: { bankId: string; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [no, setNo] = useState('');
  const [answer, setAnswer] = useState('');
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, submit, top } = useSubmit(['no', 'answer', 'points', 'reason'], async () => {
    const r = await api.call('training.correctKey', { bankId, no: Number(no), answer, ...(points ? { points: Number(points) } : {}), reason });
    onDone(t('training.exam.regraded', { results: r.results, changed: r.changed }));
  });
  const err = (f: string) => (error?.field === f ? error.message : undefined);
  return (
    <Modal title={t('training.exam.correctKey')} onClose={onClose} busy={busy}>
      <form className="form-stack" onSubmit={submit} noValidate>
        <p className="muted">{t('training.exam.correctKeyHint')}</p>
        <Field label={t('training.bank.no')} required error={err('no')}>
          {(c) => <input {...c} type="number" min={1} value={no} onChange={(e) => setNo(e.target.value)} data-autofocus />}
        </Field>
        <Field label={t('training.exam.newAnswer')} required hint={t('training.exam.newAnswerHint')} error={err('answer')}>
          {(c) => <input {...c} value={answer} onChange={(e) => setAnswer(e.target.value)} />}
        </Field>
        <Field label={t('training.exam.newPoints')} error={err('points')}>
          {(c) => <input {...c} type="number" min={0} value={points} onChange={(e) => setPoints(e.target.value)} />}
        </Field>
        <Field label={t('training.exam.reason')} required error={err('reason')}>
          {(c) => <textarea {...c} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        {top}
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('training.exam.regrade')} />
      </form>
    </Modal>
  );
}

export function SubjectiveDialog({ result, max, onClose, onDone }: { result: ExamResult; max: number; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [score, setScore] = useState(result.subjectiveScore === null ? '' : String(result.subjectiveScore));
  const { busy, error, submit, top } = useSubmit(['score'], async () => {
    const saved = await api.call('training.setSubjective', { resultId: result.id, score: score === '' ? null : Number(score) });
    onDone(t('training.exam.subjectiveSaved', { name: saved.name, total: saved.total }));
  });
  return (
    <Modal title={t('training.exam.subjectiveTitle', { name: result.name })} onClose={onClose} busy={busy}>
      <form className="form-stack" onSubmit={submit} noValidate>
        <Field label={t('training.exam.subjectiveScore', { max })} error={error?.field === 'score' ? error.message : undefined}>
          {(c) => <input {...c} type="number" min={0} max={max} step={0.5} value={score} onChange={(e) => setScore(e.target.value)} data-autofocus />}
        </Field>
        {top}
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('common.save')} />
      </form>
    </Modal>
  );
}
