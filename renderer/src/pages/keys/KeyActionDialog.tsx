import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/client.ts';
import { Modal } from '../../components/Modal.tsx';
import { PassphraseFields, validatePassphrase, type PassphraseMode } from './PassphraseFields.tsx';

interface KeyActionDialogProps {
  title: string;
  children: ReactNode;
  /** 'new': choose one (twice, with the warning); 'existing': the one the keys are sealed with; 'none': safeStorage */
  passphrase: PassphraseMode;
  confirmLabel: string;
  busyLabel: string;
  danger?: boolean;
  /** runs the call; a passphrase error keeps the dialog open with the message at the field */
  onSubmit: (passphrase: string | undefined) => Promise<void>;
  onClose: () => void;
}

/**
 * Confirms an action on this node's keys and asks for the passphrase where the host
 * has no safeStorage. If the core asks for a passphrase the page did not expect
 * (keys sealed on another host), the field appears and the user tries again.
 */
export function KeyActionDialog({ title, children, passphrase, confirmLabel, busyLabel, danger, onSubmit, onClose }: KeyActionDialogProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<PassphraseMode>(passphrase);
  const [value, setValue] = useState('');
  const [again, setAgain] = useState('');
  const [fieldError, setFieldError] = useState<{ field: 'passphrase' | 'again'; message: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = validatePassphrase(mode, value, again, t);
    setFieldError(problem);
    setError(null);
    if (problem) return;
    setBusy(true);
    try {
      await onSubmit(mode === 'none' ? undefined : value);
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.code === 'PASSPHRASE_REQUIRED' && mode === 'none') {
        setMode('existing');
        setError(errorMessage(e));
      } else if (e instanceof ApiError && e.field === 'passphrase') {
        setFieldError({ field: 'passphrase', message: errorMessage(e) });
      } else {
        setError(errorMessage(e));
      }
    }
  };

  return (
    <Modal title={title} onClose={onClose} busy={busy} size="medium">
      <form className="form-stack" onSubmit={submit} noValidate>
        <div className="confirm-body">{children}</div>
        {error && (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        )}
        <PassphraseFields mode={mode} value={value} again={again} onValue={setValue} onAgain={setAgain} error={fieldError} />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={busy}>
            {busy ? busyLabel : confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
