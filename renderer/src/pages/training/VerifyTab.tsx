import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyResult } from '../../../../electron/api/schemas/certificates.ts';
import { api, errorMessage } from '../../api/client.ts';
import { formatDate } from '../../format/time.ts';
import { StatusNotice, type Status } from '../../components/StatusNotice.tsx';

/** 证书核验: a scanned or typed QR payload checked offline against the issuer's key and this node's records. */
export function VerifyTab() {
  const { t } = useTranslation();
  const [payload, setPayload] = useState('');
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    setResult(null);
    try {
      setResult(await api.call('training.verifyCertificate', { payload: payload.trim() }));
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  };

  const good = result?.status === 'genuine';
  return (
    <section aria-label={t('training.tab.verify')}>
      <form className="panel form-stack" onSubmit={submit}>
        <label htmlFor="verify-payload" className="field-label">
          {t('training.verify.label')}
        </label>
        <textarea id="verify-payload" rows={3} value={payload} onChange={(e) => setPayload(e.target.value)} placeholder={t('training.verify.placeholder')} />
        <p className="muted">{t('training.verify.hint')}</p>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={payload.trim() === ''}>
            {t('training.verify.submit')}
          </button>
        </div>
      </form>
      <StatusNotice status={status} />
      {result && (
        <div className={`verify-result ${good ? 'verify-genuine' : 'verify-bad'}`} role="status" data-testid="verify-result" data-status={result.status}>
          <strong>{t(`training.verify.status.${result.status}`)}</strong>
          <p>{result.message}</p>
          {result.certificateNo && (
            <dl className="training-facts">
              <dt>{t('training.pool.certificateNo')}</dt>
              <dd>{result.certificateNo}</dd>
              <dt>{t('training.pool.holder')}</dt>
              <dd>{result.holderName}</dd>
              <dt>{t('training.pool.unit')}</dt>
              <dd>{result.unitName ?? '—'}</dd>
              <dt>{t('training.pool.validUntil')}</dt>
              <dd>
                {formatDate(result.issueDate)} — {formatDate(result.validUntil)}
              </dd>
              <dt>{t('training.verify.issuer')}</dt>
              <dd>{result.issuerName ?? result.issuingNode}</dd>
              {result.revokedReason && (
                <>
                  <dt>{t('training.verify.revokedReason')}</dt>
                  <dd>{result.revokedReason}</dd>
                </>
              )}
            </dl>
          )}
        </div>
      )}
    </section>
  );
}
