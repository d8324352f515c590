import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operator, Session, Staff } from '../../../../electron/api/schemas/people.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useLoad } from '../../components/useLoad.ts';
import { StaffForm } from './StaffForm.tsx';

interface ChooserProps {
  current: Operator | null;
  onChosen: (session: Session) => void;
}

/**
 * The staff list as buttons (Tab and Enter choose) and 新增人员: a person new to the
 * desk adds themselves and is chosen. Used full-page at start and in the switch dialog.
 */
export function OperatorChooser({ current, onChosen }: ChooserProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [chooseError, setError] = useState<string | null>(null);
  // nobody on the list yet: the first person at the desk adds themselves
  const list = useLoad(
    () =>
      api.call('staff.list', {}).then((people) => {
        if (people.length === 0) setAdding(true);
        return people;
      }),
    [],
  );
  const staff = list.value;
  const error = chooseError ?? list.error;

  const choose = async (person: Staff) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onChosen(await api.call('session.setOperator', { staffId: person.id }));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  const empty = staff !== null && staff.length === 0;
  return (
    <div className="operator-chooser" data-testid="operator-chooser">
      <p className="muted">{empty ? t('people.chooser.introFirst') : t('people.chooser.intro')}</p>
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      {staff && staff.length > 0 && (
        <ul className="operator-list" aria-label={t('people.chooser.listLabel')}>
          {staff.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                className="operator-option"
                aria-label={t('people.chooser.choose', { name: person.name })}
                aria-current={current?.staffId === person.id ? 'true' : undefined}
                disabled={busy}
                onClick={() => void choose(person)}
              >
                <span className="operator-name">{person.name}</span>
                <span className="operator-title">{person.title}</span>
                {current?.staffId === person.id && <span className="operator-current">{t('people.chooser.current')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <section className="operator-add" aria-label={t('people.chooser.addTitle')}>
          <h2 className="section-title">{t('people.chooser.addTitle')}</h2>
          <StaffForm
            submitLabel={t('people.form.add')}
            onCancel={() => setAdding(false)}
            onSaved={(person) => {
              // nobody chosen: the core made the new person the 经办人; else choose them now
              if (current) void choose(person);
              else void api.call('session.get', {}).then(onChosen, (e: unknown) => setError(errorMessage(e)));
            }}
          />
        </section>
      ) : (
        staff && (
          <div className="toolbar">
            <button type="button" className="button" onClick={() => setAdding(true)}>
              {t('people.chooser.add')}
            </button>
          </div>
        )
      )}
      <p className="muted operator-note">
        {t('people.chooser.restartNote')} {t('people.chooser.manageHint')}
      </p>
    </div>
  );
}
