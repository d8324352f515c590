import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { failureNotice, NoticeLine, type Notice } from './notice.tsx';

/** 导入市局回执: the bureau's signed receipt (.qklr), chosen in the host's file dialog, marks the bundles it names as 已确认. */
export function ReceiptImportCard({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const chooseAndImport = async () => {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    try {
      const picked = await api.call('host.pickFile', { purpose: 'receipt', multiple: false });
      const receipt = picked.files[0];
      if (!receipt) return;
      const r = await api.call('bundles.importReceipt', { path: receipt.ref });
      const parts = [t('bundles.receipt.done', { count: r.acknowledged })];
      if (r.alreadyAcknowledged > 0) parts.push(t('bundles.receipt.already', { count: r.alreadyAcknowledged }));
      if (r.unknown > 0) parts.push(t('bundles.receipt.unknown', { count: r.unknown }));
      setNotice({ tone: r.unknown > 0 ? 'info' : 'ok', text: parts.join(t('bundles.listSeparator')) });
      onImported();
    } catch (error) {
      setNotice(failureNotice(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="receipt-import-title" data-testid="receipt-import">
      <h2 id="receipt-import-title" className="section-title">
        {t('bundles.receipt.title')}
      </h2>
      <p className="muted">{t('bundles.receipt.intro')}</p>
      <div className="form-actions form-actions-start">
        <button type="button" className="button button-primary" onClick={() => void chooseAndImport()} disabled={busy}>
          {busy ? t('bundles.receipt.running') : t('bundles.receipt.pick')}
        </button>
        <span className="muted">{t('bundles.receipt.pathHint')}</span>
      </div>
      <NoticeLine notice={notice} testId="receipt-notice" />
    </section>
  );
}
