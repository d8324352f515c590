import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StagedFile } from '../../../../electron/api/schemas/files.ts';
import type { PublicityActivity, PublicityKind } from '../../../../electron/api/schemas/publicity.ts';
import { publicityKinds } from './kinds.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { StagedFiles } from '../../components/StagedFiles.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { todayIso } from '../../format/time.ts';

const fields = ['kind', 'title', 'heldOn', 'place', 'audience', 'participants', 'unitId', 'organizer', 'content', 'addPhotos', 'removePhotos'] as const;

/** 登记 / 修改 one activity: date, place, audience, people, the enterprise visited, photos added or taken off. */
export function PublicityDialog({ activity, onClose, onSaved }: { activity: PublicityActivity | null; onClose: () => void; onSaved: (saved: PublicityActivity) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PublicityKind>(activity?.kind ?? 'into_enterprises');
  const [title, setTitle] = useState(activity?.title ?? '');
  const [heldOn, setHeldOn] = useState(activity?.heldOn ?? todayIso());
  const [place, setPlace] = useState(activity?.place ?? '');
  const [audience, setAudience] = useState(activity?.audience ?? '');
  const [participants, setParticipants] = useState(activity ? String(activity.participants) : '');
  const [unitId, setUnitId] = useState(activity?.unitId ?? '');
  const [organizer, setOrganizer] = useState(activity?.organizer ?? '');
  const [content, setContent] = useState(activity?.content ?? '');
  const [photos, setPhotos] = useState<StagedFile[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const submit = useSubmit(fields);
  const fieldError = submit.of;

  const save = async () => {
    const saved = await api.call('publicity.save', {
      ...(activity ? { id: activity.id, version: activity.version } : {}),
      kind,
      title,
      heldOn,
      place,
      audience,
      // an empty box is sent as NaN → null, which the contract refuses with 参加人数应为整数
      participants: participants.trim() === '' ? Number.NaN : Number(participants),
      unitId: unitId || null,
      organizer,
      content,
      addPhotos: photos.map((p) => p.id),
      removePhotos: removed,
    });
    onSaved(saved);
  };

  return (
    <FormDialog
      title={activity ? t('publicity.dialog.edit') : t('publicity.dialog.create')}
      onClose={onClose}
      submit={submit}
      onSubmit={save}
      size="large"
      formClassName="form-grid"
      testId="publicity-form"
      submitLabel={t('publicity.dialog.save')}
    >
      <Field label={t('publicity.dialog.kind')} required error={fieldError('kind')}>
        {(c) => (
          <select {...c} value={kind} onChange={(e) => setKind(e.target.value as PublicityKind)} name="kind">
            {publicityKinds.map((k) => (
              <option key={k} value={k}>
                {t(`publicity.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('publicity.dialog.title')} required error={fieldError('title')}>
        {(c) => <input {...c} name="title" value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('publicity.dialog.heldOn')} required error={fieldError('heldOn')}>
        {(c) => <input {...c} name="heldOn" type="date" value={heldOn} max={todayIso()} onChange={(e) => setHeldOn(e.target.value)} />}
      </Field>
      <Field label={t('publicity.dialog.place')} required error={fieldError('place')}>
        {(c) => <input {...c} name="place" value={place} maxLength={100} onChange={(e) => setPlace(e.target.value)} />}
      </Field>
      <Field label={t('publicity.dialog.audience')} required hint={t('publicity.dialog.audienceHint')} error={fieldError('audience')}>
        {(c) => <input {...c} name="audience" value={audience} maxLength={100} onChange={(e) => setAudience(e.target.value)} />}
      </Field>
      <Field label={t('publicity.dialog.participants')} required error={fieldError('participants')}>
        {(c) => <input {...c} name="participants" type="number" min={1} step={1} value={participants} onChange={(e) => setParticipants(e.target.value)} />}
      </Field>
      <Field label={t('publicity.dialog.unit')} error={fieldError('unitId')}>
        {(c) => (
          <UnitPicker
            control={c}
            value={unitId}
            onChange={setUnitId}
            initialSearch={activity?.unitName ?? ''}
            labels={{ search: t('publicity.dialog.unitSearch'), none: t('publicity.dialog.noUnit'), choose: t('publicity.dialog.noUnit') }}
          />
        )}
      </Field>
      <Field label={t('publicity.dialog.organizer')} error={fieldError('organizer')}>
        {(c) => <input {...c} name="organizer" value={organizer} maxLength={100} onChange={(e) => setOrganizer(e.target.value)} />}
      </Field>
      <Field label={t('publicity.dialog.content')} error={fieldError('content')}>
        {(c) => <textarea {...c} name="content" rows={3} value={content} maxLength={2000} onChange={(e) => setContent(e.target.value)} />}
      </Field>
      {activity && activity.photos.length > 0 && (
        <div className="field">
          <span className="field-label">{t('publicity.dialog.currentPhotos')}</span>
          <ul className="staged-list">
            {activity.photos
              .filter((p) => !removed.includes(p.attachmentId))
              .map((p) => (
                <li key={p.attachmentId}>
                  {p.fileName}
                  <button type="button" className="button button-link" aria-label={t('publicity.dialog.removePhoto', { name: p.fileName })} onClick={() => setRemoved([...removed, p.attachmentId])}>
                    ×
                  </button>
                </li>
              ))}
          </ul>
        </div>
      )}
      <Field label={t('publicity.dialog.photos')} error={fieldError('addPhotos')}>
        {(c) => <StagedFiles control={c} files={photos} onChange={setPhotos} onError={(message) => submit.setField('addPhotos', message)} />}
      </Field>
    </FormDialog>
  );
}
