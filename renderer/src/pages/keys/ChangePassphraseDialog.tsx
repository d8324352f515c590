import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorMessage } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Modal } from '../../components/Modal.tsx';
import { passphraseMemory } from '../../keys/passphrase-memory.ts';
import { PassphraseFields, validatePassphrase, type PassphraseError } from './PassphraseFields.tsx';

interface ChangePassphraseDialogProps {
  /** keys sealed with the passphrase now, current and retired: all of them are re-sealed */
  keys: number;
  onClose: () => void;
  onChanged: (resealed: number) => void;
}

/**
 * 更换口令: the old passphrase once, the new one twice with the red warning. Every
 * key sealed with it, retired ones too, moves to the new one in one step; the page
 * forgets the passphrase it kept.
 */
export function ChangePassphraseDialog({ keys, onClose, onChanged }: ChangePassphraseDialogProps) {
  const { t } = useTranslation();
  const [old, setOld] = useState('');
  const [oldError, setOldError] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const [again, setAgain] = useState('');
  const [newError, setNewError] = useState<PassphraseError | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = validatePassphrase('new', value, again, t);
    setOldError(old ? null : t('keys.passphrase.required'));
    setNewError(problem);
    setError(null);
    if (!old || problem) return;
    setBusy(true);
    try {
      const changed = await api.call('keys.changePassphrase', { passphrase: old, newPassphrase: value });
      passphraseMemory.forget();
      onChanged(changed.resealed);
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.field === 'passphrase') setOldError(errorMessage(e));
      else if (e instanceof ApiError && e.field === 'newPassphrase') setNewError({ field: 'passphrase', message: errorMessage(e) });
      else setError(errorMessage(e));
    }
  };

  return (
    <Modal title={t('keys.changePassphraseDialog.title')} onClose={onClose} busy={busy} size="medium">
      <form className="form-stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="confirm-body">
          <p>{t('keys.changePassphraseDialog.effect', { count: keys })}</p>
        </div>
        <Field label={t('keys.changePassphraseDialog.old')} required error={oldError ?? undefined}>
          {(control) => (
            <input {...control} type="password" className="passphrase-input" autoComplete="current-password" value={old} data-autofocus onChange={(e) => setOld(e.target.value)} />
          )}
        </Field>
        <PassphraseFields
          mode="new"
          value={value}
          again={again}
          onValue={setValue}
          onAgain={setAgain}
          error={newError}
          labels={{ passphrase: t('keys.changePassphraseDialog.new'), again: t('keys.changePassphraseDialog.again') }}
        />
        {error && (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('keys.changePassphraseDialog.changing') : t('keys.changePassphraseDialog.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
