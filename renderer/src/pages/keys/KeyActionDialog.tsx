import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { PassphraseFields, validatePassphrase, type PassphraseMode } from './PassphraseFields.tsx';
import { passphraseError } from './passphrase-error.ts';

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
  const submit = useSubmit(['passphrase', 'again']);

  const run = async () => {
    const problem = validatePassphrase(mode, value, again, t);
    if (problem) return submit.setField(problem.field, problem.message);
    try {
      await onSubmit(mode === 'none' ? undefined : value);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'PASSPHRASE_REQUIRED' && mode === 'none')) throw e;
      // the message stays above the field that now appears, not at it: nothing was typed wrong
      setMode('existing');
      throw new ApiError(e.code, e.message);
    }
  };

  return (
    <FormDialog title={title} onClose={onClose} submit={submit} onSubmit={run} size="medium" submitLabel={confirmLabel} busyLabel={busyLabel} danger={danger}>
      <div className="confirm-body">{children}</div>
      <PassphraseFields mode={mode} value={value} again={again} onValue={setValue} onAgain={setAgain} error={passphraseError(submit)} />
    </FormDialog>
  );
}
