import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleImportResult } from '../../../../electron/api/schemas/bundles.ts';
import type { PickedFile } from '../../../../electron/api/schemas/host.ts';
import type { JobProgress } from '../../../../electron/api/schemas/jobs.ts';
import { api } from '../../api/client.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useHostStatus } from '../../host/host-status.ts';
import { openedBundles } from '../../host/opened-bundles.ts';
import { runJob, type RunningJob } from '../../jobs/run-job.ts';
import { BundleResults } from './BundleResults.tsx';
import { formatDateTime } from '../../format/time.ts';
import { formatSize } from './bundle-format.ts';
import { failureNotice, NoticeLine, type Notice } from './notice.tsx';
import type { WithPassphrase } from './usePassphrase.tsx';

/** A bundle file as the page knows it: a reference the host handed over, never a path. */
interface Candidate {
  ref: string;
  name: string;
  size: number;
  modifiedAt: string | null;
}

/** Where the list came from: chosen files, a folder (its name as the host shows it), or files opened with the program. */
type Source = { kind: 'picked' } | { kind: 'folder'; dir: string } | { kind: 'opened' };

type Run =
  | { kind: 'idle' }
  | { kind: 'running'; dryRun: boolean; progress: JobProgress | null }
  | { kind: 'results'; dryRun: boolean; results: BundleImportResult[] };

interface ImportCardProps {
  /** 导入数据包 (bureau) or 导入市局数据包 (office) */
  title: string;
  intro: string;
  withPassphrase: WithPassphrase;
  onImported: () => void;
}

const fromPicked = (files: PickedFile[]): Candidate[] => files.map((f) => ({ ...f, modifiedAt: null }));

/**
 * 选择数据包… (the host's file dialog, several at once), 选择文件夹… (the desktop app's
 * folder dialog) or 查看数据文件夹 → the .qklb files to tick → 预览 (nothing written)
 * or 导入, with progress and 取消; per bundle what would change or changed, and every
 * refusal in red with its reason. Bundles opened with the program (double-click, a
 * drop on the window) arrive here and are previewed at once.
 */
