import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockCheckDetail } from '../../../../../electron/api/schemas/routine.ts';
import { api } from '../../../api/client.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { useSubmit } from '../../../components/useSubmit.ts';
import { HazardFindingFields, newFinding, problemsText } from '../../hazards/HazardFindingFields.tsx';

const fields = ['description', 'level', 'measures', 'evidence', 'equipmentId'];

/** A finding of a final 自查 / 互查, registered as a hazard of the checked unit, reported by the checking manager. */
export function CheckFindingDialog({ check, onClose, onDone }: { check: BlockCheckDetail; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [finding, setFinding] = useState(() => newFinding(problemsText(check.items)));
  const form = useSubmit(fields);

  const submit = async () => {
    const { description, level, measures, evidence } = finding;
    const hazard = await api.call('blocks.checkFinding', { checkId: check.id, description, level, measures, evidence: evidence.map((e) => e.id) });
    onDone(t('routine.finding.done', { level: t(`inspections.level.${hazard.level}`), description: hazard.description }));
  };

  return (
    <FormDialog title={t('routine.finding.title')} onClose={onClose} submit={form} onSubmit={submit} size="medium" layout="grid" formLabel={t('routine.finding.title')} submitLabel={t('routine.finding.submit')}>
      <p className="muted field-wide">{t('routine.finding.reporter', { name: `${check.checkerManagerName}（${check.checkerUnitName}）` })}</p>
      <HazardFindingFields value={finding} onChange={(patch) => setFinding((f) => ({ ...f, ...patch }))} form={form} />
    </FormDialog>
  );
}
