import { useId, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Block, BlockCandidate, BlockManager, BlockProposal, BlockSettings, Inspector, SupervisorCertificateRef } from '../../../../electron/api/schemas/blocks.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { MemberPicker } from './MemberPicker.tsx';

export type BlockDialogMode = { kind: 'create' } | { kind: 'edit'; block: Block } | { kind: 'accept'; proposal: BlockProposal };

const fieldNames = ['name', 'memberUnitIds', 'leadUnitId', 'inspectorIds', 'supervisorManagerIds', 'schedule', 'notes', 'leaveReason'] as const;

interface BlockDialogProps {
  mode: BlockDialogMode;
  settings: BlockSettings;
  onClose: () => void;
  onSaved: (block: Block, created: boolean) => void;
}

function initial(mode: BlockDialogMode) {
  if (mode.kind === 'edit') {
    const b = mode.block;
    return {
      name: b.name,
      schedule: b.schedule ?? '',
      notes: b.notes ?? '',
      members: b.members.map((m) => m.unitId),
      lead: b.leadUnitId ?? '',
      inspectors: b.inspectors.map((i) => i.inspectorId),
      supervisors: b.supervisors.map((s) => s.managerId),
    };
  }
  if (mode.kind === 'accept') {
    const p = mode.proposal;
    return { name: p.name, schedule: '', notes: '', members: [...p.memberUnitIds], lead: p.leadUnitId ?? '', inspectors: [], supervisors: [] };
  }
  return { name: '', schedule: '', notes: '', members: [] as string[], lead: '', inspectors: [] as string[], supervisors: [] as string[] };
}

/**
 * Create, edit, or accept a suggested block: name, schedule, notes; members chosen
 * from the district's units; the lead among them; inspectors; supervisors among the
 * members' safety managers. The core checks everything; its message is shown at the
 * field it names and nothing is saved.
 */