export function ImportCard({ title, intro, withPassphrase, onImported }: ImportCardProps) {
  const { t } = useTranslation();
  const host = useHostStatus();
  const [files, setFiles] = useState<Candidate[] | null>(null);
  const [source, setSource] = useState<Source>({ kind: 'picked' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [choosing, setChoosing] = useState(false);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const [notice, setNotice] = useState<Notice>(null);
  const [cancelling, setCancelling] = useState(false);
  const jobRef = useRef<RunningJob<BundleImportResult[]> | null>(null);
  const runningRef = useRef(false);

  // leaving the page stops a running preview or import (each bundle is all or nothing)
  useEffect(
    () => () => {
      if (jobRef.current) void jobRef.current.cancel().catch(() => undefined);
    },
    [],
  );

  const start = useCallback(
    async (dryRun: boolean, refs: string[]) => {
      if (refs.length === 0 || runningRef.current) return;
      runningRef.current = true;
      setNotice(null);
      setCancelling(false);
      setRun({ kind: 'running', dryRun, progress: null });
      try {
        const results = await withPassphrase((passphrase) => {
          const job = runJob(
            (jobId) => api.call('bundles.import', { jobId, paths: refs, dryRun, ...(passphrase !== undefined ? { passphrase } : {}) }),
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
        runningRef.current = false;
      }
    },
    [withPassphrase, onImported, t],
  );

  const show = useCallback((list: Candidate[], from: Source) => {
    setFiles(list);
    setSource(from);
    setSelected(new Set(list.map((f) => f.ref)));
    setRun({ kind: 'idle' });
  }, []);

  // bundles opened with the program: listed and previewed without another click
  useEffect(() => {
    const takeOpened = () => {
      const opened = openedBundles.take();
      if (opened.length === 0) return;
      show(fromPicked(opened), { kind: 'opened' });
      void start(true, opened.map((f) => f.ref));
    };
    takeOpened();
    return openedBundles.subscribe(takeOpened);
  }, [show, start]);

  const choose = async (how: 'files' | 'folder' | 'data-folder') => {
    setChoosing(true);
    setNotice(null);
    try {
      if (how === 'files') {
        const picked = await api.call('host.pickFile', { purpose: 'bundle', multiple: true });
        if (picked.files.length > 0) show(fromPicked(picked.files), { kind: 'picked' });
        return;
      }
      let dir: string | undefined;
      if (how === 'folder') {
        const picked = await api.call('host.pickFolder', { purpose: 'bundle-import' });
        if (!picked.folder) return;
        dir = picked.folder.ref;
      }
      const scan = await api.call('bundles.scan', dir ? { dir } : {});
      show(
        scan.files.map((f) => ({ ref: f.path, name: f.fileName, size: f.size, modifiedAt: f.modifiedAt })),
        { kind: 'folder', dir: scan.dir },
      );
    } catch (error) {
      setNotice(failureNotice(t, error));
    } finally {
      setChoosing(false);
    }
  };

  const cancel = () => {
    setCancelling(true);
    void jobRef.current?.cancel().catch(() => setCancelling(false));
  };

  const toggle = (ref: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(ref);
      else next.delete(ref);
      return next;
    });

  const list = files ?? [];
  const allSelected = list.length > 0 && list.every((f) => selected.has(f.ref));
  const running = run.kind === 'running';
  const chosenRefs = list.filter((f) => selected.has(f.ref)).map((f) => f.ref);

  return (
    <section className="panel" aria-labelledby="bundle-import-title" data-testid="bundle-import">
      <h2 id="bundle-import-title" className="section-title">
        {title}
      </h2>
      <p className="muted">{intro}</p>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => void choose('files')} disabled={choosing || running}>
          {t('bundles.import.pickFiles')}
        </button>
        {host?.canPickFolder && (
          <button type="button" className="button" onClick={() => void choose('folder')} disabled={choosing || running}>
            {t('bundles.import.pickFolder')}
          </button>
        )}
        <button type="button" className="button button-link" onClick={() => void choose('data-folder')} disabled={choosing || running}>
          {t('bundles.import.scanDataFolder')}
        </button>
        {choosing && <span className="muted">{t('bundles.import.scanning')}</span>}
      </div>
      <p className="muted">{t('bundles.import.pickHint')}</p>
      <NoticeLine notice={notice} testId="import-bundles-notice" />
      {files && (
        <>
          <div className="muted" data-testid="scan-summary">
            {source.kind === 'folder'
              ? list.length === 0
                ? t('bundles.import.noneFound', { dir: source.dir })
                : t('bundles.import.found', { count: list.length, dir: source.dir })
              : source.kind === 'opened'
                ? t('bundles.import.opened', { count: list.length })
                : t('bundles.import.picked', { count: list.length })}
          </div>
          {list.length > 0 && (
            <table className="counts-table" data-testid="scan-files">
              <thead>
                <tr>
                  <th>
                    <label className="checkbox">
                      <input type="checkbox" checked={allSelected} onChange={(e) => setSelected(new Set(e.target.checked ? list.map((f) => f.ref) : []))} disabled={running} />
                      {t('bundles.import.selectAll')}
                    </label>
                  </th>
                  <th>{t('bundles.import.column.fileName')}</th>
                  <th className="num">{t('bundles.import.column.size')}</th>
                  <th>{t('bundles.import.column.modifiedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((f) => (
                  <tr key={f.ref} data-file={f.name}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('bundles.import.choose', { name: f.name })}
                        checked={selected.has(f.ref)}
                        onChange={(e) => toggle(f.ref, e.target.checked)}
                        disabled={running}
                      />
                    </td>
                    <td className="mono">{f.name}</td>
                    <td className="num">{formatSize(t, f.size)}</td>
                    <td>{formatDateTime(f.modifiedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {list.length > 0 && (
            <div className="form-actions form-actions-start">
              <button type="button" className="button" onClick={() => void start(true, chosenRefs)} disabled={running || chosenRefs.length === 0}>
                {t('bundles.import.preview')}
              </button>
              <button type="button" className="button button-primary" onClick={() => void start(false, chosenRefs)} disabled={running || chosenRefs.length === 0}>
                {t('bundles.import.import')}
              </button>
              <span className="muted">
                {t('bundles.import.chosen', { count: chosenRefs.length })}
                {t('bundles.listSeparator')}
                {t('bundles.import.atomic')}
              </span>
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
