import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import type { KeysStatus, TrustedKey } from '../../../../electron/api/schemas/keys.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { saveFile } from '../../files/download.ts';
import { formatDate } from '../../format/time.ts';
import { Fingerprint } from './Fingerprint.tsx';
import { ChangePassphraseDialog } from './ChangePassphraseDialog.tsx';
import { KeyActionDialog } from './KeyActionDialog.tsx';
import { RecoverySheetView } from './RecoverySheetView.tsx';
import { RevokeDialog } from './RevokeDialog.tsx';
import { TrustedKeysTable } from './TrustedKeysTable.tsx';
import { TrustPanel } from './TrustPanel.tsx';
import './keys.css';

type Dialog = { kind: 'create' } | { kind: 'rotate' } | { kind: 'recovery' } | { kind: 'passphrase' } | { kind: 'revoke'; key: TrustedKey };
type Message = { tone: 'ok' | 'error'; text: string };

/** 密钥与信任: this node's fingerprint and .pub, the other nodes' keys it trusts, rotation and (bureau) the recovery sheet. */
export function KeysPage() {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const [status, setStatus] = useState<KeysStatus | null>(null);
  const [trusted, setTrusted] = useState<TrustedKey[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [sheet, setSheet] = useState<CallOutput<'keys.recoverySheet'> | null>(null);
  const [exporting, setExporting] = useState(false);
  // bureau rotation: the old key may be in wrong hands, offices revoke it with this reason
  const [revokeOld, setRevokeOld] = useState(false);
  const [revokeReason, setRevokeReason] = useState('');

  const load = useCallback(async () => {
    try {
      const [s, list] = await Promise.all([api.call('keys.status', {}), api.call('keys.trusted', {})]);
      setStatus(s);
      setTrusted(list);
      setLoadError(null);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const exportPub = async () => {
    setExporting(true);
    try {
      const file = await api.call('keys.exportPublic', {});
      await saveFile(file);
      setMessage({ tone: 'ok', text: t('keys.exported', { fileName: file.fileName }) });
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  };

  const closeSheet = useCallback(() => setSheet(null), []);
  // A passphrase is asked where the keys are sealed with one; 'new' where new keys will be.
  const existing = status?.protection === 'passphrase' ? 'existing' : 'none';
  const isBureau = node.role === 'bureau';

  return (
    <section className="page keys-page" aria-labelledby="keys-title">
      <div className="page-header">
        <h1 id="keys-title" className="page-title">
          {t('keys.title')}
        </h1>
        {message && (
          <div className={`status status-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'} data-testid="keys-status">
            {message.text}
          </div>
        )}
      </div>
      <p className="muted keys-intro">{t('keys.intro')}</p>
      {loadError && (
        <div className="notice notice-error" role="alert">
          {loadError}
        </div>
      )}

      {status && (
        <section className="panel" aria-labelledby="own-keys-title">
          <h2 id="own-keys-title" className="section-title">
            {t('keys.own')}
          </h2>
          {!status.signing ? (
            <>
              <div className="notice notice-error" role="status" data-testid="no-keys">
                {t('keys.noKeys')}
              </div>
              <div className="toolbar">
                <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'create' })}>
                  {t('keys.create')}
                </button>
              </div>
            </>
          ) : (
            <>
              <div className="fingerprint-label">{t('keys.fingerprint')}</div>
              <Fingerprint value={status.signing.fingerprint} testId="own-fingerprint" />
              <p className="muted">{t('keys.fingerprintHint')}</p>
              <dl className="facts">
                <dt>{t('keys.keyId')}</dt>
                <dd className="mono">{status.signing.keyId}</dd>
                <dt>{t('keys.createdAt')}</dt>
                <dd>{formatDate(status.signing.createdAt)}</dd>
                <dt>{t('keys.protection')}</dt>
                <dd>{status.protection ? t(`keys.protectionName.${status.protection}`) : ''}</dd>
                {status.recipients.map((r) => (
                  <RecipientFact key={r.recipient} purpose={r.purpose} recipient={r.recipient} showPurpose={status.recipients.length > 1} />
                ))}
              </dl>
              <div className="toolbar">
                <button type="button" className="button button-primary" onClick={() => void exportPub()} disabled={exporting}>
                  {t('keys.exportPub')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setRevokeOld(false);
                    setRevokeReason('');
                    setDialog({ kind: 'rotate' });
                  }}
                >
                  {t('keys.rotate')}
                </button>
                {status.passphraseSealed > 0 && (
                  <button type="button" className="button" onClick={() => setDialog({ kind: 'passphrase' })}>
                    {t('keys.changePassphrase')}
                  </button>
                )}
                {isBureau && (
                  <button type="button" className="button" onClick={() => setDialog({ kind: 'recovery' })}>
                    {t('keys.recovery')}
                  </button>
                )}
              </div>
            </>
          )}
        </section>
      )}

      <TrustPanel
        role={node.role}
        onTrusted={(key) => {
          setMessage({ tone: 'ok', text: t('keys.trusted', { name: key.nodeName }) });
          void load();
        }}
      />

      <section className="panel" aria-labelledby="trusted-title">
        <h2 id="trusted-title" className="section-title">
          {t('keys.trustedList')}
        </h2>
        <TrustedKeysTable keys={trusted} onRevoke={(key) => setDialog({ kind: 'revoke', key })} />
      </section>

      {dialog?.kind === 'create' && status && (
        <KeyActionDialog
          title={t('keys.createDialog.title')}
          passphrase={status.safeStorageAvailable ? 'none' : 'new'}
          confirmLabel={t('keys.createDialog.confirm')}
          busyLabel={t('keys.createDialog.creating')}
          onClose={() => setDialog(null)}
          onSubmit={async (passphrase) => {
            setStatus(await api.call('keys.create', passphrase === undefined ? {} : { passphrase }));
            setDialog(null);
            setMessage({ tone: 'ok', text: t('keys.created') });
          }}
        >
          <p>{t('keys.createDialog.question')}</p>
        </KeyActionDialog>
      )}
      {dialog?.kind === 'rotate' && (
        <KeyActionDialog
          title={t('keys.rotateDialog.title')}
          passphrase={existing}
          confirmLabel={t('keys.rotateDialog.confirm')}
          busyLabel={t('keys.rotateDialog.rotating')}
          danger
          onClose={() => setDialog(null)}
          onSubmit={async (passphrase) => {
            const revoke = isBureau && revokeOld ? { revokeReason: revokeReason.trim() } : {};
            setStatus(await api.call('keys.rotate', { ...(passphrase === undefined ? {} : { passphrase }), ...revoke }));
            setDialog(null);
            setMessage({ tone: 'ok', text: isBureau ? t('keys.rotatedBureau') : t('keys.rotated') });
            void load();
          }}
        >
          <p className="confirm-question">{t('keys.rotateDialog.question')}</p>
          <p>{isBureau ? t('keys.rotateDialog.effectBureau') : t('keys.rotateDialog.effect')}</p>
          {isBureau && <p>{t('keys.rotateDialog.bureauNote')}</p>}
          {isBureau && (
            <div className="form-stack">
              <label className="checkbox">
                <input type="checkbox" checked={revokeOld} onChange={(e) => setRevokeOld(e.target.checked)} />
                {t('keys.rotateDialog.revokeOld')}
              </label>
              {revokeOld && (
                <label className="field">
                  <span className="field-label">{t('keys.rotateDialog.revokeReason')}</span>
                  <input type="text" maxLength={200} value={revokeReason} placeholder={t('keys.revokeDialog.reasonPlaceholder')} onChange={(e) => setRevokeReason(e.target.value)} />
                </label>
              )}
            </div>
          )}
        </KeyActionDialog>
      )}
      {dialog?.kind === 'recovery' && (
        <KeyActionDialog
          title={t('keys.recoveryDialog.title')}
          passphrase={existing}
          confirmLabel={t('keys.recoveryDialog.confirm')}
          busyLabel={t('keys.recoveryDialog.opening')}
          onClose={() => setDialog(null)}
          onSubmit={async (passphrase) => {
            setSheet(await api.call('keys.recoverySheet', passphrase === undefined ? {} : { passphrase }));
            setDialog(null);
          }}
        >
          <p>{t('keys.recoveryDialog.question')}</p>
        </KeyActionDialog>
      )}
      {dialog?.kind === 'passphrase' && status && (
        <ChangePassphraseDialog
          keys={status.passphraseSealed}
          onClose={() => setDialog(null)}
          onChanged={(resealed) => {
            setDialog(null);
            setMessage({ tone: 'ok', text: t('keys.passphraseChanged', { count: resealed }) });
            void load();
          }}
        />
      )}
      {dialog?.kind === 'revoke' && (
        <RevokeDialog
          trustedKey={dialog.key}
          onClose={() => setDialog(null)}
          onRevoked={(key) => {
            setDialog(null);
            setMessage({ tone: 'ok', text: t('keys.revoked', { name: key.nodeName }) });
            void load();
          }}
        />
      )}
      {sheet && <RecoverySheetView sheet={sheet} onClose={closeSheet} />}
    </section>
  );
}

function RecipientFact({ purpose, recipient, showPurpose }: { purpose: 'age' | 'age-backup'; recipient: string; showPurpose: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{showPurpose ? `${t('keys.recipients')}（${t(`keys.recipientPurpose.${purpose}`)}）` : t('keys.recipients')}</dt>
      <dd className="mono break">{recipient}</dd>
    </>
  );
}
