import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDetail } from '../../../../electron/api/schemas/inspections.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { readAsBase64 } from '../../files/read-file.ts';
import { problemsText } from '../hazards/HazardFindingFields.tsx';

const fields = ['description', 'level', 'measures', 'foundBy', 'evidence', 'equipmentId'];

/** A finding of the visit, registered as a hazard (一般 / 重大) of the unit through the hazards service. */
export function FindingDialog({ record, onClose, onDone }: { record: RecordDetail; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [description, setDescription] = useState(() => problemsText(record.items));
  const [level, setLevel] = useState<'general' | 'major'>('general');
  const [measures, setMeasures] = useState('');
  const [foundBy, setFoundBy] = useState('');
  const [evidence, setEvidence] = useState<Array<{ id: string; name: string }>>([]);
  const form = useSubmit(fields);
  const err = form.of;

  // the files go up while the dialog waits, like a save: it cannot be closed or sent meanwhile
  const upload = (files: FileList | null) => {
    if (!files) return;
    void form.run(async () => {
      try {
        for (const file of [...files]) {
          const staged = await api.call('files.stage', { name: file.name, contentBase64: await readAsBase64(file, () => undefined) });
          setEvidence((list) => [...list, { id: staged.id, name: staged.name }]);
        }
      } catch (e) {
        // a file that cannot be taken is a problem of the evidence field, whatever the core named
        form.setField('evidence', errorMessage(e));
      }
    });
  };

  const submit = async () => {
    const hazard = await api.call('inspections.addFinding', { recordId: record.id, description, level, measures, foundBy, evidence: evidence.map((e) => e.id) });
    onDone(t('inspections.finding.done', { level: t(`inspections.level.${hazard.level}`), description: hazard.description }));
  };

  return (
    <FormDialog title={t('inspections.finding.title')} onClose={onClose} submit={form} onSubmit={submit} size="medium" layout="grid" formLabel={t('inspections.finding.title')} submitLabel={t('inspections.finding.submit')}>
      <Field label={t('inspections.finding.description')} required error={err('description')} className="field-wide">
        {(c) => <textarea {...c} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} data-autofocus />}
      </Field>
      <Field label={t('inspections.finding.level')} required error={err('level')}>
        {(c) => (
          <select {...c} value={level} onChange={(e) => setLevel(e.target.value as 'general' | 'major')}>
            <option value="general">{t('inspections.level.general')}</option>
            <option value="major">{t('inspections.level.major')}</option>
          </select>
        )}
      </Field>
      <Field label={t('inspections.finding.foundBy')} hint={t('inspections.finding.foundByHint')} error={err('foundBy')}>
        {(c) => <input {...c} value={foundBy} onChange={(e) => setFoundBy(e.target.value)} />}
      </Field>
      <Field label={t('inspections.finding.measures')} error={err('measures')} className="field-wide">
        {(c) => <textarea {...c} rows={2} value={measures} onChange={(e) => setMeasures(e.target.value)} />}
      </Field>
      <Field label={t('inspections.finding.evidence')} hint={t('inspections.record.fileHint')} error={err('evidence')} className="field-wide">
        {(c) => (
          <div className="insp-files">
            {evidence.map((f) => (
              <span key={f.id} className="insp-chip">
                {f.name}
              </span>
            ))}
            <input {...c} type="file" multiple accept=".pdf,.jpg,.jpeg,.png" onChange={(e) => upload(e.target.files)} />
          </div>
        )}
      </Field>
    </FormDialog>
  );
}
