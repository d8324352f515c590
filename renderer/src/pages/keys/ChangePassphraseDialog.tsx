import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { passphraseMemory } from '../../keys/passphrase-memory.ts';
import { PassphraseFields, validatePassphrase } from './PassphraseFields.tsx';
import { passphraseError } from './passphrase-error.ts';

interface ChangePassphraseDialogProps {
  /** keys sealed with the passphrase now, current and retired: all of them are re-sealed */
  keys: number;
  onClose: () => void;
  onChanged: (resealed: number) => void;
}

// the core names the old one `passphrase` and the new one `newPassphrase`
const alias = { passphrase: 'old', newPassphrase: 'new' };

/**
 * 更换口令: the old passphrase once, the new one twice with the red warning. Every
 * key sealed with it, retired ones too, moves to the new one in one step; the page
 * forgets the passphrase it kept.
 */
export function ChangePassphraseDialog({ keys, onClose, onChanged }: ChangePassphraseDialogProps) {
  const { t } = useTranslation();
  const [old, setOld] = useState('');
  const [value, setValue] = useState('');
  const [again, setAgain] = useState('');
  const submit = useSubmit(['old', 'new', 'again'], alias);

  const change = async () => {
    // both problems at once: the old one missing and the new one refused
    const problem = validatePassphrase('new', value, again, t);
    if (!old) submit.setField('old', t('keys.passphrase.required'));
    if (problem) submit.setField(problem.field === 'passphrase' ? 'new' : 'again', problem.message);
    if (!old || problem) return;
    const changed = await api.call('keys.changePassphrase', { passphrase: old, newPassphrase: value });
    passphraseMemory.forget();
    onChanged(changed.resealed);
  };

  return (
    <FormDialog
      title={t('keys.changePassphraseDialog.title')}
      onClose={onClose}
      submit={submit}
      onSubmit={change}
      size="medium"
      submitLabel={t('keys.changePassphraseDialog.confirm')}
      busyLabel={t('keys.changePassphraseDialog.changing')}
    >
      <div className="confirm-body">
        <p>{t('keys.changePassphraseDialog.effect', { count: keys })}</p>
      </div>
      <Field label={t('keys.changePassphraseDialog.old')} required error={submit.of('old')}>
        {(control) => <input {...control} type="password" className="passphrase-input" autoComplete="current-password" value={old} data-autofocus onChange={(e) => setOld(e.target.value)} />}
      </Field>
      <PassphraseFields
        mode="new"
        value={value}
        again={again}
        onValue={setValue}
        onAgain={setAgain}
        error={passphraseError(submit, 'new')}
        labels={{ passphrase: t('keys.changePassphraseDialog.new'), again: t('keys.changePassphraseDialog.again') }}
      />
    </FormDialog>
  );
}
