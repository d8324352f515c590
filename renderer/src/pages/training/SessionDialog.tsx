import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionDetail } from '../../../../electron/api/schemas/training.ts';
import { api } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { todayIso } from '../../format/time.ts';

const fields = ['title', 'startDate', 'endDate', 'place', 'trainers', 'hours', 'content', 'districtIds'];

/** A training session's facts: title, districts, dates, place, trainers, hours, content. */
export function SessionDialog({ session, onClose, onSaved }: { session?: SessionDetail; onClose: () => void; onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const { node, districts } = useAppContext();
  const [title, setTitle] = useState(session?.title ?? '');
  const [districtIds, setDistrictIds] = useState<string[]>(session?.districtIds ?? (node.districtId ? [node.districtId] : []));
  const [startDate, setStartDate] = useState(session?.startDate ?? todayIso());
  const [endDate, setEndDate] = useState(session?.endDate ?? '');
  const [place, setPlace] = useState(session?.place ?? '');
  const [trainers, setTrainers] = useState(session?.trainers ?? '');
  const [hours, setHours] = useState(session?.hours === null || session?.hours === undefined ? '' : String(session.hours));
  const [content, setContent] = useState(session?.content ?? '');
  const form = useSubmit(fields);

  const submit = async () => {
    const saved = await api.call('training.saveSession', {
      ...(session ? { id: session.id, version: session.version } : {}),
      title,
      districtIds,
      startDate,
      endDate: endDate || null,
      place,
      trainers,
      hours: hours === '' ? null : Number(hours),
      content,
    });
    onSaved(saved.id);
  };
  const err = form.of;

  return (
    <FormDialog title={session ? t('training.session.edit') : t('training.session.create')} onClose={onClose} submit={form} onSubmit={submit} size="medium" layout="grid">
      <Field label={t('training.session.title')} required error={err('title')} className="field-wide">
        {(c) => <input {...c} value={title} onChange={(e) => setTitle(e.target.value)} data-autofocus />}
      </Field>
      <Field label={t('training.session.startDate')} required error={err('startDate')}>
        {(c) => <input {...c} type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />}
      </Field>
      <Field label={t('training.session.endDate')} error={err('endDate')}>
        {(c) => <input {...c} type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />}
      </Field>
      <Field label={t('training.session.place')} error={err('place')}>
        {(c) => <input {...c} value={place} onChange={(e) => setPlace(e.target.value)} />}
      </Field>
      <Field label={t('training.session.trainers')} error={err('trainers')}>
        {(c) => <input {...c} value={trainers} onChange={(e) => setTrainers(e.target.value)} />}
      </Field>
      <Field label={t('training.session.hours')} error={err('hours')}>
        {(c) => <input {...c} type="number" min={0} step={0.5} value={hours} onChange={(e) => setHours(e.target.value)} />}
      </Field>
      <Field label={t('training.session.districts')} error={err('districtIds')}>
        {(c) => (
          <select {...c} multiple size={4} value={districtIds} onChange={(e) => setDistrictIds([...e.target.selectedOptions].map((o) => o.value))}>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('training.session.content')} error={err('content')} className="field-wide">
        {(c) => <textarea {...c} rows={3} value={content} onChange={(e) => setContent(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
