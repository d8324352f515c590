import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../electron/api/schemas/training.ts';
import { ApiError, api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { Field } from '../../components/Field.tsx';
import { formatDate } from '../../format/time.ts';
import { LocalGrid } from '../../grid/LocalGrid.tsx';
import { IssueList } from './IssueList.tsx';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';
import { stageSource } from './upload.ts';

type Bank = Awaited<ReturnType<typeof api.call<'training.banks'>>>[number];

const questionColumns = (t: TFunction): ColDef<Question>[] => [
  { field: 'no', headerName: t('training.bank.no'), width: 80 },
  { field: 'type', headerName: t('training.bank.type'), width: 90, valueFormatter: (p) => t(`training.questionType.${p.value as Question['type']}`) },
  { field: 'stem', headerName: t('training.bank.stem'), flex: 3, tooltipField: 'stem' },
  { colId: 'options', headerName: t('training.bank.options'), flex: 2, valueGetter: (p) => optionsText(p.data), tooltipValueGetter: (p) => optionsText(p.data) },
  // the key is stored normalised (T / F, sorted letters); a 判断题 reads 正确 / 错误
  { colId: 'answer', headerName: t('training.bank.answer'), width: 90, valueGetter: (p) => (p.data ? answerText(t, p.data) : '') },
  { field: 'points', headerName: t('training.bank.points'), width: 80 },
  { field: 'module', headerName: t('training.bank.module'), flex: 1 },
];

const optionsText = (q: Question | undefined) => (q ? q.options.map((o, i) => `${'ABCDEF'[i]}. ${o}`).join('　') : '');
const answerText = (t: TFunction, q: Question) => (q.type === 'judge' ? t(`training.judgeAnswer.${q.answer === 'T' ? 'T' : 'F'}`) : q.answer);

/** 题库: import a bank from xlsx/csv (every unreadable question reported with its row), the banks and their questions. */
export function BanksTab() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const [banks, setBanks] = useState<Bank[]>([]);
  const [open, setOpen] = useState<{ bank: Bank; questions: Question[] } | null>(null);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const load = useCallback(async () => {
    try {
      setBanks(await api.call('training.banks', {}));
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const show = async (bank: Bank) => {
    try {
      setOpen({ bank, questions: await api.call('training.questions', { bankId: bank.id }) });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setStatus({ tone: 'error', text: t('training.bank.chooseFile') });
      return;
    }
    setBusy(true);
    setStatus(null);
    setProblems([]);
    try {
      const { bank } = await api.call('training.importBank', { title: title || file.name.replace(/\.[^.]+$/, ''), source: await stageSource(file) });
      setStatus({ tone: 'ok', text: t('training.bank.imported', { title: bank.title, count: bank.questions }) });
      setTitle('');
      setFile(null);
      await load();
      await show(bank);
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
      const rows = error instanceof ApiError ? (error.details?.['errors'] as { row: number; no: string | null; column: string; message: string }[] | undefined) : undefined;
      setProblems((rows ?? []).map((r) => t('training.bank.problem', { row: r.row, no: r.no ?? '—', column: r.column, message: r.message })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label={t('training.tab.banks')}>
      {node.role !== 'bureau' && (
        <form className="panel training-toolbar" onSubmit={submit} aria-label={t('training.bank.importTitle')}>
          <Field label={t('training.bank.title')}>{(c) => <input {...c} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
          <Field label={t('training.bank.file')} hint={t('training.bank.fileHint')}>
            {(c) => <input {...c} type="file" accept=".xlsx,.csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
          </Field>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('training.busy') : t('training.bank.import')}
          </button>
        </form>
      )}
      <StatusNotice status={status} />
      <IssueList title={t('training.bank.problems')} lines={problems} tone="error" testId="bank-problems" />
      {banks.length === 0 ? (
        <p className="muted">{t('training.bank.empty')}</p>
      ) : (
        <table className="data-table" data-testid="training-banks">
          <thead>
            <tr>
              <th>{t('training.bank.title')}</th>
              <th>{t('training.bank.questions')}</th>
              <th>{t('training.bank.modules')}</th>
              <th>{t('training.bank.importedAt')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {banks.map((b) => (
              <tr key={b.id}>
                <td>{b.title}</td>
                <td>{b.questions}</td>
                <td>{b.modules.join('、')}</td>
                <td>{formatDate(b.importedAt)}</td>
                <td>
                  <button type="button" className="button" onClick={() => void show(b)}>
                    {t('training.bank.view')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <section className="panel" aria-label={open.bank.title}>
          <h2 className="section-title">{t('training.bank.questionsOf', { title: open.bank.title })}</h2>
          <LocalGrid rows={open.questions} columns={questionColumns} rowId={(q) => q.id} testId="training-questions" className="grid-medium" />
        </section>
      )}
    </section>
  );
}
