import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StagedFile } from '../../../../../electron/api/schemas/files.ts';
import type { BlockCheckDetail } from '../../../../../electron/api/schemas/routine.ts';
import { api } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { useSubmit } from '../../../components/useSubmit.ts';
import { StagedFiles } from '../../../components/StagedFiles.tsx';

const fields = ['description', 'level', 'measures', 'evidence', 'equipmentId'];

/** The items found 不符合, as the starting text of the hazard's description. */
function problemsText(check: BlockCheckDetail): string {
  return check.items
    .filter((i) => i.result === 'problem')
    .map((i) => (i.note ? `${i.note}（${i.code}）` : `${i.text}（${i.code}）`))
    .join('；');
}

/** A finding of a final 自查 / 互查, registered as a hazard of the checked unit, reported by the checking manager. */
export function CheckFindingDialog({ check, onClose, onDone }: { check: BlockCheckDetail; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [description, setDescription] = useState(problemsText(check));
  const [level, setLevel] = useState<'general' | 'major'>('general');
  const [measures, setMeasures] = useState('');
  const [evidence, setEvidence] = useState<StagedFile[]>([]);
  const form = useSubmit(fields);
  const err = form.of;

  const submit = async () => {
    const hazard = await api.call('blocks.checkFinding', { checkId: check.id, description, level, measures, evidence: evidence.map((e) => e.id) });
    onDone(t('routine.finding.done', { level: t(`inspections.level.${hazard.level}`), description: hazard.description }));
  };

  return (
    <FormDialog title={t('routine.finding.title')} onClose={onClose} submit={form} onSubmit={submit} size="medium" layout="grid" formLabel={t('routine.finding.title')} submitLabel={t('routine.finding.submit')}>
      <p className="muted field-wide">{t('routine.finding.reporter', { name: `${check.checkerManagerName}（${check.checkerUnitName}）` })}</p>
      <Field label={t('routine.finding.description')} required error={err('description')} className="field-wide">
        {(c) => <textarea {...c} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} data-autofocus />}
      </Field>
      <Field label={t('routine.finding.level')} required error={err('level')}>
        {(c) => (
          <select {...c} value={level} onChange={(e) => setLevel(e.target.value as 'general' | 'major')}>
            <option value="general">{t('inspections.level.general')}</option>
            <option value="major">{t('inspections.level.major')}</option>
          </select>
        )}
      </Field>
      <Field label={t('routine.finding.measures')} error={err('measures')} className="field-wide">
        {(c) => <textarea {...c} rows={2} value={measures} onChange={(e) => setMeasures(e.target.value)} />}
      </Field>
      <Field label={t('routine.finding.evidence')} error={err('evidence')} className="field-wide">
        {(c) => <StagedFiles control={c} files={evidence} onChange={setEvidence} onError={(message) => form.setField('evidence', message)} />}
      </Field>
    </FormDialog>
  );
}
