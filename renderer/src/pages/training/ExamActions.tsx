import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamResult } from '../../../../electron/api/schemas/training.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';

// Dialogs of an exam: unlock with a reason, correct a key (regrade), enter a subjective score.

export function UnlockDialog({ examId, onClose, onDone }: { examId: string; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const form = useSubmit(['reason']);
  const submit = async () => {
    await api.call('training.unlockResults', { examId, reason });
    onDone(t('training.exam.unlocked'));
  };
  return (
    <FormDialog title={t('training.exam.unlock')} onClose={onClose} submit={form} onSubmit={submit} submitLabel={t('training.exam.unlock')}>
      <p className="muted">{t('training.exam.unlockHint')}</p>
      <Field label={t('training.exam.reason')} required error={form.of('reason')}>
        {(c) => <textarea {...c} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />}
      </Field>
    </FormDialog>
  );
}

export function CorrectKeyDialog({ bankId, onClose, onDone }: { bankId: string; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [no, setNo] = useState('');
  const [answer, setAnswer] = useState('');
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const form = useSubmit(['no', 'answer', 'points', 'reason']);
  const submit = async () => {
    const r = await api.call('training.correctKey', { bankId, no: Number(no), answer, ...(points ? { points: Number(points) } : {}), reason });
    onDone(t('training.exam.regraded', { results: r.results, changed: r.changed }));
  };
  const err = form.of;
  return (
    <FormDialog title={t('training.exam.correctKey')} onClose={onClose} submit={form} onSubmit={submit} submitLabel={t('training.exam.regrade')}>
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
    </FormDialog>
  );
}

export function SubjectiveDialog({ result, max, onClose, onDone }: { result: ExamResult; max: number; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [score, setScore] = useState(result.subjectiveScore === null ? '' : String(result.subjectiveScore));
  const form = useSubmit(['score']);
  const submit = async () => {
    const saved = await api.call('training.setSubjective', { resultId: result.id, score: score === '' ? null : Number(score) });
    onDone(t('training.exam.subjectiveSaved', { name: saved.name, total: saved.total }));
  };
  return (
    <FormDialog title={t('training.exam.subjectiveTitle', { name: result.name })} onClose={onClose} submit={form} onSubmit={submit}>
      <Field label={t('training.exam.subjectiveScore', { max })} error={form.of('score')}>
        {(c) => <input {...c} type="number" min={0} max={max} step={0.5} value={score} onChange={(e) => setScore(e.target.value)} data-autofocus />}
      </Field>
    </FormDialog>
  );
}
