import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingSession } from '../../../../electron/api/schemas/training.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { todayIso } from '../../format/time.ts';

type Bank = Awaited<ReturnType<typeof api.call<'training.banks'>>>[number];
type Mode = 'bank' | 'random' | 'fixed';

const fields = ['title', 'bankId', 'passMark', 'timeMinutes', 'subjectiveMax', 'examDate', 'count', 'questionNos', 'weights'];

/** 题号 lists as people type them: 1-20, 25, 30–40. */
export function parseNumbers(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    const range = /^(\d+)\s*[-–~～至]\s*(\d+)$/.exec(part);
    if (range) for (let n = Number(range[1]); n <= Number(range[2]); n++) out.push(n);
    else if (/^\d+$/.test(part)) out.push(Number(part));
  }
  return [...new Set(out)];
}

/** A new exam: its bank, the paper (whole bank, random by module weights, or fixed 题号), A/B variants, pass mark, rule, time, session. */
export function ExamDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [banks, setBanks] = useState<Bank[]>([]);
  const [sessions, setSessions] = useState<TrainingSession[]>([]);
  const [title, setTitle] = useState('');
  const [bankId, setBankId] = useState('');
  const [mode, setMode] = useState<Mode>('bank');
  const [count, setCount] = useState('100');
  const [weights, setWeights] = useState<Record<string, string>>({});
  const [numbers, setNumbers] = useState('');
  const [variants, setVariants] = useState<1 | 2>(1);
  const [passMark, setPassMark] = useState('');
  const [multiRule, setMultiRule] = useState<'' | 'all' | 'partial'>('');
  const [timeMinutes, setTimeMinutes] = useState('60');
  const [subjectiveMax, setSubjectiveMax] = useState('0');
  const [sessionId, setSessionId] = useState('');
  const [examDate, setExamDate] = useState(todayIso());
  const form = useSubmit(fields);

  useEffect(() => {
    Promise.all([api.call('training.banks', {}), api.call('training.sessions', {})]).then(
      ([b, s]) => {
        setBanks(b);
        setSessions(s);
        if (b[0]) setBankId(b[0].id);
      },
      form.fail,
    );
  }, []);
  const bank = banks.find((b) => b.id === bankId);

  const submit = async () => {
    const paper =
      mode === 'bank'
        ? { mode }
        : mode === 'fixed'
          ? { mode, questionNos: parseNumbers(numbers) }
          : { mode, count: Number(count), weights: Object.fromEntries((bank?.modules ?? []).map((m) => [m, Number(weights[m] ?? 1)])) };
    const exam = await api.call('training.createExam', {
      title,
      bankId,
      paper,
      variants,
      ...(passMark === '' ? {} : { passMark: Number(passMark) }),
      ...(multiRule === '' ? {} : { multiRule }),
      timeMinutes: timeMinutes === '' ? null : Number(timeMinutes),
      subjectiveMax: Number(subjectiveMax || 0),
      sessionId: sessionId || null,
      examDate: examDate || null,
    });
    onCreated(exam.id);
  };
  const err = form.of;

  return (
    <FormDialog title={t('training.exam.create')} onClose={onClose} submit={form} onSubmit={submit} size="large" layout="grid" submitLabel={t('training.exam.createSubmit')} canSubmit={Boolean(bankId)}>
      <Field label={t('training.exam.title')} required error={err('title')} className="field-wide">
        {(c) => <input {...c} value={title} onChange={(e) => setTitle(e.target.value)} data-autofocus />}
      </Field>
      <Field label={t('training.exam.bank')} required error={err('bankId')}>
        {(c) => (
          <select {...c} value={bankId} onChange={(e) => setBankId(e.target.value)}>
            {banks.length === 0 && <option value="">{t('training.exam.noBank')}</option>}
            {banks.map((b) => (
              <option key={b.id} value={b.id}>
                {t('training.exam.bankOption', { title: b.title, count: b.questions })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('training.exam.paperMode')}>
        {(c) => (
          <select {...c} value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            <option value="bank">{t('training.exam.mode.bank')}</option>
            <option value="random">{t('training.exam.mode.random')}</option>
            <option value="fixed">{t('training.exam.mode.fixed')}</option>
          </select>
        )}
      </Field>
      {mode === 'random' && (
        <>
          <Field label={t('training.exam.count')} error={err('count')}>
            {(c) => <input {...c} type="number" min={1} value={count} onChange={(e) => setCount(e.target.value)} />}
          </Field>
          <fieldset className="field field-wide">
            <legend className="field-label">{t('training.exam.weights')}</legend>
            {(bank?.modules ?? []).map((m) => (
              <label key={m} className="checkbox-inline">
                {m}
                <input type="number" min={0} step={1} style={{ width: 70 }} value={weights[m] ?? '1'} onChange={(e) => setWeights({ ...weights, [m]: e.target.value })} aria-label={`${t('training.exam.weight')} ${m}`} />
              </label>
            ))}
          </fieldset>
        </>
      )}
      {mode === 'fixed' && (
        <Field label={t('training.exam.questionNos')} hint={t('training.exam.questionNosHint')} error={err('questionNos')} className="field-wide">
          {(c) => <input {...c} value={numbers} onChange={(e) => setNumbers(e.target.value)} />}
        </Field>
      )}
      <Field label={t('training.exam.variants')}>
        {(c) => (
          <select {...c} value={variants} onChange={(e) => setVariants(Number(e.target.value) as 1 | 2)}>
            <option value={1}>{t('training.exam.variantsOne')}</option>
            <option value={2}>{t('training.exam.variantsTwo')}</option>
          </select>
        )}
      </Field>
      <Field label={t('training.exam.passMark')} hint={t('training.exam.passMarkHint')} error={err('passMark')}>
        {(c) => <input {...c} type="number" min={0} value={passMark} onChange={(e) => setPassMark(e.target.value)} />}
      </Field>
      <Field label={t('training.exam.multiRule')}>
        {(c) => (
          <select {...c} value={multiRule} onChange={(e) => setMultiRule(e.target.value as '' | 'all' | 'partial')}>
            <option value="">{t('training.exam.multiRuleDefault')}</option>
            <option value="all">{t('training.multiRule.all')}</option>
            <option value="partial">{t('training.multiRule.partial')}</option>
          </select>
        )}
      </Field>
      <Field label={t('training.exam.timeMinutes')} error={err('timeMinutes')}>
        {(c) => <input {...c} type="number" min={1} value={timeMinutes} onChange={(e) => setTimeMinutes(e.target.value)} />}
      </Field>
      <Field label={t('training.exam.subjectiveMax')} hint={t('training.exam.subjectiveMaxHint')} error={err('subjectiveMax')}>
        {(c) => <input {...c} type="number" min={0} value={subjectiveMax} onChange={(e) => setSubjectiveMax(e.target.value)} />}
      </Field>
      <Field label={t('training.exam.date')} error={err('examDate')}>
        {(c) => <input {...c} type="date" value={examDate} onChange={(e) => setExamDate(e.target.value)} />}
      </Field>
      <Field label={t('training.exam.session')}>
        {(c) => (
          <select {...c} value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
            <option value="">{t('training.exam.noSession')}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        )}
      </Field>
    </FormDialog>
  );
}
