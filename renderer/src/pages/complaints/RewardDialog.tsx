import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail, RewardPreview, RewardScheme } from '../../../../electron/api/schemas/complaints.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { toFormErrors, type FormErrors } from '../../components/form-errors.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';
import { useLoad } from '../../components/useLoad.ts';
import { formatFen } from '../../format/money.ts';
import { levelLabel } from './labels.ts';

const fields = ['scheme', 'level', 'finesYuan', 'confiscatedYuan'];

/** 提出奖励: the scheme, the level and the fines; the core's proposal and its basis follow the typing. */
export function RewardDialog({ complaint, onClose, onSaved }: { complaint: ComplaintDetail; onClose: () => void; onSaved: (status: string) => void }) {
  const { t } = useTranslation();
  const [scheme, setScheme] = useState<RewardScheme>('national');
  const [level, setLevel] = useState(1);
  const [fines, setFines] = useState('');
  const [confiscated, setConfiscated] = useState('');
  // a string, so that equal inputs are equal for the debounce and the effect
  const typed = useDebouncedValue(JSON.stringify({ scheme, level, finesYuan: fines, confiscatedYuan: confiscated }), 150);
  // a refused preview (a negative or malformed amount) names its fields as a refused save would
  const { value: preview } = useLoad(
    () =>
      api.call('complaints.previewReward', JSON.parse(typed) as { scheme: RewardScheme; level: number; finesYuan: string; confiscatedYuan: string }).then(
        (value): { value: RewardPreview } | { errors: FormErrors } => ({ value }),
        (e: unknown) => ({ errors: toFormErrors(e, fields) }),
      ),
    [typed],
  );
  const errors = useSubmit(fields);

  const submit = async () => {
    const saved = await api.call('complaints.proposeReward', { complaintId: complaint.id, version: complaint.version, scheme, level, finesYuan: fines, confiscatedYuan: confiscated });
    onSaved(t('complaints.status.proposed', { amount: formatFen(saved.reward.proposedFen) }));
  };
  const previewErrors = preview && 'errors' in preview ? preview.errors : null;
  const err = (f: string) => errors.of(f) ?? previewErrors?.fields[f];

  return (
    <FormDialog title={t('complaints.reward.proposeTitle')} onClose={onClose} submit={errors} onSubmit={submit} size="medium" layout="grid" submitLabel={t('complaints.reward.proposeSave')} canSubmit={Boolean(preview && 'value' in preview)}>
      <Field label={t('complaints.reward.scheme')} error={err('scheme')}>
        {(c) => (
          <select {...c} value={scheme} onChange={(e) => setScheme(e.target.value as RewardScheme)} data-autofocus>
            <option value="national">{t('complaints.scheme.national')}</option>
            <option value="local">{t('complaints.scheme.local')}</option>
          </select>
        )}
      </Field>
      <Field label={t('complaints.reward.level')} error={err('level')}>
        {(c) => (
          <select {...c} value={level} onChange={(e) => setLevel(Number(e.target.value))}>
            {[1, 2, 3].map((l) => (
              <option key={l} value={l}>
                {levelLabel(t, l)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="muted field-wide">{t('complaints.reward.levelHint')}</p>
      <Field label={t('complaints.reward.fines')} error={err('finesYuan')} hint={t('complaints.reward.amountHint')}>
        {(c) => <input {...c} inputMode="decimal" value={fines} placeholder="0" onChange={(e) => setFines(e.target.value)} />}
      </Field>
      <Field label={t('complaints.reward.confiscated')} error={err('confiscatedYuan')}>
        {(c) => <input {...c} inputMode="decimal" value={confiscated} placeholder="0" onChange={(e) => setConfiscated(e.target.value)} />}
      </Field>
      <div className="complaint-preview field-wide" data-testid="reward-preview" aria-live="polite">
        {preview && 'value' in preview && (
          <>
            <div>
              {t('complaints.reward.proposal')}：<strong>{t('complaints.reward.yuan', { amount: formatFen(preview.value.proposedFen) })}</strong>
            </div>
            <div className="muted">
              {t('complaints.reward.basis')}：{preview.value.basis}
            </div>
          </>
        )}
        {previewErrors && previewErrors.general.map((message) => (
          <div key={message} className="text-danger">
            {message}
          </div>
        ))}
      </div>
    </FormDialog>
  );
}
