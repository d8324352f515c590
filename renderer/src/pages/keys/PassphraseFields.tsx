import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.tsx';
import './keys.css';

export type PassphraseMode = 'new' | 'existing' | 'none';

export const MIN_PASSPHRASE_CHARS = 8;

export interface PassphraseError {
  field: 'passphrase' | 'again';
  message: string;
}

/** What the form can tell before calling: empty, too short, the two differ. */
export function validatePassphrase(mode: PassphraseMode, value: string, again: string, t: TFunction): PassphraseError | null {
  if (mode === 'none') return null;
  if (!value) return { field: 'passphrase', message: t('keys.passphrase.required') };
  if (mode === 'new' && [...value].length < MIN_PASSPHRASE_CHARS) return { field: 'passphrase', message: t('keys.passphrase.tooShort') };
  if (mode === 'new' && value !== again) return { field: 'again', message: t('keys.passphrase.mismatch') };
  return null;
}

interface PassphraseFieldsProps {
  mode: PassphraseMode;
  value: string;
  again: string;
  onValue: (value: string) => void;
  onAgain: (value: string) => void;
  error: PassphraseError | null;
  /** labels of the first-start page, which names the passphrase's purpose */
  labels?: { passphrase: string; again: string; hint?: string };
}

/** The passphrase (twice and with the red warning when a new one is chosen). Nothing when the host seals with safeStorage. */
export function PassphraseFields({ mode, value, again, onValue, onAgain, error, labels }: PassphraseFieldsProps) {
  const { t } = useTranslation();
  if (mode === 'none') return null;
  return (
    <div className="passphrase-fields">
      {mode === 'existing' && <p>{t('keys.passphrase.needed')}</p>}
      {mode === 'new' && !labels && <p>{t('keys.passphrase.newIntro')}</p>}
      <Field
        label={labels?.passphrase ?? t('keys.passphrase.label')}
        required
        hint={mode === 'new' ? labels?.hint : undefined}
        error={error?.field === 'passphrase' ? error.message : undefined}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            className="passphrase-input"
            autoComplete={mode === 'new' ? 'new-password' : 'current-password'}
            value={value}
            data-autofocus
            onChange={(e) => onValue(e.target.value)}
          />
        )}
      </Field>
      {mode === 'new' && (
        <>
          <Field label={labels?.again ?? t('keys.passphrase.confirmLabel')} required error={error?.field === 'again' ? error.message : undefined}>
            {(control) => (
              <input
                {...control}
                type="password"
                className="passphrase-input"
                autoComplete="new-password"
                value={again}
                onChange={(e) => onAgain(e.target.value)}
              />
            )}
          </Field>
          <div className="passphrase-warning" role="note">
            {t('keys.passphrase.warning')}
          </div>
        </>
      )}
    </div>
  );
}
