import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StagedFile } from '../../../../electron/api/schemas/files.ts';
import type { JobProgress } from '../../../../electron/api/schemas/jobs.ts';
import { api, ApiError, errorMessage } from '../../api/client.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { saveFile } from '../../files/download.ts';
import { readAsBase64 } from '../../files/read-file.ts';
import { runJob, type RunningJob } from '../../jobs/run-job.ts';
import { ApplyDialog } from './ApplyDialog.tsx';
import { FileStep, type Staging } from './FileStep.tsx';
import { initialMappings, type LedgerSummary, type Mappings } from './ledger-fields.ts';
import { MappingStep } from './MappingStep.tsx';
import { ResultStep } from './ResultStep.tsx';
import { SummaryStep } from './SummaryStep.tsx';
import { WizardSteps } from './WizardSteps.tsx';
import { acceptInput, heldRows, withAccepted } from './update-rows.ts';

type Step =
  | { kind: 'choose'; staging: Staging | null; staged: StagedFile | null }
  | { kind: 'previewing'; staged: StagedFile; progress: JobProgress | null }
  | { kind: 'mapping'; staged: StagedFile; summary: LedgerSummary }
  | { kind: 'summary'; staged: StagedFile; summary: LedgerSummary; confirming: boolean }
  | { kind: 'applying'; staged: StagedFile; summary: LedgerSummary; progress: JobProgress | null }
  | { kind: 'done'; result: LedgerSummary };

type Notice = { tone: 'ok' | 'error' | 'info'; text: string } | null;

const chooseStep: Step = { kind: 'choose', staging: null, staged: null };

/**
 * 台账导入: choose a file → preview (progress, cancel; column mapping when needed;
 * counts and every problem row) → import exactly the previewed plan (confirm,
 * progress, cancel) → result. Nothing is written before the last step.
 */
