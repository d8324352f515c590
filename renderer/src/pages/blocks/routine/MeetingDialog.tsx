import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockDetail, BlockManager } from '../../../../../electron/api/schemas/blocks.ts';
import type { StagedFile } from '../../../../../electron/api/schemas/files.ts';
import type { BlockMeeting, Participant } from '../../../../../electron/api/schemas/routine.ts';
import { api } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { useSubmit } from '../../../components/useSubmit.ts';
import { FilesField } from './FilesField.tsx';
import { todayIso } from '../../../format/time.ts';

const fields = ['kind', 'heldOn', 'topic', 'place', 'participants', 'minutes', 'addFiles', 'removeFiles'];

/** A meeting or 交流学习: the member units' managers and the block's inspectors ticked from the registers, others by name. */
export function MeetingDialog({ block, meeting, onClose, onSaved }: { block: BlockDetail; meeting: BlockMeeting | null; onClose: () => void; onSaved: (meeting: BlockMeeting) => void }) {
  const { t } = useTranslation();
  const [managers, setManagers] = useState<BlockManager[]>([]);
  const [kind, setKind] = useState<BlockMeeting['kind']>(meeting?.kind ?? 'meeting');
  const [heldOn, setHeldOn] = useState(meeting?.heldOn ?? todayIso());
  const [topic, setTopic] = useState(meeting?.topic ?? '');
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [minutes, setMinutes] = useState(meeting?.minutes ?? '');
  const listed = (k: Participant['kind']) => new Set((meeting?.participants ?? []).filter((p) => p.kind === k && p.id).map((p) => p.id!));
  const [managerIds, setManagerIds] = useState<Set<string>>(listed('manager'));
  const [inspectorIds, setInspectorIds] = useState<Set<string>>(listed('inspector'));
  const [others, setOthers] = useState((meeting?.participants ?? []).filter((p) => !p.id).map((p) => p.name).join('、'));
  const [files, setFiles] = useState<StagedFile[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const submit = useSubmit(fields);
  const { fail } = submit;

  useEffect(() => {
    api.call('blocks.managers', { unitIds: block.members.map((m) => m.unitId) }).then(setManagers, (e: unknown) => fail(e));
  }, [block, fail]);

  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };

  const save = async () => {
    const participants: Participant[] = [
      ...[...managerIds].map((id) => ({ kind: 'manager' as const, id, name: managers.find((m) => m.managerId === id)?.name ?? '' })),
      ...[...inspectorIds].map((id) => ({ kind: 'inspector' as const, id, name: block.inspectors.find((i) => i.inspectorId === id)?.name ?? '' })),
      ...others
        .split(/[、,，;；\n]+/)
        .map((n) => n.trim())
        .filter(Boolean)
        .map((name) => ({ kind: 'other' as const, name })),
    ];
    const saved = await api.call('blocks.saveMeeting', {
      ...(meeting ? { id: meeting.id, version: meeting.version } : {}),
      blockId: block.id,
      kind,
      heldOn,
      topic,
      place,
      participants,
      minutes,
      addFiles: files.map((f) => f.id),
      removeFiles: removed,
    });
    onSaved(saved);
  };
  const err = submit.of;
  const title = meeting ? t('routine.meeting.editTitle') : t('routine.meeting.newTitle');

  return (
    <FormDialog title={title} onClose={onClose} submit={submit} onSubmit={save} size="large" layout="grid" formLabel={title}>
      <Field label={t('routine.meeting.kindLabel')} required error={err('kind')}>
        {(c) => (
          <select {...c} value={kind} onChange={(e) => setKind(e.target.value as BlockMeeting['kind'])} data-autofocus>
            <option value="meeting">{t('routine.meeting.kind.meeting')}</option>
            <option value="exchange">{t('routine.meeting.kind.exchange')}</option>
          </select>
        )}
      </Field>
      <Field label={t('routine.meeting.heldOn')} required error={err('heldOn')}>
        {(c) => <input {...c} type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />}
      </Field>
      <Field label={t('routine.meeting.topic')} required error={err('topic')} className="field-wide">
        {(c) => <input {...c} value={topic} onChange={(e) => setTopic(e.target.value)} />}
      </Field>
      <Field label={t('routine.meeting.place')} error={err('place')} className="field-wide">
        {(c) => <input {...c} value={place} onChange={(e) => setPlace(e.target.value)} />}
      </Field>
      <fieldset className="field-wide routine-participants" aria-invalid={Boolean(err('participants'))}>
        <legend className="field-label">{t('routine.meeting.participants')}</legend>
        <div className="field-label">{t('routine.meeting.managers')}</div>
        {managers.map((m) => (
          <label key={m.managerId} className="checkbox-inline">
            <input type="checkbox" checked={managerIds.has(m.managerId)} onChange={(e) => setManagerIds((s) => toggle(s, m.managerId, e.target.checked))} />
            {`${m.name}（${m.unitName}）`}
          </label>
        ))}
        {block.inspectors.length > 0 && <div className="field-label">{t('routine.meeting.inspectors')}</div>}
        {block.inspectors.map((i) => (
          <label key={i.inspectorId} className="checkbox-inline">
            <input type="checkbox" checked={inspectorIds.has(i.inspectorId)} onChange={(e) => setInspectorIds((s) => toggle(s, i.inspectorId, e.target.checked))} />
            {i.name}
          </label>
        ))}
        <Field label={t('routine.meeting.others')} hint={t('routine.meeting.othersHint')}>
          {(c) => <input {...c} value={others} onChange={(e) => setOthers(e.target.value)} />}
        </Field>
        {err('participants') && (
          <div className="field-error" role="alert">
            {err('participants')}
          </div>
        )}
      </fieldset>
      <Field label={t('routine.meeting.minutes')} error={err('minutes')} className="field-wide">
        {(c) => <textarea {...c} rows={4} value={minutes} onChange={(e) => setMinutes(e.target.value)} />}
      </Field>
      <FilesField label={t('routine.meeting.addFiles')} kept={meeting?.files ?? []} removed={removed} onRemovedChange={setRemoved} files={files} onFilesChange={setFiles} submit={submit} />
    </FormDialog>
  );
}
