import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptanceDetail } from '../../../../electron/api/schemas/acceptance.ts';
import type { Inspector } from '../../../../electron/api/schemas/blocks.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { UnitCombobox, type Candidate } from './UnitCombobox.tsx';

const OTHER = '__other__';
const fieldNames = ['unitId', 'inspectorId', 'targetDate'];

/** A new acceptance file (or the facts of an existing one): the unit, the phase, the guiding inspector (from the district's list or by hand), dates. */
export function CreateDialog({ file, onClose, onCreated }: { file?: AcceptanceDetail; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [noCandidates, setNoCandidates] = useState(false);
  const [inspectors, setInspectors] = useState<Inspector[]>([]);
  const [unit, setUnit] = useState<Candidate | null>(null);
  const unitId = file?.unitId ?? unit?.id ?? '';
  const [phase, setPhase] = useState<'pilot' | 'rollout'>(file?.phase ?? 'pilot');
  const [inspector, setInspector] = useState(file?.inspectorId ?? OTHER);
  const [inspectorName, setInspectorName] = useState(file && !file.inspectorId ? (file.inspectorName ?? '') : '');
  const [targetDate, setTargetDate] = useState(file?.targetDate ?? '');
  const [notes, setNotes] = useState(file?.notes ?? '');
  const submit = useSubmit(fieldNames);
  const { fail } = submit;

  useEffect(() => {
    if (!file) api.call('acceptance.candidates', { limit: 1 }).then((rows) => setNoCandidates(rows.length === 0), (e: unknown) => fail(e));
    // the inspectors list comes with the blocks work; without it the name is typed by hand
    api.call('inspectors.list', { includeInactive: false }).then(
      (list) => {
        setInspectors(list);
        if (list[0] && !file) setInspector(list[0].id);
      },
      () => setInspectors([]),
    );
  }, [file, fail]);

  const searchFailed = useCallback((message: string) => fail(new Error(message)), [fail]);

  const save = async () => {
    if (!unitId) {
      submit.setField('unitId', t('acceptance.form.choose'));
      return;
    }
    const fields = {
      phase,
      inspectorId: inspector === OTHER ? null : inspector,
      inspectorName: inspector === OTHER ? inspectorName : null,
      targetDate: targetDate || null,
      notes,
    };
    const detail = file
      ? await api.call('acceptance.update', { id: file.id, version: file.version, startedOn: file.startedOn, ...fields })
      : await api.call('acceptance.create', { unitId, ...fields });
    onCreated(detail.id);
  };

  return (
    <FormDialog
      title={file ? t('acceptance.file.edit') : t('acceptance.create')}
      onClose={onClose}
      submit={submit}
      onSubmit={save}
      size="medium"
      submitLabel={file ? t('common.save') : t('acceptance.form.save')}
      busyLabel={t('acceptance.form.saving')}
    >
      {!file && noCandidates && <div className="notice notice-info">{t('acceptance.form.noCandidates')}</div>}
      {file ? (
        <div>
          {t('acceptance.form.unit')}：<strong>{file.unitName}</strong>
        </div>
      ) : (
        <Field label={t('acceptance.form.unit')} required error={submit.of('unitId')}>
          {(control) => <UnitCombobox control={control} value={unit} onChange={setUnit} onError={searchFailed} />}
        </Field>
      )}
      <Field label={t('acceptance.form.phase')}>
        {(control) => (
          <select {...control} name="phase" value={phase} onChange={(e) => setPhase(e.target.value as 'pilot' | 'rollout')}>
            <option value="pilot">{t('acceptance.phase.pilot')}</option>
            <option value="rollout">{t('acceptance.phase.rollout')}</option>
          </select>
        )}
      </Field>
      <Field label={t('acceptance.form.inspector')} error={submit.of('inspectorId')}>
        {(control) => (
          <select {...control} name="inspector" value={inspector} onChange={(e) => setInspector(e.target.value)}>
            {inspectors.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
            <option value={OTHER}>{t('acceptance.form.inspectorOther')}</option>
          </select>
        )}
      </Field>
      {inspector === OTHER && (
        <Field label={t('acceptance.form.inspectorName')}>
          {(control) => <input {...control} name="inspectorName" value={inspectorName} maxLength={40} onChange={(e) => setInspectorName(e.target.value)} />}
        </Field>
      )}
      <Field label={t('acceptance.form.targetDate')} error={submit.of('targetDate')}>
        {(control) => <input {...control} name="targetDate" type="date" value={targetDate} onChange={(e) => setTargetDate(e.target.value)} />}
      </Field>
      <Field label={t('acceptance.form.notes')}>
        {(control) => <textarea {...control} name="notes" value={notes} maxLength={500} onChange={(e) => setNotes(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
