import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import { api, errorMessage } from '../../api/client.ts';
import { formatDateTime } from '../../format/time.ts';
import { AuditEntriesTable } from './AuditEntriesTable.tsx';

type Verification = CallOutput<'audit.verify'>;
type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; result: Verification; at: string };

/**
 * 审计日志 (设置): the chain verified against the anchors this node signed, the
 * problems by sequence number, and the newest entries (who, when, which call;
 * never the values).
 */
export function AuditPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);

  const verify = useCallback(async () => {
    setBusy(true);
    try {
      setState({ kind: 'ready', result: await api.call('audit.verify', {}), at: new Date().toISOString() });
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void verify();
  }, [verify]);

  return (
    <section className="page audit-page" aria-labelledby="audit-title">
      <h1 id="audit-title" className="page-title">
        {t('audit.title')}
      </h1>
      <p className="muted">{t('audit.intro')}</p>
      <section className="panel" aria-label={t('audit.verify')}>
        {state.kind === 'loading' && <div className="muted">{t('audit.verifying')}</div>}
        {state.kind === 'failed' && (
          <div className="notice notice-error" role="alert">
            {state.message}
          </div>
        )}
        {state.kind === 'ready' && <VerificationView result={state.result} />}
        <p>
          <button type="button" className="button" onClick={() => void verify()} disabled={busy}>
            {busy ? t('audit.verifying') : t('audit.verify')}
          </button>{' '}
          {state.kind === 'ready' && <span className="muted">{formatDateTime(state.at)}</span>}
        </p>
        <p className="muted">{t('audit.cli')}</p>
      </section>
      <section className="panel" aria-labelledby="audit-entries-title">
        <h2 id="audit-entries-title" className="section-title">
          {t('audit.entries')}
        </h2>
        <AuditEntriesTable />
      </section>
    </section>
  );
}

function VerificationView({ result }: { result: Verification }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <div data-testid="audit-verification">
        <div className="notice notice-ok" role="status">
          {result.anchoredSeq === null ? t('audit.ok', { entries: result.entries }) : t('audit.okAnchored', { entries: result.entries, anchored: result.anchoredSeq })}
        </div>
        {result.anchoredSeq === null && <p className="muted">{t('audit.notAnchored')}</p>}
      </div>
    );
  }
  return (
    <div className="notice notice-error" role="alert" data-testid="audit-verification">
      <p>{t('audit.failed', { count: result.problems.length })}</p>
      <ul data-testid="audit-problems">
        {result.problems.map((p, i) => (
          <li key={`${p.seq}-${i}`}>{p.message}</li>
        ))}
      </ul>
      <p>{t('audit.failedHint')}</p>
    </div>
  );
}