export function LedgerPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>(chooseStep);
  const [notice, setNotice] = useState<Notice>(null);
  const [mappings, setMappings] = useState<Mappings>({});
  const [remember, setRemember] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  /** held identity changes the user accepted (sheet and row); a new preview starts with none */
  const [accepted, setAccepted] = useState<Set<string>>(() => new Set());
  const jobRef = useRef<RunningJob<LedgerSummary> | null>(null);

  // Leaving the page stops a running preview (an import runs to its end: it is one transaction anyway).
  useEffect(
    () => () => {
      if (jobRef.current) void jobRef.current.cancel().catch(() => undefined);
    },
    [],
  );

  /** A failed long call: CANCELLED is the user's wish and changed nothing; anything else is shown as the core said it. */
  const failure = (error: unknown): Notice =>
    error instanceof ApiError && error.code === 'CANCELLED' ? { tone: 'info', text: t('ledger.cancelled') } : { tone: 'error', text: errorMessage(error) };

  const preview = async (staged: StagedFile, chosen: Mappings | null, rememberChosen: boolean) => {
    setNotice(null);
    setCancelling(false);
    setStep({ kind: 'previewing', staged, progress: null });
    setAccepted(new Set());
    const job = runJob(
      (jobId) =>
        api.call('ledger.preview', {
          source: { kind: 'staged', id: staged.id },
          ...(chosen ? { mappings: chosen, rememberMappings: rememberChosen } : {}),
          jobId,
        }),
      (progress) => setStep((s) => (s.kind === 'previewing' ? { ...s, progress } : s)),
    );
    jobRef.current = job;
    try {
      const summary = await job.result;
      setMappings((m) => initialMappings(summary, chosen ?? m));
      setStep(summary.needsMapping ? { kind: 'mapping', staged, summary } : { kind: 'summary', staged, summary, confirming: false });
    } catch (error) {
      setNotice(failure(error));
      setStep({ kind: 'choose', staging: null, staged });
    } finally {
      jobRef.current = null;
    }
  };

  const stage = async (file: File) => {
    setNotice(null);
    setMappings({});
    const staging: Staging = { name: file.name, size: file.size, phase: 'reading', share: 0 };
    setStep({ kind: 'choose', staging, staged: null });
    try {
      const contentBase64 = await readAsBase64(file, (share) => setStep((s) => (s.kind === 'choose' && s.staging ? { ...s, staging: { ...s.staging, share } } : s)));
      setStep({ kind: 'choose', staging: { ...staging, phase: 'uploading', share: 1 }, staged: null });
      const staged = await api.call('files.stage', { name: file.name, contentBase64 });
      await preview(staged, null, false);
    } catch (error) {
      setNotice({ tone: 'error', text: error instanceof ApiError ? error.message : t('ledger.file.readFailed', { name: file.name }) });
      setStep(chooseStep);
    }
  };

  const cancelJob = () => {
    setCancelling(true);
    void jobRef.current?.cancel().catch(() => setCancelling(false));
  };

  const apply = async (staged: StagedFile, summary: LedgerSummary) => {
    setNotice(null);
    setCancelling(false);
    setStep({ kind: 'applying', staged, summary, progress: null });
    const acceptIdentityChanges = acceptInput(heldRows(summary), accepted, summary);
    const job = runJob(
      (jobId) => api.call('ledger.apply', { planId: summary.planId, ...(acceptIdentityChanges ? { acceptIdentityChanges } : {}), jobId }),
      (progress) => setStep((s) => (s.kind === 'applying' ? { ...s, progress } : s)),
    );
    jobRef.current = job;
    try {
      setStep({ kind: 'done', result: await job.result });
    } catch (error) {
      const n = failure(error);
      // an expired or outdated preview: the summary stays, with the way forward in the message
      setNotice(error instanceof ApiError && error.code !== 'CANCELLED' ? { tone: 'error', text: `${n?.text ?? ''} ${t('ledger.previewAgain')}` } : n);
      setStep({ kind: 'summary', staged, summary, confirming: false });
    } finally {
      jobRef.current = null;
    }
  };

  const exportProblems = async (summary: LedgerSummary) => {
    try {
      const file = await api.call('ledger.errorReport', { planId: summary.planId });
      await saveFile(file);
      setNotice({ tone: 'ok', text: t('ledger.issues.exported', { fileName: file.fileName }) });
    } catch (error) {
      setNotice({ tone: 'error', text: errorMessage(error) });
    }
  };

  const exportUpdates = async (summary: LedgerSummary, fields: string[] | undefined) => {
    try {
      const file = await api.call('ledger.updatesReport', { planId: summary.planId, ...(fields ? { fields } : {}) });
      saveFile(file);
      setNotice({ tone: 'ok', text: t('ledgerReview.exported', { fileName: file.fileName }) });
    } catch (error) {
      setNotice({ tone: 'error', text: errorMessage(error) });
    }
  };

  const restart = () => {
    setNotice(null);
    setMappings({});
    setStep(chooseStep);
  };

  return (
    <section className="page import-page" aria-labelledby="import-title">
      <div className="page-header">
        <h1 id="import-title" className="page-title">
          {t('ledger.title')}
        </h1>
        <WizardSteps current={step.kind === 'choose' ? 1 : step.kind === 'done' ? 3 : step.kind === 'applying' ? 3 : 2} />
      </div>
      {notice && (
        <div className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="import-notice">
          {notice.text}
          {notice.tone === 'error' && step.kind === 'summary' && (
            <>
              {' '}
              <button type="button" className="button" onClick={() => void preview(step.staged, mappings, remember)}>
                {t('ledger.file.recheck')}
              </button>
            </>
          )}
        </div>
      )}
      {step.kind === 'choose' && (
        <FileStep
          staging={step.staging}
          staged={step.staged}
          onFile={(file) => void stage(file)}
          onRecheck={() => step.staged && void preview(step.staged, null, false)}
          onRefuse={(text) => setNotice({ tone: 'error', text })}
        />
      )}
      {step.kind === 'previewing' && (
        <div className="panel" data-testid="preview-progress">
          <div>{t('ledger.previewing', { name: step.staged.name })}</div>
          <ProgressBar label={step.progress?.phase ?? t('ledger.starting')} done={step.progress?.done} total={step.progress?.total} onCancel={cancelJob} cancelling={cancelling} />
        </div>
      )}
      {step.kind === 'mapping' && (
        <MappingStep
          summary={step.summary}
          mappings={mappings}
          onChange={setMappings}
          remember={remember}
          onRemember={setRemember}
          onApply={() => void preview(step.staged, mappings, remember)}
          onBack={() => (step.summary.needsMapping ? restart() : setStep({ kind: 'summary', staged: step.staged, summary: step.summary, confirming: false }))}
        />
      )}
      {step.kind === 'summary' && (
        <>
          <SummaryStep
            summary={step.summary}
            accepted={accepted}
            onAccept={setAccepted}
            onExportUpdates={(fields) => exportUpdates(step.summary, fields)}
            onImport={() => setStep({ ...step, confirming: true })}
            onExportProblems={() => exportProblems(step.summary)}
            onAdjustMapping={() => setStep({ kind: 'mapping', staged: step.staged, summary: step.summary })}
            onRestart={restart}
          />
          {step.confirming && (
            <ApplyDialog summary={withAccepted(step.summary, accepted)} held={heldRows(step.summary).size} accepted={accepted.size} onCancel={() => setStep({ ...step, confirming: false })} onConfirm={() => void apply(step.staged, step.summary)} />
          )}
        </>
      )}
      {step.kind === 'applying' && (
        <div className="panel" data-testid="apply-progress">
          <div>{t('ledger.applying', { name: step.summary.fileName })}</div>
          <ProgressBar label={step.progress?.phase ?? t('ledger.starting')} done={step.progress?.done} total={step.progress?.total} onCancel={cancelJob} cancelling={cancelling} />
        </div>
      )}
      {step.kind === 'done' && <ResultStep result={step.result} onAnother={restart} />}
    </section>
  );
}
