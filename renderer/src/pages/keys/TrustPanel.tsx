import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicIdentityInfo, TrustedKey } from '../../../../electron/api/schemas/keys.ts';
import type { NodeRole } from '../../../../electron/api/schemas/node.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Fingerprint } from './Fingerprint.tsx';

const MAX_PUB_BYTES = 64 * 1024;

type State =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'failed'; message: string }
  | { kind: 'shown'; fileName: string; content: string; info: PublicIdentityInfo };

/**
 * 信任对方公钥: read a .pub as text, show whose it is and its fingerprint, and
 * trust it only after the user ticked that the fingerprint matched by phone.
 */
export function TrustPanel({ role, onTrusted }: { role: NodeRole; onTrusted: (key: TrustedKey) => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = async (file: File | undefined) => {
    setChecked(false);
    setError(null);
    if (!file) return setState({ kind: 'idle' });
    if (file.size > MAX_PUB_BYTES) return setState({ kind: 'failed', message: t('keys.trustTooLarge') });
    setState({ kind: 'reading' });
    try {
      const content = await file.text();
      const info = await api.call('keys.inspect', { content });
      setState({ kind: 'shown', fileName: file.name, content, info });
    } catch (e) {
      setState({ kind: 'failed', message: errorMessage(e) });
    }
  };

  const trust = async () => {
    if (state.kind !== 'shown' || !checked) return;
    setBusy(true);
    setError(null);
    try {
      const key = await api.call('keys.trust', { content: state.content, fingerprint: state.info.fingerprint });
      setState({ kind: 'idle' });
      setChecked(false);
      if (inputRef.current) inputRef.current.value = '';
      onTrusted(key);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="trust-title">
      <h2 id="trust-title" className="section-title">
        {t('keys.trustTitle')}
      </h2>
      <p className="muted">{role === 'bureau' ? t('keys.trustIntroBureau') : t('keys.trustIntroOffice')}</p>
      <div className="toolbar">
        <label htmlFor={inputId} className="field-label">
          {t('keys.chooseFile')}
        </label>
        <input ref={inputRef} id={inputId} type="file" accept=".pub,application/json" onChange={(e) => void choose(e.target.files?.[0])} />
      </div>
      {state.kind === 'reading' && <div className="muted">{t('keys.reading')}</div>}
      {state.kind === 'failed' && (
        <div className="notice notice-error" role="alert">
          {state.message}
        </div>
      )}
      {state.kind === 'shown' && (
        <div className="trust-candidate" data-testid="trust-candidate">
          <dl className="facts">
            <dt>{t('keys.otherNode')}</dt>
            <dd data-testid="candidate-name">{state.info.nodeName}</dd>
            <dt>{t('keys.otherRole')}</dt>
            <dd>{t(`app.role.${state.info.role}`)}</dd>
            <dt>{t('keys.otherKeyId')}</dt>
            <dd className="mono">{state.info.keyId}</dd>
          </dl>
          <div className="fingerprint-label">{t('keys.otherFingerprint')}</div>
          <Fingerprint value={state.info.fingerprint} testId="candidate-fingerprint" />
          <p className="muted">{t(`keys.actionName.${state.info.action}`)}</p>
          {state.info.alreadyTrusted ? (
            <div className="notice notice-info" role="status">
              {t('keys.alreadyTrusted')}
            </div>
          ) : (
            <>
              <p>{t('keys.phoneHint')}</p>
              <label className="checkbox trust-check">
                <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
                {t('keys.confirmCheck')}
              </label>
              {error && (
                <div className="notice notice-error" role="alert">
                  {error}
                </div>
              )}
              <div className="form-actions form-actions-start">
                <button type="button" className="button button-primary" disabled={!checked || busy} onClick={() => void trust()}>
                  {busy ? t('keys.trusting') : t('keys.trust')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
