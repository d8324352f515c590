import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import { api } from '../../api/client.ts';
import { SaveFileButton } from '../../host/SaveFileButton.tsx';
import { failureNotice, NoticeLine, type Notice } from './notice.tsx';
import type { WithPassphrase } from './usePassphrase.tsx';

type Written = CallOutput<'bundles.writeReceipts'>['receipts'];

/** The last part of a path the core reported, for display and as the name to save under. */
const fileNameOf = (file: string) => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/** 出具回执: one signed receipt per office with bundles not yet receipted, into the data folder's exchange/receipts; each one can be saved elsewhere (a USB stick). */
export function WriteReceiptsButton({ pending, withPassphrase, onWritten }: { pending: number; withPassphrase: WithPassphrase; onWritten: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [written, setWritten] = useState<Written>([]);

  const write = async () => {
    setBusy(true);
    setNotice(null);
    setWritten([]);
    try {
      const result = await withPassphrase((passphrase) => api.call('bundles.writeReceipts', passphrase !== undefined ? { passphrase } : {}));
      setWritten(result.receipts);
      setNotice(result.receipts.length === 0 ? { tone: 'info', text: t('bundles.received.nothingToWrite') } : { tone: 'ok', text: t('bundles.received.written', { count: result.receipts.length }) });
      onWritten();
    } catch (error) {
      setNotice(failureNotice(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="toolbar">
        <button type="button" className="button button-primary" onClick={() => void write()} disabled={busy}>
          {busy ? t('bundles.received.writing') : t('bundles.received.writeReceipts')}
        </button>
        <span className="muted">{pending > 0 ? t('bundles.received.pending', { count: pending }) : t('bundles.received.nonePending')}</span>
      </div>
      <NoticeLine notice={notice} testId="receipts-notice" />
      {written.length > 0 && (
        <>
          <p className="muted">{t('bundles.received.writtenHint')}</p>
          <ul className="plan-list" data-testid="receipts-written">
            {written.map((r) => (
              <li key={r.file} data-node={r.nodeName}>
                {t('bundles.received.writtenLine', { name: r.nodeName, count: r.bundles })} <span className="mono break">{fileNameOf(r.file)}</span>{' '}
                <SaveFileButton fileName={fileNameOf(r.file)} source={{ kind: 'ref', ref: r.ref }} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
