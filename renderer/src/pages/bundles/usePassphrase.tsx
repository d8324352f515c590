import { useCallback, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Modal } from '../../components/Modal.tsx';
import { passphraseMemory } from '../../keys/passphrase-memory.ts';

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

type Answer = string | true | null;

interface Asking {
  /** 'passphrase': type it; 'confirm': the OS key store seals the keys, the user confirms it is them */
  kind: 'passphrase' | 'confirm';
  /** the core's message after a wrong passphrase; null on the first ask */
  error: string | null;
  resolve: (answer: Answer) => void;
}

/** Where the OS key store seals the current keys there is no passphrase to ask for. */
async function sealedByOsStore(): Promise<boolean> {
  return (await api.call('keys.status', {})).protection === 'safeStorage';
}

/**
 * Where the host has no safeStorage the private keys are sealed with a passphrase:
 * a call that needs one fails with PASSPHRASE_REQUIRED (or WRONG_PASSPHRASE), the
 * dialog asks, and the call runs again. A passphrase that worked is kept by the
 * page's passphrase memory (in memory only) until the set idle time passes without
 * input or the screen locks; after that the next call asks again. Where the OS key
 * store seals the keys, the user confirms instead, on the same terms.
 */
export function usePassphrase(): { withPassphrase: WithPassphrase; dialog: ReactNode } {
  // two calls failing together (an export and an import) share one dialog
  const prompt = useRef<Promise<Answer> | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);

  const ask = useCallback((kind: Asking['kind'], error: string | null) => {
    prompt.current ??= new Promise<Answer>((resolve) => setAsking({ kind, error, resolve })).finally(() => {
      prompt.current = null;
      setAsking(null);
    });
    return prompt.current;
  }, []);

  const withPassphrase = useCallback<WithPassphrase>(
    async (run) => {
      let passphrase = passphraseMemory.recall();
      if (passphrase === undefined && !passphraseMemory.confirmed() && (await sealedByOsStore())) {
        if ((await ask('confirm', null)) === null) throw new PassphraseCancelled();
        passphraseMemory.confirm();
      }
      for (;;) {
        try {
          const value = await run(passphrase);
          if (passphrase !== undefined) passphraseMemory.remember(passphrase);
          return value;
        } catch (error) {
          if (!needsPassphrase(error)) throw error;
          passphraseMemory.forget();
          // "required" on the first try is the normal case, not an error to show
          const shown = error.code === 'WRONG_PASSPHRASE' || passphrase !== undefined ? error.message : null;
          const entered = await ask('passphrase', shown);
          if (typeof entered !== 'string') throw new PassphraseCancelled();
          passphrase = entered;
        }
      }
    },
    [ask],
  );

  let dialog: ReactNode = null;
  if (asking?.kind === 'passphrase') dialog = <PassphraseDialog error={asking.error} onSubmit={(p) => asking.resolve(p)} onCancel={() => asking.resolve(null)} />;
  if (asking?.kind === 'confirm') dialog = <ConfirmDialog onConfirm={() => asking.resolve(true)} onCancel={() => asking.resolve(null)} />;
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

/** The OS key store holds the keys: no passphrase, but the person at the desk confirms before the key is used again. */
function ConfirmDialog({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('bundles.passphrase.confirmTitle')} onClose={onCancel}>
      <div className="form-stack" data-testid="key-use-confirm">
        <p>{t('bundles.passphrase.confirmIntro')}</p>
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" onClick={onConfirm} data-autofocus>
            {t('bundles.passphrase.confirmSubmit')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
