import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Certificate } from '../../../../electron/api/schemas/certificates.ts';
import type { Exam, ExamResult, ExamStats, GradeReport } from '../../../../electron/api/schemas/training.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { saveFile } from '../../files/download.ts';
import { formatDate } from '../../format/time.ts';
import { LocalGrid } from '../../grid/LocalGrid.tsx';
import { hrefFor } from '../../router/hash-router.ts';
import { CorrectKeyDialog, SubjectiveDialog, UnlockDialog } from './ExamActions.tsx';
import { IssueDialog } from './IssueDialog.tsx';
import { GradeProblems } from './GradeProblems.tsx';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';
import { StatsCharts } from './StatsCharts.tsx';
import { stageSource } from './upload.ts';

type Loaded = { exam: Exam; results: ExamResult[]; stats: ExamStats | null; overrides: Certificate[] };

const columns =
  (onSubjective: ((r: ExamResult) => void) | null) =>
  (t: TFunction): ColDef<ExamResult>[] => [
    { field: 'candidateNo', headerName: t('training.result.candidateNo'), width: 130 },
    { field: 'name', headerName: t('training.result.name'), width: 100 },
    { field: 'idNumberMasked', headerName: t('training.result.idNumber'), width: 180 },
    { field: 'unitName', headerName: t('training.result.unit'), flex: 1 },
    { field: 'variant', headerName: t('training.result.variant'), width: 70 },
    { field: 'attempt', headerName: t('training.result.attempt'), width: 80 },
    { field: 'objectiveScore', headerName: t('training.result.objective'), width: 90 },
    {
      field: 'subjectiveScore',
      headerName: t('training.result.subjective'),
      width: 120,
      cellRenderer: (p: { data?: ExamResult }) =>
        p.data ? (
          <span className="grid-actions">
            {p.data.subjectiveScore ?? '—'}
            {onSubjective && (
              <button type="button" className="button" onClick={() => onSubjective(p.data!)} aria-label={`${t('training.exam.enterSubjective')} ${p.data.name}`}>
                {t('training.exam.enterSubjective')}
              </button>
            )}
          </span>
        ) : null,
    },
    { field: 'total', headerName: t('training.result.total'), width: 80 },
    { colId: 'passed', headerName: t('training.result.passed'), width: 80, valueGetter: (p) => (p.data?.passed ? t('training.result.pass') : t('training.result.fail')) },
    { field: 'certificateNo', headerName: t('training.result.certificateNo'), flex: 1 },
  ];

