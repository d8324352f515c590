import { useCallback, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Modal } from '../../components/Modal.tsx';

/** The user closed the passphrase dialog: nothing was done. */
export class PassphraseCancelled extends Error {
  constructor() {
    super('passphrase cancelled');
    this.name = 'PassphraseCancelled';
  }
}

function needsPassphrase(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.code === 'PASSPHRASE_REQUIRED' || error.code === 'WRONG_PASSPHRASE');
}

/** Runs a call that may need this node's private key; receives the passphrase to send (undefined: none known yet). */
export type WithPassphrase = <T>(run: (passphrase: string | undefined) => Promise<T>) => Promise<T>;

interface Asking {
  /** the core's message after a wrong passphrase; null on the first ask */
  error: string | null;
  resolve: (passphrase: string | null) => void;
}

/**
 * Where the host has no safeStorage the private keys are sealed with a passphrase:
 * a call that needs one fails with PASSPHRASE_REQUIRED (or WRONG_PASSPHRASE), the
 * dialog asks, and the call runs again. A passphrase that worked is kept in memory
 * while the page is open, so preview and import do not ask twice; leaving the page forgets it.
 */
export function usePassphrase(): { withPassphrase: WithPassphrase; dialog: ReactNode } {
  const remembered = useRef<string | undefined>(undefined);
  // two calls failing together (an export and an import) share one dialog
  const prompt = useRef<Promise<string | null> | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);

  const withPassphrase = useCallback<WithPassphrase>(async (run) => {
    let passphrase = remembered.current;
    for (;;) {
      try {
        const value = await run(passphrase);
        if (passphrase !== undefined) remembered.current = passphrase;
        return value;
      } catch (error) {
        if (!needsPassphrase(error)) throw error;
        remembered.current = undefined;
        // "required" on the first try is the normal case, not an error to show
        const shown = error.code === 'WRONG_PASSPHRASE' || passphrase !== undefined ? error.message : null;
        prompt.current ??= new Promise<string | null>((resolve) => setAsking({ error: shown, resolve })).finally(() => {
          prompt.current = null;
          setAsking(null);
        });
        const entered = await prompt.current;
        if (entered === null) throw new PassphraseCancelled();
        passphrase = entered;
      }
    }
  }, []);

  const dialog = asking ? <PassphraseDialog error={asking.error} onSubmit={(p) => asking.resolve(p)} onCancel={() => asking.resolve(null)} /> : null;
  return { withPassphrase, dialog };
}

function PassphraseDialog({ error, onSubmit, onCancel }: { error: string | null; onSubmit: (passphrase: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.length > 0) onSubmit(value);
  };
  return (
    <Modal title={t('bundles.passphrase.title')} onClose={onCancel}>
      <form className="form-stack" onSubmit={submit} noValidate data-testid="passphrase-dialog">
        <p className="muted">{t('bundles.passphrase.intro')}</p>
        <Field label={t('bundles.passphrase.label')} required error={error ?? undefined} hint={t('bundles.passphrase.hint')}>
          {(control) => <input {...control} type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} data-autofocus />}
        </Field>
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={value.length === 0}>
            {t('bundles.passphrase.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
