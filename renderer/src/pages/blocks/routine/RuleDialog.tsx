import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityKind, Frequency, ScheduleRule } from '../../../../../electron/api/schemas/routine.ts';
import { api } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { useSubmit } from '../../../components/useSubmit.ts';
import { todayIso } from '../../../format/time.ts';

const fields = ['kind', 'frequency', 'dueDay', 'dates', 'startsOn', 'endedOn', 'notes'];
const kinds: ActivityKind[] = ['mutual_check', 'self_check', 'meeting'];
const frequencies: Frequency[] = ['monthly', 'quarterly', 'custom'];

/** One rule of the 活动安排: which activity, how often (due by a day, or on listed dates), from and until when. */
export function RuleDialog({ blockId, rule, onClose, onSaved }: { blockId: string; rule: ScheduleRule | null; onClose: () => void; onSaved: (rule: ScheduleRule) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ActivityKind>(rule?.kind ?? 'mutual_check');
  const [frequency, setFrequency] = useState<Frequency>(rule?.frequency ?? 'monthly');
  const [dueDay, setDueDay] = useState(rule?.dueDay ? String(rule.dueDay) : '');
  const [dates, setDates] = useState(rule?.dates.join('\n') ?? '');
  const [startsOn, setStartsOn] = useState(rule?.startsOn ?? todayIso());
  const [endedOn, setEndedOn] = useState(rule?.endedOn ?? '');
  const [notes, setNotes] = useState(rule?.notes ?? '');
  const form = useSubmit(fields);

  const submit = async () => {
    const saved = await api.call('blocks.saveScheduleRule', {
      ...(rule ? { id: rule.id, version: rule.version } : {}),
      blockId,
      kind,
      frequency,
      dueDay: frequency === 'custom' || dueDay.trim() === '' ? null : Number(dueDay),
      dates: frequency === 'custom' ? dates.split(/[\s,，、]+/).filter(Boolean) : [],
      startsOn,
      endedOn: endedOn || null,
      notes,
    });
    onSaved(saved);
  };
  const err = form.of;
  const title = rule ? t('routine.rule.editTitle') : t('routine.rule.addTitle');

  return (
    <FormDialog title={title} onClose={onClose} submit={form} onSubmit={submit} size="medium" layout="grid" formLabel={title}>
      <Field label={t('routine.rule.kind')} required error={err('kind')}>
        {(c) => (
          <select {...c} value={kind} onChange={(e) => setKind(e.target.value as ActivityKind)} data-autofocus>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`routine.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('routine.rule.frequency')} required error={err('frequency')}>
        {(c) => (
          <select {...c} value={frequency} onChange={(e) => setFrequency(e.target.value as Frequency)}>
            {frequencies.map((f) => (
              <option key={f} value={f}>
                {t(`routine.frequency.${f}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {frequency === 'custom' ? (
        <Field label={t('routine.rule.dates')} hint={t('routine.rule.datesHint')} required error={err('dates')} className="field-wide">
          {(c) => <textarea {...c} rows={4} value={dates} onChange={(e) => setDates(e.target.value)} />}
        </Field>
      ) : (
        <Field label={t('routine.rule.dueDay')} hint={t('routine.rule.dueDayHint')} error={err('dueDay')}>
          {(c) => <input {...c} type="number" min={1} max={31} value={dueDay} onChange={(e) => setDueDay(e.target.value)} />}
        </Field>
      )}
      <Field label={t('routine.rule.startsOn')} required error={err('startsOn')}>
        {(c) => <input {...c} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />}
      </Field>
      <Field label={t('routine.rule.endedOn')} hint={t('routine.rule.endedOnHint')} error={err('endedOn')}>
        {(c) => <input {...c} type="date" value={endedOn} onChange={(e) => setEndedOn(e.target.value)} />}
      </Field>
      <Field label={t('routine.rule.notes')} error={err('notes')} className="field-wide">
        {(c) => <input {...c} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