/** One exam: grade answer sheets, review warnings, enter subjective scores, correct keys, publish, statistics, certificates. */
export function ExamView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [report, setReport] = useState<GradeReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<{ kind: 'unlock' } | { kind: 'key' } | { kind: 'issue' } | { kind: 'subjective'; result: ExamResult } | null>(null);

  const load = useCallback(async () => {
    try {
      const [exam, results, certificates] = await Promise.all([api.call('training.exam', { id }), api.call('training.results', { examId: id }), api.call('training.certificates', { examId: id })]);
      const stats = results.length > 0 ? await api.call('training.stats', { examId: id }) : null;
      setLoaded({ exam, results, stats, overrides: certificates.filter((c) => c.overrideReason !== null) });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setStatus(null);
    try {
      const text = await work();
      await load();
      setStatus({ tone: 'ok', text });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const exam = loaded?.exam;
  const own = exam !== undefined && exam.originNode === node.id;
  const locked = exam?.resultsState === 'published';
  const openSubjective = useCallback((result: ExamResult) => setDialog({ kind: 'subjective', result }), []);
  const gridColumns = useMemo(() => columns(own && !locked && (exam?.paper.subjectiveMax ?? 0) > 0 ? openSubjective : null), [own, locked, exam, openSubjective]);

  const grade = (file: File) =>
    run(async () => {
      setReport(null);
      const r = await api.call('training.grade', { examId: id, source: await stageSource(file) });
      setReport(r);
      return t('training.exam.graded', { candidates: r.candidates, passed: r.passed, errors: r.errors.length, warnings: r.warnings.length });
    });
  const publish = () => run(async () => (await api.call('training.publishResults', { examId: id }), t('training.exam.published')));
  const exportResults = () =>
    run(async () => {
      await saveFile(await api.call('training.exportResults', { examId: id }));
      return t('training.exam.exported');
    });
  const done = (text: string) => {
    setDialog(null);
    void load().then(() => setStatus({ tone: 'ok', text }));
  };
  const certified = loaded?.results.some((r) => r.certificateNo) ?? false;
  const toIssue = loaded?.results.some((r) => r.passed && !r.certificateNo) ?? false;

  return (
    <div className="page" data-testid="training-exam">
      <div className="page-header">
        <a href={hrefFor('training', { tab: 'exams' })}>{t('training.back')}</a>
        <h1 className="page-title">{exam?.title ?? t('app.loading')}</h1>
        {exam && <span className="badge badge-info">{t(`training.resultsState.${exam.resultsState}`)}</span>}
      </div>
      <StatusNotice status={status} />
      {exam && loaded && (
        <>
          <section className="panel">
            <div className="training-facts">
              <span>
                {t('training.exam.date')}：{formatDate(exam.examDate) || '—'}
              </span>
              <span>
                {t('training.exam.paper')}：{t('training.exam.paperFacts', { count: exam.paper.variants['A']?.length ?? 0, variants: Object.keys(exam.paper.variants).join('/') })}
              </span>
              <span data-testid="exam-pass-mark">
                {t('training.exam.passMark')}：{exam.passMark} / {exam.fullMarks}
              </span>
              <span>
                {t('training.exam.multiRule')}：{t(`training.multiRule.${exam.multiRule}`)}
              </span>
              <span>
                {t('training.exam.timeMinutes')}：{exam.timeMinutes ?? '—'}
              </span>
              <span data-testid="exam-counts">{t('training.exam.counts', { candidates: exam.candidates, passed: exam.passed })}</span>
            </div>
            {own && (
              <div className="training-toolbar" role="toolbar" aria-label={t('training.exam.actions')}>
                <label className={`button${locked ? ' button-disabled' : ''}`}>
                  {t('training.exam.importAnswers')}
                  <input
                    type="file"
                    accept=".xlsx,.csv"
                    hidden
                    disabled={busy || locked}
                    aria-label={t('training.exam.importAnswers')}
                    onChange={(e) => {
                      const file = e.target.files?.[0];
                      e.target.value = '';
                      if (file) void grade(file);
                    }}
                  />
                </label>
                <button type="button" className="button" disabled={busy || locked} onClick={() => setDialog({ kind: 'key' })}>
                  {t('training.exam.correctKey')}
                </button>
                {!locked && loaded.results.length > 0 && (
                  <button type="button" className="button button-primary" disabled={busy} onClick={() => void publish()}>
                    {t('training.exam.publish')}
                  </button>
                )}
                {locked && (
                  <button type="button" className="button" disabled={busy} onClick={() => setDialog({ kind: 'unlock' })}>
                    {t('training.exam.unlock')}
                  </button>
                )}
                {locked && toIssue && (
                  <button type="button" className="button button-primary" disabled={busy} onClick={() => setDialog({ kind: 'issue' })}>
                    {t('training.exam.issue')}
                  </button>
                )}
                {certified && (
                  <a className="button button-link" href={hrefFor('training-print', { kind: 'certificates', exam: exam.id })}>
                    {t('training.exam.printCertificates')}
                  </a>
                )}
                {loaded.results.length > 0 && (
                  <button type="button" className="button" disabled={busy} onClick={() => void exportResults()}>
                    {t('training.exam.export')}
                  </button>
                )}
              </div>
            )}
            {own && <p className="muted">{t(locked ? 'training.exam.lockedHint' : 'training.exam.answersHint')}</p>}
          </section>
          {report && <GradeProblems groups={report.problemSummary} />}
          <section className="panel" aria-labelledby="results-title">
            <h2 id="results-title" className="section-title">
              {t('training.exam.results')}
            </h2>
            {loaded.results.length === 0 ? (
              <p className="muted">{t('training.exam.noResults')}</p>
            ) : (
              <LocalGrid rows={loaded.results} columns={gridColumns} rowId={(r) => r.id} testId="exam-results" className="grid-medium" />
            )}
          </section>
          {loaded.overrides.length > 0 && (
            <section className="panel" aria-labelledby="overrides-title" data-testid="exam-overrides">
              <h2 id="overrides-title" className="section-title">
                {t('training.issue.overridesTitle', { count: loaded.overrides.length })}
              </h2>
              <ul className="training-issues">
                {loaded.overrides.map((c) => (
                  <li key={c.id}>
                    {t('training.issue.overrideLine', { no: c.certificateNo, name: c.holderName, problem: t(`training.issue.problem.${c.overrideProblem ?? 'not-verifiable'}`), reason: c.overrideReason })}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {loaded.stats && <StatsCharts stats={loaded.stats} />}
        </>
      )}
      {dialog?.kind === 'issue' && <IssueDialog examId={id} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'unlock' && <UnlockDialog examId={id} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'key' && exam && <CorrectKeyDialog bankId={exam.bankId} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'subjective' && exam && <SubjectiveDialog result={dialog.result} max={exam.paper.subjectiveMax} onClose={() => setDialog(null)} onDone={done} />}
    </div>
  );
}
