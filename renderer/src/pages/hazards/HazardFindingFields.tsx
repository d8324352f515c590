import { useTranslation } from 'react-i18next';
import type { StagedFile } from '../../../../electron/api/schemas/files.ts';
import { Field } from '../../components/Field.tsx';
import { StagedFiles } from '../../components/StagedFiles.tsx';
import type { Submit } from '../../components/useSubmit.ts';

/** What a check's finding or a manager's feedback says when it becomes a hazard. */
export interface HazardFinding {
  description: string;
  level: 'general' | 'major';
  measures: string;
  evidence: StagedFile[];
}

export const newFinding = (description: string): HazardFinding => ({ description, level: 'general', measures: '', evidence: [] });

/** The items found 不符合, as the starting text of a hazard's description. */
export function problemsText(items: readonly { code: string; text: string; result: string | null; note: string | null }[]): string {
  return items
    .filter((i) => i.result === 'problem')
    .map((i) => (i.note ? `${i.note}（${i.code}）` : `${i.text}（${i.code}）`))
    .join('；');
}

/** 隐患描述, 隐患等级, 整改措施 and the evidence files of a hazard raised from a 自查 / 互查 or a 问题反馈. */
export function HazardFindingFields({ value, onChange, form }: { value: HazardFinding; onChange: (patch: Partial<HazardFinding>) => void; form: Submit }) {
  const { t } = useTranslation();
  const err = form.of;
  return (
    <>
      <Field label={t('routine.finding.description')} required error={err('description')} className="field-wide">
        {(c) => <textarea {...c} rows={3} value={value.description} onChange={(e) => onChange({ description: e.target.value })} data-autofocus />}
      </Field>
      <Field label={t('routine.finding.level')} required error={err('level')}>
        {(c) => (
          <select {...c} value={value.level} onChange={(e) => onChange({ level: e.target.value as HazardFinding['level'] })}>
            <option value="general">{t('inspections.level.general')}</option>
            <option value="major">{t('inspections.level.major')}</option>
          </select>
        )}
      </Field>
      <Field label={t('routine.finding.measures')} error={err('measures')} className="field-wide">
        {(c) => <textarea {...c} rows={2} value={value.measures} onChange={(e) => onChange({ measures: e.target.value })} />}
      </Field>
      <Field label={t('routine.finding.evidence')} error={err('evidence')} className="field-wide">
        {(c) => <StagedFiles control={c} files={value.evidence} onChange={(evidence) => onChange({ evidence })} onError={(message) => form.setField('evidence', message)} />}
      </Field>
    </>
  );
}
