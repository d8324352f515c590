import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustedKey } from '../../../../electron/api/schemas/keys.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';

interface RevokeDialogProps {
  trustedKey: TrustedKey;
  onClose: () => void;
  onRevoked: (key: TrustedKey) => void;
}

/** Names whose key is revoked and what follows; a reason is required (it goes to the audit log). Cancel has the focus. */
export function RevokeDialog({ trustedKey, onClose, onRevoked }: RevokeDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = useSubmit(['reason']);

  const revoke = async () => {
    if (!reason.trim()) return submit.setField('reason', t('keys.revokeDialog.reasonRequired'));
    onRevoked(await api.call('keys.revoke', { keyId: trustedKey.keyId, reason: reason.trim() }));
  };

  return (
    <FormDialog
      title={t('keys.revokeDialog.title')}
      onClose={onClose}
      submit={submit}
      onSubmit={revoke}
      size="medium"
      submitLabel={t('keys.revokeDialog.confirm')}
      busyLabel={t('keys.revokeDialog.revoking')}
      danger
      focusCancel
    >
      <div className="confirm-body">
        <p className="confirm-question">{t('keys.revokeDialog.question', { name: trustedKey.nodeName })}</p>
        <p className="mono">{trustedKey.fingerprint}</p>
        <p>{t('keys.revokeDialog.effect')}</p>
      </div>
      <Field label={t('keys.revokeDialog.reason')} required error={submit.of('reason')}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={200}
            value={reason}
            placeholder={t('keys.revokeDialog.reasonPlaceholder')}
            onChange={(e) => {
              setReason(e.target.value);
              submit.clearField('reason');
            }}
          />
        )}
      </Field>
    </FormDialog>
  );
}
