import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import type { BundleExported } from '../../../../electron/api/schemas/bundles.ts';
import type { JobProgress } from '../../../../electron/api/schemas/jobs.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useHostStatus } from '../../host/host-status.ts';
import { SaveFileButton } from '../../host/SaveFileButton.tsx';
import { runJob, type RunningJob } from '../../jobs/run-job.ts';
import { formatSize, orderedTables, tableLabel } from './bundle-format.ts';
import { failureNotice, NoticeLine, type Notice } from './notice.tsx';
import type { WithPassphrase } from './usePassphrase.tsx';

type Office = CallOutput<'city.overview'>['offices'][number];

interface ExportCardProps {
  /** bureau: the offices a bundle may go to; offices send to the bureau and pass undefined */
  targets?: Office[];
  withPassphrase: WithPassphrase;
  onExported: () => void;
}

type State = { kind: 'idle' } | { kind: 'running'; progress: JobProgress | null } | { kind: 'done'; result: BundleExported };

type Folder = { ref: string; label: string };

/**
 * 导出数据包: incremental unless 完整 is ticked, into the data folder's exchange/out or
 * a folder chosen in the desktop app's folder dialog (a USB stick, a share); the
 * passphrase is asked when the key needs one; progress with 取消; the file, its
 * sequence, size and row counts, and 另存为… / 下载 for another copy.
 */
export function ExportCard({ targets, withPassphrase, onExported }: ExportCardProps) {
  const { t } = useTranslation();
  const host = useHostStatus();
  const isBureau = targets !== undefined;
  const [full, setFull] = useState(false);
  const [folder, setFolder] = useState<Folder | null>(null);
  const [targetNodeId, setTargetNodeId] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [notice, setNotice] = useState<Notice>(null);
  const [cancelling, setCancelling] = useState(false);
  const jobRef = useRef<RunningJob<BundleExported> | null>(null);
  const enrolled = targets?.filter((o) => !o.keyRevoked) ?? [];

  // leaving the page stops a running export (nothing is recorded until the file is complete)
  useEffect(
    () => () => {
      if (jobRef.current) void jobRef.current.cancel().catch(() => undefined);
    },
    [],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.kind === 'running') return;
    setNotice(null);
    setCancelling(false);
    setState({ kind: 'running', progress: null });
    try {
      const result = await withPassphrase((passphrase) => {
        const job = runJob(
          (jobId) =>
            api.call('bundles.export', {
              jobId,
              full,
              ...(folder ? { outDir: folder.ref } : {}),
              ...(isBureau && targetNodeId ? { targetNodeId } : {}),
              ...(passphrase !== undefined ? { passphrase } : {}),
            }),
          (progress) => setState((s) => (s.kind === 'running' ? { ...s, progress } : s)),
        );
        jobRef.current = job;
        return job.result;
      });
      setState({ kind: 'done', result });
      onExported();
    } catch (error) {
      setNotice(failureNotice(t, error));
      setState({ kind: 'idle' });
    } finally {
      jobRef.current = null;
    }
  };

  const cancel = () => {
    setCancelling(true);
    void jobRef.current?.cancel().catch(() => setCancelling(false));
  };

  const chooseFolder = async () => {
    try {
      const picked = await api.call('host.pickFolder', { purpose: 'bundle-export' });
      if (picked.folder) setFolder(picked.folder);
    } catch (error) {
      setNotice(failureNotice(t, error));
    }
  };

  const running = state.kind === 'running';
  return (
    <section className="panel" aria-labelledby="bundle-export-title" data-testid="bundle-export">
      <h2 id="bundle-export-title" className="section-title">
        {isBureau ? t('bundles.export.titleBureau') : t('bundles.export.title')}
      </h2>
      <p className="muted">{isBureau ? t('bundles.export.introBureau') : t('bundles.export.intro')}</p>
      <form className="form-stack" onSubmit={(e) => void submit(e)} noValidate>
        {isBureau && (
          <Field label={t('bundles.export.target')} required hint={enrolled.length === 0 ? t('bundles.export.noTargets') : undefined}>
            {(control) => (
              <select {...control} value={targetNodeId} onChange={(e) => setTargetNodeId(e.target.value)} disabled={running}>
                <option value="">{t('bundles.export.chooseTarget')}</option>
                {enrolled.map((o) => (
                  <option key={o.nodeId} value={o.nodeId}>
                    {o.nodeName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} disabled={running} />
          {t('bundles.export.full')}
        </label>
        <Field label={t('bundles.export.folder')} hint={host?.canPickFolder ? t('bundles.export.folderHint') : t('bundles.export.folderHintBrowser')}>
          {(control) => (
            <div className="toolbar">
              <output {...control} className="mono break" data-testid="export-folder">
                {folder ? folder.label : t('bundles.export.folderDefault')}
              </output>
              {host?.canPickFolder && (
                <button type="button" className="button" onClick={() => void chooseFolder()} disabled={running}>
                  {t('bundles.export.chooseFolder')}
                </button>
              )}
              {folder && (
                <button type="button" className="button button-link" onClick={() => setFolder(null)} disabled={running}>
                  {t('bundles.export.useDefault')}
                </button>
              )}
            </div>
          )}
        </Field>
        <div className="form-actions form-actions-start">
          <button type="submit" className="button button-primary" disabled={running || (isBureau && !targetNodeId)}>
            {running ? t('bundles.export.running') : t('bundles.export.submit')}
          </button>
        </div>
      </form>
      <NoticeLine notice={notice} testId="export-notice" />
      {state.kind === 'running' && (
        <ProgressBar label={state.progress?.phase ?? t('bundles.starting')} done={state.progress?.done} total={state.progress?.total} onCancel={cancel} cancelling={cancelling} />
      )}
      {state.kind === 'done' && <ExportResult result={state.result} />}
    </section>
  );
}

function ExportResult({ result }: { result: BundleExported }) {
  const { t } = useTranslation();
  const counts: Record<string, number> = { ...result.rowCounts, files: result.files };
  return (
    <div className="notice notice-ok" role="status" data-testid="export-result">
      <strong>{t('bundles.export.done', { sequence: result.sequence, kind: result.full ? t('bundles.kind.full') : t('bundles.kind.incremental') })}</strong>
      <dl className="facts">
        <dt>{t('bundles.export.file')}</dt>
        <dd className="mono break" data-testid="export-file">
          {result.file}
        </dd>
        <dd>
          <SaveFileButton fileName={result.fileName} source={{ kind: 'ref', ref: result.ref }} testId="export-save" />
        </dd>
        <dt>{t('bundles.export.sequence')}</dt>
        <dd data-testid="export-sequence">{result.sequence}</dd>
        <dt>{t('bundles.export.size')}</dt>
        <dd>{formatSize(t, result.size)}</dd>
      </dl>
      <table className="counts-table" data-testid="export-counts">
        <thead>
          <tr>
            <th>{t('bundles.export.table')}</th>
            <th className="num">{t('bundles.export.rows')}</th>
          </tr>
        </thead>
        <tbody>
          {orderedTables(Object.keys(counts)).map((table) => (
            <tr key={table} data-table={table}>
              <th scope="row">{tableLabel(t, table)}</th>
              <td className="num">{counts[table]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
