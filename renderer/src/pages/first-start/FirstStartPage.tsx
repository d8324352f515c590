import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { District } from '../../../../electron/api/schemas/district.ts';
import type { NodeIdentity, NodeRole } from '../../../../electron/api/schemas/node.ts';
import type { Session } from '../../../../electron/api/schemas/people.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { toFormErrors } from '../../components/form-errors.ts';
import { useMaxLengths } from '../../components/field-limits.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';
import { PassphraseFields, validatePassphrase } from '../keys/PassphraseFields.tsx';
import { useLoad } from '../../components/useLoad.ts';

const roles: NodeRole[] = ['district', 'training', 'bureau'];
const formFields = ['role', 'name', 'districtId', 'operatorName', 'operatorTitle', 'passphrase'] as const;

interface FirstStartPageProps {
  districts: District[];
  onDone: (node: NodeIdentity, session: Session) => void;
}

/**
 * Chooses which office this installation is; node.init makes it permanent and makes
 * the node's keys, sealed with the passphrase chosen here where the host has no
 * safeStorage (the browser host, Linux without a keyring). The person setting up is
 * the first of the staff list and the 经办人 of this session.
 */
export function FirstStartPage({ districts, onDone }: FirstStartPageProps) {
  const { t } = useTranslation();
  const [role, setRole] = useState<NodeRole>('district');
  const [name, setName] = useState('');
  // Until the user types a name, choosing a district proposes "<district>分局".
  const [nameTouched, setNameTouched] = useState(false);
  const [districtId, setDistrictId] = useState('');
  const [operatorName, setOperatorName] = useState('');
  const [operatorTitle, setOperatorTitle] = useState('');
  const errors = useFormErrors(formFields);
  const max = useMaxLengths('node.init');
  const [busy, setBusy] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [passphraseError, setPassphraseError] = useState<{ field: 'passphrase' | 'again'; message: string } | null>(null);
  // null until the host said whether it has safeStorage; asked for when unsure
  const { value: needsPassphrase } = useLoad(
    () =>
      api.call('keys.status', {}).then(
        (status) => !status.safeStorageAvailable,
        () => true,
      ),
    [],
  );

  const chooseDistrict = (id: string) => {
    setDistrictId(id);
    const district = districts.find((d) => d.id === id);
    if (!nameTouched) setName(district ? t('firstStart.defaultName', { district: district.name }) : '');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // everything the page can tell before calling, all at once; the core checks the rest
    errors.clear();
    const missing: Array<[(typeof formFields)[number], string]> = [];
    // The core accepts a district node without a district; the UI asks for one (brief: required here).
    if (role === 'district' && !districtId) missing.push(['districtId', t('firstStart.districtRequired')]);
    if (!name.trim()) missing.push(['name', t('firstStart.nameRequired')]);
    if (!operatorName.trim()) missing.push(['operatorName', t('people.firstStart.nameRequired')]);
    if (!operatorTitle.trim()) missing.push(['operatorTitle', t('people.firstStart.titleRequired')]);
    const askPassphrase = needsPassphrase !== false;
    const problem = askPassphrase ? validatePassphrase('new', passphrase, again, t) : null;
    setPassphraseError(problem);
    for (const [field, message] of missing) errors.setField(field, message);
    if (missing.length > 0 || problem) return;
    setBusy(true);
    try {
      const node = await api.call('node.init', {
        role,
        name,
        districtId: role === 'district' ? districtId : null,
        operatorName,
        operatorTitle,
        ...(askPassphrase ? { passphrase } : {}),
      });
      onDone(node, await api.call('session.get', {}));
    } catch (e) {
      errors.fail(e);
      // the passphrase fields keep their own error
      const passphraseIssue = toFormErrors(e, ['passphrase']).fields['passphrase'];
      if (passphraseIssue) setPassphraseError({ field: 'passphrase', message: passphraseIssue });
      setBusy(false);
    }
  };

  const fieldError = (field: (typeof formFields)[number]) => errors.of(field);

  return (
    <div className="first-start">
      <form className="first-start-card" onSubmit={submit} noValidate aria-labelledby="first-start-title">
        <div className="first-start-brand">{t('app.title')}</div>
        <h1 id="first-start-title" className="page-title">
          {t('firstStart.title')}
        </h1>
        <p className="first-start-intro">{t('firstStart.intro')}</p>
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
        <Field label={t('firstStart.name')} required error={fieldError('name')} maxLength={max('name')} length={name.length}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={name}
              placeholder={t('firstStart.namePlaceholder')}
              onChange={(e) => {
                setName(e.target.value);
                setNameTouched(true);
              }}
            />
          )}
        </Field>
        <fieldset className="first-start-operator">
          <legend className="field-label">{t('people.firstStart.legend')}</legend>
          <p className="muted">{t('people.firstStart.hint')}</p>
          <div className="form-grid">
            <Field label={t('people.firstStart.name')} required error={fieldError('operatorName')} maxLength={max('operatorName')} length={operatorName.length}>
              {(control) => <input {...control} type="text" name="operatorName" value={operatorName} autoComplete="off" onChange={(e) => setOperatorName(e.target.value)} />}
            </Field>
            <Field label={t('people.firstStart.title')} required error={fieldError('operatorTitle')} hint={t('people.form.titleHint')} maxLength={max('operatorTitle')} length={operatorTitle.length}>
              {(control) => <input {...control} type="text" name="operatorTitle" value={operatorTitle} list="first-start-titles" autoComplete="off" onChange={(e) => setOperatorTitle(e.target.value)} />}
            </Field>
          </div>
          <datalist id="first-start-titles">
            {t('people.titles', { returnObjects: true }).map((title) => (
              <option key={title} value={title} />
            ))}
          </datalist>
        </fieldset>
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
        <FormErrorSummary errors={errors.errors} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('firstStart.submitting') : t('firstStart.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
