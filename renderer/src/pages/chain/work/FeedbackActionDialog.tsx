import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Feedback } from '../../../../../electron/api/schemas/chain-work.ts';
import { api } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { useSubmit } from '../../../components/useSubmit.ts';
import { todayIso } from '../../../format/time.ts';
import { HazardFindingFields, newFinding } from '../../hazards/HazardFindingFields.tsx';

export type FeedbackAction = 'answer' | 'hazard' | 'close';

const fields = ['answer', 'answeredBy', 'answeredOn', 'description', 'level', 'measures', 'evidence', 'note', 'closedOn'];
const titles = { answer: 'chainWork.feedback.answerTitle', hazard: 'chainWork.feedback.toHazardTitle', close: 'chainWork.feedback.closeTitle' } as const;
const submits = { answer: 'chainWork.feedback.answer', hazard: 'chainWork.feedback.toHazard', close: 'chainWork.feedback.close' } as const;

/** 答复 / 转为隐患 / 办结 of one report; the core decides what the report's state allows. */
export function FeedbackActionDialog({ feedback, action, onClose, onDone }: { feedback: Feedback; action: FeedbackAction; onClose: () => void; onDone: (f: Feedback) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [by, setBy] = useState(feedback.takenByName);
  const [on, setOn] = useState(todayIso());
  const [finding, setFinding] = useState(() => newFinding(feedback.content));
  const form = useSubmit(fields);

  const run = () => {
    const key = { id: feedback.id, version: feedback.version };
    if (action === 'answer') return api.call('chain.answerFeedback', { ...key, answer: text, answeredBy: by, answeredOn: on });
    if (action === 'hazard') {
      const { description, level, measures, evidence } = finding;
      return api.call('chain.feedbackToHazard', { ...key, description, level, measures, evidence: evidence.map((e) => e.id) });
    }
    return api.call('chain.closeFeedback', { ...key, note: text, closedOn: on });
  };
  const submit = async () => {
    onDone(await run());
  };
  const err = form.of;
  const title = t(titles[action]);

  return (
    <FormDialog title={title} onClose={onClose} submit={form} onSubmit={submit} size="medium" layout="grid" formLabel={title} submitLabel={t(submits[action])}>
      <p className="muted field-wide">{`${feedback.reportedOn} ${feedback.managerName}（${feedback.managerUnitName}）：${feedback.content}`}</p>
      {action === 'answer' && (
        <>
          <Field label={t('chainWork.feedback.answerText')} required error={err('answer')} className="field-wide">
            {(c) => <textarea {...c} rows={3} value={text} onChange={(e) => setText(e.target.value)} data-autofocus />}
          </Field>
          <Field label={t('chainWork.feedback.answeredBy')} required error={err('answeredBy')}>
            {(c) => <input {...c} value={by} onChange={(e) => setBy(e.target.value)} />}
          </Field>
        </>
      )}
      {action === 'hazard' && (
        <>
          <p className="muted field-wide">{t('chainWork.feedback.hazardHint')}</p>
          <HazardFindingFields value={finding} onChange={(patch) => setFinding((f) => ({ ...f, ...patch }))} form={form} />
        </>
      )}
      {action === 'close' && (
        <Field label={t('chainWork.feedback.closeNote')} error={err('note')} className="field-wide">
          {(c) => <textarea {...c} rows={2} value={text} onChange={(e) => setText(e.target.value)} data-autofocus />}
        </Field>
      )}
      {action !== 'hazard' && (
        <Field label={t(action === 'answer' ? 'chainWork.feedback.answeredOn' : 'chainWork.feedback.closedOn')} error={err(action === 'answer' ? 'answeredOn' : 'closedOn')}>
          {(c) => <input {...c} type="date" value={on} onChange={(e) => setOn(e.target.value)} />}
        </Field>
      )}
    </FormDialog>
  );
}
