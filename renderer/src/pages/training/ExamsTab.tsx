import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Exam } from '../../../../electron/api/schemas/training.ts';
import { api } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { formatDate } from '../../format/time.ts';
import { LocalGrid } from '../../grid/LocalGrid.tsx';
import { hrefFor, navigate } from '../../router/hash-router.ts';
import { ExamDialog } from './ExamDialog.tsx';
import { StatusNotice } from '../../components/StatusNotice.tsx';
import { useLoad } from '../../components/useLoad.ts';

const columns = (t: TFunction): ColDef<Exam>[] => [
  {
    field: 'title',
    headerName: t('training.exam.title'),
    flex: 2,
    cellRenderer: (p: { data?: Exam }) => (p.data ? <a href={hrefFor('training', { exam: p.data.id })}>{p.data.title}</a> : null),
  },
  { field: 'examDate', headerName: t('training.exam.date'), width: 120, valueFormatter: (p) => formatDate(p.value as string | null) },
  { headerName: t('training.exam.passMark'), valueGetter: (p) => (p.data ? `${p.data.passMark} / ${p.data.fullMarks}` : ''), width: 110 },
  { field: 'candidates', headerName: t('training.exam.candidates'), width: 100 },
  { field: 'passed', headerName: t('training.exam.passed'), width: 100 },
  { field: 'resultsState', headerName: t('training.exam.state'), width: 110, valueFormatter: (p) => t(`training.resultsState.${p.value as Exam['resultsState']}`) },
];

const readExams = () => api.call('training.exams', {});

/** 考试: every exam, with its candidates and passes; a new one opens for grading. */
export function ExamsTab() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const { value: exams, error } = useLoad(readExams);
  const [creating, setCreating] = useState(false);

  return (
    <section aria-label={t('training.tab.exams')}>
      <div className="training-toolbar">
        {node.role !== 'bureau' && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('training.exam.create')}
          </button>
        )}
      </div>
      <StatusNotice status={error ? { tone: 'error', text: error } : null} />
      {exams && exams.length === 0 && <p className="muted">{t('training.exam.empty')}</p>}
      {exams && exams.length > 0 && <LocalGrid rows={exams} columns={columns} rowId={(e) => e.id} testId="training-exams" />}
      {creating && <ExamDialog onClose={() => setCreating(false)} onCreated={(id) => navigate('training', { exam: id })} />}
    </section>
  );
}
