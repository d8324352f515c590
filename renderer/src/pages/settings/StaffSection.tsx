import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../electron/api/schemas/people.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useOperatorSession } from '../../app/operator-context.ts';
import { Modal } from '../../components/Modal.tsx';
import { StaffForm } from '../people/StaffForm.tsx';

/** 经办人员: who may be chosen as 经办人 on this desk; added, renamed, deactivated (never deleted) or restored. */
export function StaffSection() {
  const { t } = useTranslation();
  const { operator, refreshOperator } = useOperatorSession();
  const [rows, setRows] = useState<Staff[]>([]);
  const [editing, setEditing] = useState<{ staff: Staff | null } | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setRows(await api.call('staff.list', { includeInactive: true }));
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const setActive = async (person: Staff, active: boolean) => {
    setMessage(null);
    try {
      const saved = await api.call('staff.update', { id: person.id, version: person.version, active });
      setMessage({ tone: 'ok', text: t(active ? 'people.section.restored' : 'people.section.deactivated', { name: saved.name }) });
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
    void load();
    refreshOperator();
  };

  return (
    <section className="panel" aria-labelledby="staff-title" data-testid="staff-section">
      <h2 id="staff-title" className="section-title">
        {t('people.section.title')}
      </h2>
      <p className="muted">{t('people.section.intro')}</p>
      {message && (
        <div className={`status status-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </div>
      )}
      <div className="toolbar">
        <button type="button" className="button button-primary" onClick={() => setEditing({ staff: null })}>
          {t('people.section.add')}
        </button>
      </div>
      <table className="staff-table">
        <thead>
          <tr>
            <th>{t('people.section.columnName')}</th>
            <th>{t('people.section.columnTitle')}</th>
            <th>{t('people.section.columnState')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((person) => (
            <tr key={person.id}>
              <td>
                {person.name}
                {person.id === operator.staffId && <span className="muted">{t('people.section.current')}</span>}
              </td>
              <td>{person.title}</td>
              <td>{person.active ? t('people.section.active') : t('people.section.inactive')}</td>
              <td className="staff-actions">
                <button type="button" className="button" onClick={() => setEditing({ staff: person })} aria-label={`${t('people.section.edit')} ${person.name}`}>
                  {t('people.section.edit')}
                </button>
                <button type="button" className="button" onClick={() => void setActive(person, !person.active)} aria-label={`${t(person.active ? 'people.section.deactivate' : 'people.section.restore')} ${person.name}`}>
                  {t(person.active ? 'people.section.deactivate' : 'people.section.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <Modal title={editing.staff ? t('people.section.editTitle') : t('people.chooser.addTitle')} onClose={() => setEditing(null)}>
          <StaffForm
            staff={editing.staff ?? undefined}
            submitLabel={editing.staff ? t('people.form.save') : t('people.form.add')}
            onCancel={() => setEditing(null)}
            onSaved={(saved) => {
              setEditing(null);
              setMessage({ tone: 'ok', text: t('people.section.saved', { name: saved.name }) });
              void load();
              refreshOperator();
            }}
          />
        </Modal>
      )}
    </section>
  );
}
