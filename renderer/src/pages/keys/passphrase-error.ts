import type { Submit } from '../../components/useSubmit.ts';
import type { PassphraseError } from './PassphraseFields.tsx';

/** The one message PassphraseFields shows, from a form's errors (`passphrase` is the new or only one, `again` its repetition). */
export function passphraseError(submit: Submit, field = 'passphrase'): PassphraseError | null {
  const first = submit.of(field);
  if (first) return { field: 'passphrase', message: first };
  const again = submit.of('again');
  return again ? { field: 'again', message: again } : null;
}
