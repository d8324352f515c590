import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StagedFile } from '../../../../electron/api/schemas/files.ts';
import type { HazardAction, HazardDetail } from '../../../../electron/api/schemas/hazards.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { useMaxLengths } from '../../components/field-limits.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';
import { useLoad } from '../../components/useLoad.ts';
import { todayIso } from '../../format/time.ts';
import { StagedFiles } from '../../components/StagedFiles.tsx';

const fields = ['orderedOn', 'workingDays', 'deadline', 'comment', 'evidence'];

/**
 * One step on a hazard. 下达整改 asks for the deadline (working days on the official
 * calendar, previewed as a date, or a date by hand); 提交整改 asks for evidence;
 * 复查不通过 for the reason; every step may carry a comment and files.
 */
export function TransitionDialog({ hazard, action, defaultDays, onClose, onDone }: { hazard: HazardDetail; action: HazardAction; defaultDays: number; onClose: () => void; onDone: (detail: HazardDetail) => void }) {
  const { t } = useTranslation();
  const label = t(`hazards.action.${action}`);
  const [orderedOn, setOrderedOn] = useState(todayIso());
  const [mode, setMode] = useState<'days' | 'date'>('days');
  const [days, setDays] = useState(String(defaultDays));
  const [deadline, setDeadline] = useState('');
  const [comment, setComment] = useState('');
  const [evidence, setEvidence] = useState<StagedFile[]>([]);
  const errors = useSubmit(fields);
  const max = useMaxLengths('hazards.transition');
  const previewKey = useDebouncedValue(`${orderedOn}|${days}`, 200);

  // the date the working days come to, shown under the field; none while the days are not a count
  const { value: preview } = useLoad(() => {
    const [from, n] = previewKey.split('|');
    const workingDays = Number(n);
    if (action !== 'order' || mode !== 'days' || !from || !Number.isInteger(workingDays) || workingDays < 1) return Promise.resolve(null);
    return api.call('hazards.deadlinePreview', { from, workingDays }).catch(() => null);
  }, [action, mode, previewKey]);

  const submit = async () => {
    // what this step needs, all at once, before calling
    const missing: Array<[string, string]> = [];
    if (action === 'fail' && !comment.trim()) missing.push(['comment', t('hazards.transition.commentRequired')]);
    if (action === 'submit' && evidence.length === 0) missing.push(['evidence', t('hazards.transition.evidenceRequired')]);
    for (const [field, message] of missing) errors.setField(field, message);
    if (missing.length > 0) return;
    const order = action === 'order' ? { orderedOn, ...(mode === 'days' ? { workingDays: Number(days) } : { deadline }) } : {};
    onDone(await api.call('hazards.transition', { id: hazard.id, version: hazard.version, action, comment, evidence: evidence.map((f) => f.id), ...order }));
  };

  const fieldError = errors.of;
  return (
    <FormDialog title={t('hazards.transition.title', { action: label })} onClose={onClose} submit={errors} onSubmit={submit} size="medium" submitLabel={label}>
      <div>
        <strong>{hazard.unitName}</strong>：{hazard.description}
      </div>
      {action === 'order' && (
        <>
          <Field label={t('hazards.transition.orderedOn')} error={fieldError('orderedOn')}>
            {(control) => <input {...control} name="orderedOn" type="date" value={orderedOn} onChange={(e) => setOrderedOn(e.target.value)} />}
          </Field>
          <fieldset className="hz-mode">
            <legend>{t('hazards.transition.mode')}</legend>
            <label className="checkbox-inline">
              <input type="radio" name="mode" checked={mode === 'days'} onChange={() => setMode('days')} /> {t('hazards.transition.modeDays')}
            </label>
            <label className="checkbox-inline">
              <input type="radio" name="mode" checked={mode === 'date'} onChange={() => setMode('date')} /> {t('hazards.transition.modeDate')}
            </label>
          </fieldset>
          {mode === 'days' ? (
            <Field label={t('hazards.transition.workingDays')} error={fieldError('workingDays')} hint={preview ? t('hazards.transition.preview', { deadline: preview.deadline }) : undefined}>
              {(control) => <input {...control} name="workingDays" type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} />}
            </Field>
          ) : (
            <Field label={t('hazards.transition.deadline')} error={fieldError('deadline')}>
              {(control) => <input {...control} name="deadline" type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />}
            </Field>
          )}
          {preview && preview.warnings.length > 0 && mode === 'days' && (
            <div className="notice notice-warn" role="status">
              {preview.warnings.join(' ')}
            </div>
          )}
        </>
      )}
      {action === 'pass' && <p className="confirm-question">{t('hazards.transition.passConfirm')}</p>}
      <Field label={t('hazards.transition.comment')} required={action === 'fail'} error={fieldError('comment')} maxLength={max('comment')} length={comment.length}>
        {(control) => <textarea {...control} name="comment" value={comment} rows={2} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <Field label={t('hazards.transition.evidence')} required={action === 'submit'} error={fieldError('evidence')}>
        {(control) => <StagedFiles control={control} files={evidence} onChange={setEvidence} onError={(message) => errors.setField('evidence', message)} />}
      </Field>
    </FormDialog>
  );
}
