import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisorWork, WorkKind, WorkLogEntry } from '../../../../../electron/api/schemas/chain-work.ts';
import { api, errorMessage } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { toFormError, type FormError } from '../../../components/form-errors.ts';
import { Modal } from '../../../components/Modal.tsx';
import { todayIso } from '../../../format/time.ts';

const kinds: WorkKind[] = ['check', 'feedback', 'meeting', 'inspection', 'training', 'other'];
const fields = ['doneOn', 'kind', 'content', 'blockId'];

/** One supervisor's work log, newest first (derived from the records, plus entries made by hand); a new manual entry. */
export function SupervisorLogDialog({ supervisor, canEdit, onClose, onChanged }: { supervisor: SupervisorWork; canEdit: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<WorkLogEntry[] | null>(null);
  const [doneOn, setDoneOn] = useState(todayIso());
  const [kind, setKind] = useState<WorkKind>('other');
  const [content, setContent] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  const load = useCallback(async () => {
    try {
      setEntries(await api.call('chain.supervisorLog', { managerId: supervisor.managerId }));
    } catch (e) {
      setError({ message: errorMessage(e) });
    }
  }, [supervisor.managerId]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.call('chain.addSupervisorWork', { managerId: supervisor.managerId, doneOn, kind, content });
      setContent('');
      await load();
      onChanged();
    } catch (e) {
      setError(toFormError(e, fields));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (entry: WorkLogEntry) => {
    if (entry.version === null || !window.confirm(t('chainWork.supervisors.confirmRemove'))) return;
    try {
      await api.call('chain.removeSupervisorWork', { id: entry.id, version: entry.version });
      await load();
      onChanged();
    } catch (e) {
      setError({ message: errorMessage(e) });
    }
  };
  const err = (f: string) => (error?.field === f ? error.message : undefined);
  const title = t('chainWork.supervisors.logTitle', { name: supervisor.name });

  return (
    <Modal title={title} onClose={onClose} busy={busy} size="large">
      {entries && entries.length === 0 && <p className="muted">{t('chainWork.supervisors.logEmpty')}</p>}
      {entries && entries.length > 0 && (
        <ul className="chain-work-log" data-testid="supervisor-log">
          {entries.map((e) => (
            <li key={`${e.source}-${e.id}`} data-source={e.source}>
              <span className="mono">{e.on}</span>
              <span className="tag">{t(`chainWork.supervisors.source.${e.source}`)}</span>
              <span className="chain-work-text">
                {e.text}
                {e.blockName && <span className="muted">（{e.blockName}）</span>}
              </span>
              {canEdit && e.removable && (
                <button type="button" className="button" onClick={() => void remove(e)}>
                  {t('chainWork.supervisors.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="form-grid" onSubmit={add} noValidate aria-label={t('chainWork.supervisors.addTitle')}>
          <h3 className="section-title field-wide">{t('chainWork.supervisors.addTitle')}</h3>
          <Field label={t('chainWork.supervisors.doneOn')} required error={err('doneOn')}>
            {(c) => <input {...c} type="date" value={doneOn} onChange={(e) => setDoneOn(e.target.value)} />}
          </Field>
          <Field label={t('chainWork.supervisors.kind')} required error={err('kind')}>
            {(c) => (
              <select {...c} value={kind} onChange={(e) => setKind(e.target.value as WorkKind)}>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`chainWork.supervisors.kindLabel.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('chainWork.supervisors.content')} required error={err('content')} className="field-wide">
            {(c) => <textarea {...c} rows={2} value={content} onChange={(e) => setContent(e.target.value)} />}
          </Field>
          <div className="form-actions field-wide">
            <button type="button" className="button" onClick={onClose}>
              {t('common.close')}
            </button>
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('chainWork.supervisors.add')}
            </button>
          </div>
        </form>
      )}
      {error && !error.field && (
        <div className="notice notice-error" role="alert">
          {error.message}
        </div>
      )}
    </Modal>
  );
}
