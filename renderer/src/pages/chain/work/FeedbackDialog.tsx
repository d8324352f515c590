import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block, BlockManager, Inspector } from '../../../../../electron/api/schemas/blocks.ts';
import type { Feedback } from '../../../../../electron/api/schemas/chain-work.ts';
import { api } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { useSubmit } from '../../../components/useSubmit.ts';
import { todayIso } from '../../../format/time.ts';

const fields = ['managerId', 'reportedOn', 'takenBy', 'content', 'unitId', 'equipmentId'];

/**
 * 登记问题反馈: the reporting safety manager (chosen through the block whose member unit
 * employs them), the day, who took it (an inspector or the block's lead unit) and what it says.
 */
export function FeedbackDialog({ feedback, blocks, inspectors, onClose, onSaved }: { feedback: Feedback | null; blocks: Block[]; inspectors: Inspector[]; onClose: () => void; onSaved: (f: Feedback) => void }) {
  const { t } = useTranslation();
  const [blockId, setBlockId] = useState(feedback?.blockId ?? blocks[0]?.id ?? '');
  const [managers, setManagers] = useState<BlockManager[]>([]);
  const [managerId, setManagerId] = useState(feedback?.managerId ?? '');
  const [reportedOn, setReportedOn] = useState(feedback?.reportedOn ?? todayIso());
  const [takenBy, setTakenBy] = useState(feedback ? (feedback.takenByKind === 'lead_unit' ? 'lead_unit' : (feedback.takenByInspectorId ?? '')) : (inspectors.find((i) => i.active)?.id ?? 'lead_unit'));
  const [content, setContent] = useState(feedback?.content ?? '');
  const form = useSubmit(fields);

  useEffect(() => {
    const block = blocks.find((b) => b.id === blockId);
    if (!block) return setManagers([]);
    api.call('blocks.managers', { unitIds: block.members.map((m) => m.unitId) }).then(setManagers, form.fail);
  }, [blockId, blocks]);

  const submit = async () => {
    const saved = await api.call('chain.saveFeedback', {
      ...(feedback ? { id: feedback.id, version: feedback.version } : {}),
      managerId,
      reportedOn,
      takenBy: takenBy === 'lead_unit' ? { kind: 'lead_unit' } : { kind: 'inspector', inspectorId: takenBy },
      content,
      unitId: feedback?.unitId ?? null,
    });
    onSaved(saved);
  };
  const err = form.of;
  const title = feedback ? t('chainWork.feedback.dialog.editTitle') : t('chainWork.feedback.dialog.addTitle');
  const lead = blocks.find((b) => b.id === blockId)?.leadUnitName;

  return (
    <FormDialog title={title} onClose={onClose} submit={form} onSubmit={submit} size="medium" layout="grid" formLabel={title}>
      <Field label={t('chainWork.feedback.col.block')}>
        {(c) => (
          <select {...c} value={blockId} onChange={(e) => setBlockId(e.target.value)} data-autofocus>
            {blocks.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('chainWork.feedback.dialog.manager')} required error={err('managerId')}>
        {(c) => (
          <select {...c} value={managerId} onChange={(e) => setManagerId(e.target.value)}>
            <option value="">{t('routine.check.choose')}</option>
            {feedback && !managers.some((m) => m.managerId === feedback.managerId) && <option value={feedback.managerId}>{`${feedback.managerName}（${feedback.managerUnitName}）`}</option>}
            {managers.map((m) => (
              <option key={m.managerId} value={m.managerId}>
                {`${m.name}（${m.unitName}）`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('chainWork.feedback.dialog.reportedOn')} required error={err('reportedOn')}>
        {(c) => <input {...c} type="date" value={reportedOn} onChange={(e) => setReportedOn(e.target.value)} />}
      </Field>
      <Field label={t('chainWork.feedback.dialog.takenBy')} required error={err('takenBy')}>
        {(c) => (
          <select {...c} value={takenBy} onChange={(e) => setTakenBy(e.target.value)}>
            {inspectors
              .filter((i) => i.active || i.id === feedback?.takenByInspectorId)
              .map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            <option value="lead_unit">{lead ? `${t('chainWork.feedback.dialog.leadUnit')}：${lead}` : t('chainWork.feedback.dialog.leadUnit')}</option>
          </select>
        )}
      </Field>
      <Field label={t('chainWork.feedback.dialog.content')} required error={err('content')} className="field-wide">
        {(c) => <textarea {...c} rows={4} value={content} onChange={(e) => setContent(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
