import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail, ComplaintOutcome } from '../../../../electron/api/schemas/complaints.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { useMaxLengths } from '../../components/field-limits.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { HazardPicker } from './HazardPicker.tsx';

const fields = ['handlingResult', 'outcome', 'handledOn', 'linkedHazardId', 'linkedInspectionId'];
const outcomes = ['substantiated', 'partly', 'unfounded'] as const;

/** The handling: what was done, and once decided the outcome (办结) with its date; a linked hazard or inspection record. */
export function HandleDialog({ complaint, onClose, onSaved }: { complaint: ComplaintDetail; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState(complaint.handlingResult ?? '');
  const [outcome, setOutcome] = useState<ComplaintOutcome | ''>(complaint.outcome ?? '');
  const [handledOn, setHandledOn] = useState(complaint.handledOn ?? '');
  const [hazard, setHazard] = useState(complaint.linkedHazardId ?? '');
  const [inspection, setInspection] = useState(complaint.linkedInspectionId ?? '');
  const form = useSubmit(fields);
  const max = useMaxLengths('complaints.handle');

  const submit = async () => {
    await api.call('complaints.handle', {
      id: complaint.id,
      version: complaint.version,
      handlingResult: result,
      outcome: outcome || null,
      handledOn: outcome ? handledOn || null : null,
      linkedHazardId: hazard || null,
      linkedInspectionId: inspection.trim() || null,
    });
    onSaved();
  };
  const err = form.of;

  return (
    <FormDialog title={t('complaints.handle.title')} onClose={onClose} submit={form} onSubmit={submit} size="medium" layout="grid">
      <Field label={t('complaints.handle.result')} required error={err('handlingResult')} className="field-wide" maxLength={max('handlingResult')} length={result.length}>
        {(c) => <textarea {...c} rows={4} value={result} onChange={(e) => setResult(e.target.value)} data-autofocus />}
      </Field>
      <Field label={t('complaints.handle.outcome')} error={err('outcome')}>
        {(c) => (
          <select {...c} value={outcome} onChange={(e) => setOutcome(e.target.value as ComplaintOutcome | '')}>
            <option value="">{t('complaints.handle.outcomeNone')}</option>
            {outcomes.map((o) => (
              <option key={o} value={o}>
                {t(`complaints.outcome.${o}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {outcome && (
        <Field label={t('complaints.handle.handledOn')} error={err('handledOn')} hint={t('complaints.handle.handledOnHint')}>
          {(c) => <input {...c} type="date" value={handledOn} onChange={(e) => setHandledOn(e.target.value)} />}
        </Field>
      )}
      <Field label={t('complaints.handle.hazard')} hint={t('complaints.handle.hazardHint')} error={err('linkedHazardId')} className="field-wide">
        {(c) => <HazardPicker control={c} value={hazard} current={complaint.linkedHazard} onChange={setHazard} />}
      </Field>
      <Field label={t('complaints.handle.inspection')} error={err('linkedInspectionId')} className="field-wide">
        {(c) => <input {...c} className="mono" value={inspection} maxLength={64} onChange={(e) => setInspection(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
