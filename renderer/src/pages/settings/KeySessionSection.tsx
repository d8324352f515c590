import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';
import { passphraseMemory } from '../../keys/passphrase-memory.ts';

/**
 * 口令与锁屏: after how many minutes without input the app forgets the passphrase (and
 * asks again before signing). Locking the screen always forgets it at once.
 */
export function KeySessionSection() {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    api.call('keys.sessionSettings', {}).then(
      (s) => setMinutes(String(s.forgetAfterMinutes)),
      (e: unknown) => setError({ message: errorMessage(e) }),
    );
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const saved = await api.call('keys.updateSessionSettings', { forgetAfterMinutes: Number(minutes) });
      passphraseMemory.setIdleMinutes(saved.forgetAfterMinutes);
      setMinutes(String(saved.forgetAfterMinutes));
      setDone(true);
    } catch (e) {
      setError(toFormError(e, ['forgetAfterMinutes']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="key-session-title">
      <h2 id="key-session-title" className="section-title">
        {t('settings.keySession.title')}
      </h2>
      <p className="muted">{t('settings.keySession.hint')}</p>
      {minutes !== null && (
        <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="key-session-title">
          <Field label={t('settings.keySession.minutes')} hint={t('settings.keySession.minutesHint')} error={error?.field === 'forgetAfterMinutes' ? error.message : undefined}>
            {(control) => <input {...control} name="forgetAfterMinutes" type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} />}
          </Field>
          {error && !error.field && (
            <div className="notice notice-error" role="alert">
              {error.message}
            </div>
          )}
          <div className="form-actions">
            {done && (
              <span className="muted" role="status">
                {t('settings.keySession.saved')}
              </span>
            )}
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
