import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisorWork, WorkKind, WorkLogEntry } from '../../../../../electron/api/schemas/chain-work.ts';
import { api } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { FormErrorSummary } from '../../../components/FormErrorSummary.tsx';
import { Modal } from '../../../components/Modal.tsx';
import { useSubmit } from '../../../components/useSubmit.ts';
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
  // not a FormDialog: the log is read here, the form to add to it is shown only to who may
  const submit = useSubmit(fields);
  const { fail } = submit;

  const load = useCallback(async () => {
    setEntries(await api.call('chain.supervisorLog', { managerId: supervisor.managerId }));
  }, [supervisor.managerId]);
  useEffect(() => {
    load().catch(fail);
  }, [load, fail]);

  const add = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      await api.call('chain.addSupervisorWork', { managerId: supervisor.managerId, doneOn, kind, content });
      setContent('');
      await load();
      onChanged();
    });
  };
  const remove = (entry: WorkLogEntry) => {
    const { version } = entry;
    if (version === null || !window.confirm(t('chainWork.supervisors.confirmRemove'))) return;
    void submit.run(async () => {
      await api.call('chain.removeSupervisorWork', { id: entry.id, version });
      await load();
      onChanged();
    });
  };
  const err = submit.of;
  const title = t('chainWork.supervisors.logTitle', { name: supervisor.name });

  return (
    <Modal title={title} onClose={onClose} busy={submit.busy} size="large">
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
                <button type="button" className="button" onClick={() => remove(e)}>
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
            <button type="submit" className="button button-primary" disabled={submit.busy}>
              {t('chainWork.supervisors.add')}
            </button>
          </div>
        </form>
      )}
      <FormErrorSummary errors={submit.errors} />
    </Modal>
  );
}
