import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustedKey } from '../../../../electron/api/schemas/keys.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Modal } from '../../components/Modal.tsx';

interface RevokeDialogProps {
  trustedKey: TrustedKey;
  onClose: () => void;
  onRevoked: (key: TrustedKey) => void;
}

/** Names whose key is revoked and what follows; a reason is required (it goes to the audit log). Cancel has the focus. */
export function RevokeDialog({ trustedKey, onClose, onRevoked }: RevokeDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!reason.trim()) return setReasonError(t('keys.revokeDialog.reasonRequired'));
    setReasonError(null);
    setError(null);
    setBusy(true);
    try {
      onRevoked(await api.call('keys.revoke', { keyId: trustedKey.keyId, reason: reason.trim() }));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Modal title={t('keys.revokeDialog.title')} onClose={onClose} busy={busy} size="medium">
      <form className="form-stack" onSubmit={submit} noValidate>
        <div className="confirm-body">
          <p className="confirm-question">{t('keys.revokeDialog.question', { name: trustedKey.nodeName })}</p>
          <p className="mono">{trustedKey.fingerprint}</p>
          <p>{t('keys.revokeDialog.effect')}</p>
        </div>
        <Field label={t('keys.revokeDialog.reason')} required error={reasonError ?? undefined}>
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={200}
              value={reason}
              placeholder={t('keys.revokeDialog.reasonPlaceholder')}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(null);
              }}
            />
          )}
        </Field>
        {error && (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy} data-autofocus>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-danger" disabled={busy}>
            {busy ? t('keys.revokeDialog.revoking') : t('keys.revokeDialog.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
