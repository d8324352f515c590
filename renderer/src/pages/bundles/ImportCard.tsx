import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import type { BundleImportResult } from '../../../../electron/api/schemas/bundles.ts';
import type { JobProgress } from '../../../../electron/api/schemas/jobs.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { runJob, type RunningJob } from '../../jobs/run-job.ts';
import { BundleResults } from './BundleResults.tsx';
import { formatDateTime } from '../../format/time.ts';
import { exchangeFolder, formatSize } from './bundle-format.ts';
import { failureNotice, NoticeLine, type Notice } from './notice.tsx';
import type { WithPassphrase } from './usePassphrase.tsx';

type Scan = CallOutput<'bundles.scan'>;

type Run =
  | { kind: 'idle' }
  | { kind: 'running'; dryRun: boolean; progress: JobProgress | null }
  | { kind: 'results'; dryRun: boolean; results: BundleImportResult[] };

interface ImportCardProps {
  /** 导入数据包 (bureau) or 导入市局数据包 (office) */
  title: string;
  intro: string;
  databaseFile: string | null;
  withPassphrase: WithPassphrase;
  onImported: () => void;
}

/**
 * A folder (a USB stick, a share, or the data folder's exchange/in) → 扫描 → the
 * .qklb files to tick → 预览 (nothing written) or 导入, with progress and 取消;
 * per bundle what would change or changed, and every refusal in red with its reason.
 */
export function ImportCard({ title, intro, databaseFile, withPassphrase, onImported }: ImportCardProps) {
  const { t } = useTranslation();
  const [dir, setDir] = useState('');
  const [scan, setScan] = useState<Scan | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [scanning, setScanning] = useState(false);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const [notice, setNotice] = useState<Notice>(null);
  const [cancelling, setCancelling] = useState(false);
  const jobRef = useRef<RunningJob<BundleImportResult[]> | null>(null);
  const defaultDir = databaseFile ? exchangeFolder(databaseFile, 'in') : '';

  // leaving the page stops a running preview or import (each bundle is all or nothing)
  useEffect(
    () => () => {
      if (jobRef.current) void jobRef.current.cancel().catch(() => undefined);
    },
    [],
  );

  const doScan = async (event?: FormEvent) => {
    event?.preventDefault();
    setScanning(true);
    setNotice(null);
    setRun({ kind: 'idle' });
    try {
      const found = await api.call('bundles.scan', dir.trim() ? { dir: dir.trim() } : {});
      setScan(found);
      setSelected(new Set(found.files.map((f) => f.path)));
    } catch (error) {
      setScan(null);
      setSelected(new Set());
      setNotice(failureNotice(t, error));
    } finally {
      setScanning(false);
    }
  };

  const start = async (dryRun: boolean) => {
    const paths = scan?.files.filter((f) => selected.has(f.path)).map((f) => f.path) ?? [];
    if (paths.length === 0 || run.kind === 'running') return;
    setNotice(null);
    setCancelling(false);
    setRun({ kind: 'running', dryRun, progress: null });
    try {
      const results = await withPassphrase((passphrase) => {
        const job = runJob(
          (jobId) => api.call('bundles.import', { jobId, paths, dryRun, ...(passphrase !== undefined ? { passphrase } : {}) }),
          (progress) => setRun((s) => (s.kind === 'running' ? { ...s, progress } : s)),
        );
        jobRef.current = job;
        return job.result;
      });
      setRun({ kind: 'results', dryRun, results });
      if (!dryRun) onImported();
    } catch (error) {
      setNotice(failureNotice(t, error));
      setRun({ kind: 'idle' });
    } finally {
      jobRef.current = null;
    }
  };

  const cancel = () => {
    setCancelling(true);
    void jobRef.current?.cancel().catch(() => setCancelling(false));
  };

  const toggle = (path: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(path);
      else next.delete(path);
      return next;
    });

  const files = scan?.files ?? [];
  const allSelected = files.length > 0 && files.every((f) => selected.has(f.path));
  const running = run.kind === 'running';
  const chosen = files.filter((f) => selected.has(f.path)).length;

  return (
    <section className="panel" aria-labelledby="bundle-import-title" data-testid="bundle-import">
      <h2 id="bundle-import-title" className="section-title">
        {title}
      </h2>
      <p className="muted">{intro}</p>
      <form className="form-stack" onSubmit={(e) => void doScan(e)} noValidate>
        <Field label={t('bundles.import.folder')} hint={t('bundles.import.folderHint', { folder: defaultDir })}>
          {(control) => (
            <input {...control} type="text" value={dir} placeholder={defaultDir} onChange={(e) => setDir(e.target.value)} disabled={running} spellCheck={false} />
          )}
        </Field>
        <div className="form-actions form-actions-start">
          <button type="submit" className="button" disabled={scanning || running}>
            {scanning ? t('bundles.import.scanning') : t('bundles.import.scan')}
          </button>
        </div>
      </form>
      <NoticeLine notice={notice} testId="import-bundles-notice" />
      {scan && (
        <>
          <div className="muted" data-testid="scan-summary">
            {files.length === 0 ? t('bundles.import.noneFound', { dir: scan.dir }) : t('bundles.import.found', { count: files.length, dir: scan.dir })}
          </div>
          {files.length > 0 && (
            <table className="counts-table" data-testid="scan-files">
              <thead>
                <tr>
                  <th>
                    <label className="checkbox">
                      <input type="checkbox" checked={allSelected} onChange={(e) => setSelected(new Set(e.target.checked ? files.map((f) => f.path) : []))} disabled={running} />
                      {t('bundles.import.selectAll')}
                    </label>
                  </th>
                  <th>{t('bundles.import.column.fileName')}</th>
                  <th className="num">{t('bundles.import.column.size')}</th>
                  <th>{t('bundles.import.column.modifiedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {files.map((f) => (
                  <tr key={f.path} data-file={f.fileName}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('bundles.import.choose', { name: f.fileName })}
                        checked={selected.has(f.path)}
                        onChange={(e) => toggle(f.path, e.target.checked)}
                        disabled={running}
                      />
                    </td>
                    <td className="mono">{f.fileName}</td>
                    <td className="num">{formatSize(t, f.size)}</td>
                    <td>{formatDateTime(f.modifiedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {files.length > 0 && (
            <div className="form-actions form-actions-start">
              <button type="button" className="button" onClick={() => void start(true)} disabled={running || chosen === 0}>
                {t('bundles.import.preview')}
              </button>
              <button type="button" className="button button-primary" onClick={() => void start(false)} disabled={running || chosen === 0}>
                {t('bundles.import.import')}
              </button>
              <span className="muted">{t('bundles.import.chosen', { count: chosen })}{t('bundles.listSeparator')}{t('bundles.import.atomic')}</span>
            </div>
          )}
        </>
      )}
      {run.kind === 'running' && (
        <ProgressBar label={run.progress?.phase ?? t('bundles.starting')} done={run.progress?.done} total={run.progress?.total} onCancel={cancel} cancelling={cancelling} />
      )}
      {run.kind === 'results' && <BundleResults results={run.results} dryRun={run.dryRun} />}
    </section>
  );
}
