import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { failureNotice, NoticeLine, type Notice } from './notice.tsx';

/** 导入市局回执: the bureau's signed receipt (.qklr) marks the bundles it names as 已确认. */
export function ReceiptImportCard({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !path.trim()) return;
    setBusy(true);
    setNotice(null);
    try {
      const r = await api.call('bundles.importReceipt', { path: path.trim() });
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
      <form className="form-stack" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('bundles.receipt.path')} required hint={t('bundles.receipt.pathHint')}>
          {(control) => <input {...control} type="text" value={path} onChange={(e) => setPath(e.target.value)} disabled={busy} spellCheck={false} />}
        </Field>
        <div className="form-actions form-actions-start">
          <button type="submit" className="button button-primary" disabled={busy || !path.trim()}>
            {busy ? t('bundles.receipt.running') : t('bundles.receipt.submit')}
          </button>
        </div>
      </form>
      <NoticeLine notice={notice} testId="receipt-notice" />
    </section>
  );
}
