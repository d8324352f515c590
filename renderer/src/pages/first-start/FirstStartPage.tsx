import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { District } from '../../../../electron/api/schemas/district.ts';
import type { NodeIdentity, NodeRole } from '../../../../electron/api/schemas/node.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';
import { PassphraseFields, validatePassphrase } from '../keys/PassphraseFields.tsx';

const roles: NodeRole[] = ['district', 'training', 'bureau'];
const formFields = ['role', 'name', 'districtId', 'passphrase'] as const;

interface FirstStartPageProps {
  districts: District[];
  onDone: (node: NodeIdentity) => void;
}

/**
 * Chooses which office this installation is; node.init makes it permanent and makes
 * the node's keys, sealed with the passphrase chosen here where the host has no
 * safeStorage (the browser host, Linux without a keyring).
 */
export function FirstStartPage({ districts, onDone }: FirstStartPageProps) {
  const { t } = useTranslation();
  const [role, setRole] = useState<NodeRole>('district');
  const [name, setName] = useState('');
  // Until the user types a name, choosing a district proposes "<district>分局".
  const [nameTouched, setNameTouched] = useState(false);
  const [districtId, setDistrictId] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [passphraseError, setPassphraseError] = useState<{ field: 'passphrase' | 'again'; message: string } | null>(null);
  // null until the host said whether it has safeStorage; asked for when unsure
  const [needsPassphrase, setNeedsPassphrase] = useState<boolean | null>(null);

  useEffect(() => {
    let live = true;
    api.call('keys.status', {}).then(
      (status) => live && setNeedsPassphrase(!status.safeStorageAvailable),
      () => live && setNeedsPassphrase(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const chooseDistrict = (id: string) => {
    setDistrictId(id);
    const district = districts.find((d) => d.id === id);
    if (!nameTouched) setName(district ? t('firstStart.defaultName', { district: district.name }) : '');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The core accepts a district node without a district; the UI asks for one (brief: required here).
    if (role === 'district' && !districtId) return setError({ field: 'districtId', message: t('firstStart.districtRequired') });
    if (!name.trim()) return setError({ field: 'name', message: t('firstStart.nameRequired') });
    const askPassphrase = needsPassphrase !== false;
    const problem = askPassphrase ? validatePassphrase('new', passphrase, again, t) : null;
    setPassphraseError(problem);
    if (problem) return setError(null);
    setBusy(true);
    setError(null);
    try {
      const node = await api.call('node.init', {
        role,
        name,
        districtId: role === 'district' ? districtId : null,
        ...(askPassphrase ? { passphrase } : {}),
      });
      onDone(node);
    } catch (e) {
      const formError = toFormError(e, formFields);
      if (formError.field === 'passphrase') {
        setPassphraseError({ field: 'passphrase', message: formError.message });
        setError(null);
      } else {
        setError(formError);
      }
      setBusy(false);
    }
  };

  const fieldError = (field: (typeof formFields)[number]) => (error?.field === field ? error.message : undefined);

  return (
    <div className="first-start">
      <form className="first-start-card" onSubmit={submit} noValidate aria-labelledby="first-start-title">
        <div className="first-start-brand">{t('app.title')}</div>
        <h1 id="first-start-title" className="page-title">
          {t('firstStart.title')}
        </h1>
        <p className="first-start-intro">{t('firstStart.intro')}</p>
        {error && !error.field && (
          <div className="notice notice-error" role="alert">
            {error.message}
          </div>
        )}
        <fieldset className="role-choice">
          <legend className="field-label">{t('firstStart.role')}</legend>
          {roles.map((r) => (
            <label key={r} className={`role-option${role === r ? ' role-option-selected' : ''}`}>
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              <span className="role-name">{t(`app.role.${r}`)}</span>
              <span className="role-hint">{t(`firstStart.roleHint.${r}`)}</span>
            </label>
          ))}
          {fieldError('role') && <div className="field-error">{fieldError('role')}</div>}
        </fieldset>
        {role === 'district' && (
          <Field label={t('firstStart.district')} required error={fieldError('districtId')}>
            {(control) => (
              <select {...control} value={districtId} onChange={(e) => chooseDistrict(e.target.value)}>
                <option value="">{t('firstStart.chooseDistrict')}</option>
                {districts.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('firstStart.name')} required error={fieldError('name')}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={name}
              maxLength={60}
              placeholder={t('firstStart.namePlaceholder')}
              onChange={(e) => {
                setName(e.target.value);
                setNameTouched(true);
              }}
            />
          )}
        </Field>
        {needsPassphrase === false ? (
          <p className="muted">{t('firstStart.safeStorageNote')}</p>
        ) : (
          <PassphraseFields
            mode="new"
            value={passphrase}
            again={again}
            onValue={setPassphrase}
            onAgain={setAgain}
            error={passphraseError}
            labels={{ passphrase: t('firstStart.passphrase'), again: t('firstStart.passphraseConfirm'), hint: t('firstStart.passphraseHint') }}
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('firstStart.submitting') : t('firstStart.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