export function BlockDialog({ mode, settings, onClose, onSaved }: BlockDialogProps) {
  const { t } = useTranslation();
  const start = useMemo(() => initial(mode), [mode]);
  const [name, setName] = useState(start.name);
  const [schedule, setSchedule] = useState(start.schedule);
  const [notes, setNotes] = useState(start.notes);
  const [members, setMembers] = useState<string[]>(start.members);
  const [lead, setLead] = useState(start.lead);
  const [inspectorIds, setInspectorIds] = useState<string[]>(start.inspectors);
  const [supervisorIds, setSupervisorIds] = useState<string[]>(start.supervisors);
  const [leaveReason, setLeaveReason] = useState('');
  const submit = useSubmit(fieldNames);
  const sizeId = useId();
  const scheduleListId = useId();
  const blockId = mode.kind === 'edit' ? mode.block.id : null;

  const lists = useLoad(() => Promise.all([api.call('blocks.candidates', blockId ? { blockId } : {}), api.call('inspectors.list', { includeInactive: true })]), [blockId]);
  const candidates: BlockCandidate[] = useMemo(() => lists.value?.[0] ?? [], [lists.value]);
  const inspectors: Inspector[] = lists.value?.[1] ?? [];
  // the safety managers of the chosen members: who can be a supervisor
  const supervisable = useLoad((): Promise<BlockManager[]> => (members.length === 0 ? Promise.resolve([]) : api.call('blocks.managers', { unitIds: members.slice(0, 50) })), [members]);
  const managers = supervisable.value ?? [];
  const loadError = lists.error ?? supervisable.error;

  const byId = useMemo(() => new Map(candidates.map((c) => [c.unitId, c])), [candidates]);
  const memberName = (id: string) => byId.get(id)?.name ?? (mode.kind === 'edit' ? mode.block.members.find((m) => m.unitId === id)?.name : undefined) ?? id;
  const removed = mode.kind === 'edit' ? mode.block.members.filter((m) => !members.includes(m.unitId)) : [];
  const outside = members.length < settings.minSize || members.length > settings.maxSize;
  const assignable = inspectors.filter((i) => i.active || inspectorIds.includes(i.id));

  const toggle = (unitId: string, on: boolean) => {
    setMembers((list) => (on ? (list.includes(unitId) ? list : [...list, unitId]) : list.filter((id) => id !== unitId)));
    if (!on && lead === unitId) setLead('');
  };
  const toggleIn = (set: (f: (list: string[]) => string[]) => void, id: string, on: boolean) => set((list) => (on ? [...list, id] : list.filter((x) => x !== id)));

  const save = async () => {
    const supervisorsOfMembers = supervisorIds.filter((id) => {
      const m = managers.find((x) => x.managerId === id);
      return m ? members.includes(m.unitId) : false;
    });
    const fields = {
      name,
      memberUnitIds: members,
      leadUnitId: lead || null,
      inspectorIds,
      supervisorManagerIds: supervisorsOfMembers,
      schedule,
      notes,
    };
    if (mode.kind === 'edit') {
      onSaved(await api.call('blocks.save', { ...fields, id: mode.block.id, version: mode.block.version, leaveReason }), false);
    } else if (mode.kind === 'accept') {
      onSaved(await api.call('blocks.acceptSuggestion', fields), true);
    } else {
      onSaved(await api.call('blocks.save', fields), true);
    }
  };

  const fieldError = (field: (typeof fieldNames)[number]) => submit.of(field);
  const title = mode.kind === 'edit' ? t('blocks.dialog.editTitle') : mode.kind === 'accept' ? t('blocks.dialog.acceptTitle') : t('blocks.dialog.addTitle');
  const scheduleOptions = t('blocks.dialog.scheduleOptions', { returnObjects: true }) as readonly string[];

  return (
    // after a refusal the cursor goes to the field it names
    <FormDialog
      title={title}
      onClose={onClose}
      submit={submit}
      onSubmit={save}
      size="large"
      layout="grid"
      formClassName="block-dialog"
      focusInvalid={fieldNames}
      submitLabel={mode.kind === 'accept' ? t('blocks.dialog.accept') : t('blocks.dialog.save')}
    >
      {loadError && (
        <div className="notice notice-error block-dialog-wide" role="alert">
          {loadError}
        </div>
      )}
      <div className="form-stack">
        <Field label={t('blocks.dialog.name')} required error={fieldError('name')}>
          {(control) => <input {...control} name="name" type="text" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} data-autofocus />}
        </Field>
        <Field label={t('blocks.dialog.schedule')} error={fieldError('schedule')}>
          {(control) => (
            <>
              <input
                {...control}
                name="schedule"
                type="text"
                list={scheduleListId}
                value={schedule}
                maxLength={50}
                placeholder={t('blocks.dialog.schedulePlaceholder')}
                onChange={(e) => setSchedule(e.target.value)}
              />
              <datalist id={scheduleListId}>
                {scheduleOptions.map((o) => (
                  <option key={o} value={o} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={t('blocks.dialog.lead')} hint={t('blocks.dialog.leadHint')} error={fieldError('leadUnitId')}>
          {(control) => (
            <select {...control} name="leadUnitId" value={lead} onChange={(e) => setLead(e.target.value)}>
              <option value="">{t('blocks.dialog.noLead')}</option>
              {members.map((id) => (
                <option key={id} value={id}>
                  {memberName(id)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="choice-set" aria-invalid={Boolean(fieldError('inspectorIds'))}>
          <legend className="field-label">{t('blocks.dialog.inspectors')}</legend>
          {assignable.length === 0 && <p className="field-hint">{t('blocks.dialog.noInspectors')}</p>}
          {assignable.map((i) => (
            <label key={i.id} className="checkbox">
              <input type="checkbox" name="inspectorIds" checked={inspectorIds.includes(i.id)} onChange={(e) => toggleIn(setInspectorIds, i.id, e.target.checked)} />
              <span>
                {i.name}
                {i.enforcementNo && <span className="muted">（{i.enforcementNo}）</span>}
                {!i.active && <span className="muted">{t('blocks.card.inactive')}</span>}
              </span>
            </label>
          ))}
          {fieldError('inspectorIds') && <div className="field-error">{fieldError('inspectorIds')}</div>}
        </fieldset>
        <fieldset className="choice-set">
          <legend className="field-label">{t('blocks.dialog.supervisors')}</legend>
          <p className="field-hint">{t('blocks.dialog.supervisorsHint')}</p>
          {members.length > 0 && managers.length === 0 && <p className="field-hint">{t('blocks.dialog.noManagers')}</p>}
          <div className="choice-scroll">
            {managers.map((m) => (
              <label key={m.managerId} className="checkbox">
                <input
                  type="checkbox"
                  name="supervisorManagerIds"
                  checked={supervisorIds.includes(m.managerId)}
                  onChange={(e) => toggleIn(setSupervisorIds, m.managerId, e.target.checked)}
                />
                <span>
                  {m.name}
                  <span className="muted">
                    （{m.unitName}，{m.certified ? t('blocks.dialog.certified') : t('blocks.dialog.notCertified')}，{supervisorText(t, m.supervisorCertificate)}）
                  </span>
                </span>
              </label>
            ))}
          </div>
          {fieldError('supervisorManagerIds') && <div className="field-error">{fieldError('supervisorManagerIds')}</div>}
        </fieldset>
        <Field label={t('blocks.dialog.notes')} error={fieldError('notes')}>
          {(control) => <textarea {...control} name="notes" rows={2} value={notes} maxLength={1000} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
        {removed.length > 0 && (
          <Field label={t('blocks.dialog.leaveReason')} hint={t('blocks.dialog.leaveReasonHint')} error={fieldError('leaveReason')}>
            {(control) => (
              <>
                <div className="muted">{t('blocks.dialog.removedMembers', { names: removed.map((m) => m.name).join('、') })}</div>
                <input
                  {...control}
                  name="leaveReason"
                  type="text"
                  value={leaveReason}
                  maxLength={200}
                  placeholder={t('blocks.dialog.leaveReasonPlaceholder')}
                  onChange={(e) => setLeaveReason(e.target.value)}
                />
              </>
            )}
          </Field>
        )}
      </div>
      <div className="form-stack">
        <div className="member-head">
          <span className="field-label">{t('blocks.dialog.members')}</span>
          <span id={sizeId} className={outside ? 'text-warn' : 'muted'} data-testid="member-count">
            {t('blocks.dialog.selected', { count: members.length })}
            {outside ? `　${t('blocks.dialog.sizeOutside', { min: settings.minSize, max: settings.maxSize })}` : ''}
          </span>
        </div>
        {members.length > 0 && (
          <ul className="chosen-members" aria-label={t('blocks.dialog.selected', { count: members.length })}>
            {members.map((id) => (
              <li key={id} className="chip">
                {id === lead && '★ '}
                {memberName(id)}
                <button type="button" className="chip-remove" aria-label={t('blocks.dialog.remove', { name: memberName(id) })} onClick={() => toggle(id, false)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input type="hidden" name="memberUnitIds" />
        {fieldError('memberUnitIds') && (
          <div className="field-error" role="alert">
            {fieldError('memberUnitIds')}
          </div>
        )}
        <MemberPicker candidates={candidates} blockId={blockId} selected={members} onToggle={toggle} invalid={Boolean(fieldError('memberUnitIds'))} describedBy={sizeId} />
      </div>
    </FormDialog>
  );
}

/** 监督员证 张特监〔2026〕第0001号, with its expiry when near; or that there is none valid. */
export function supervisorText(t: TFunction, c: SupervisorCertificateRef | null): string {
  if (c?.status === 'valid') return t('blocks.dialog.supervisorCertificate', { no: c.certificateNo });
  if (c?.status === 'expiring') return t('blocks.dialog.supervisorCertificateExpiring', { no: c.certificateNo, date: c.validUntil });
  return t('blocks.dialog.noSupervisorCertificate');
}
