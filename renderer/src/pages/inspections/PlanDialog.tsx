import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Checklist, PlanDetail, PlanOptions, PlanType, TeamMember } from '../../../../electron/api/schemas/inspections.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { todayIso } from '../../format/time.ts';
import { checklistLabel, defaultChecklist } from './checklist-choice.ts';
import { ScopePicker, toScope, type ScopeDraft } from './ScopePicker.tsx';
import { TeamPicker } from './TeamPicker.tsx';

const fields = ['title', 'type', 'periodStart', 'periodEnd', 'scope', 'checklistKey', 'team', 'notes'];
const types: PlanType[] = ['routine', 'special', 'post_cert', 'other'];

function monthEnd(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  return `${iso.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/** A plan's facts: title, type, period, scope, checklist (key and version pinned), team, notes. */
export function PlanDialog({ plan, onClose, onSaved }: { plan?: PlanDetail; onClose: () => void; onSaved: (plan: PlanDetail) => void }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<PlanOptions | null>(null);
  const [checklists, setChecklists] = useState<Checklist[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [title, setTitle] = useState(plan?.title ?? '');
  const [type, setType] = useState<PlanType>(plan?.type ?? 'special');
  const [periodStart, setPeriodStart] = useState(plan?.periodStart ?? todayIso());
  const [periodEnd, setPeriodEnd] = useState(plan?.periodEnd ?? monthEnd(todayIso()));
  const [scope, setScope] = useState<ScopeDraft>({
    kind: plan?.scopeKind ?? 'block',
    blockId: plan?.scopeBlockId ?? '',
    equipmentKind: plan?.scopeEquipmentKind ?? '',
    units: plan?.scopeKind === 'units' ? plan.units.map((u) => ({ id: u.id, name: u.name })) : [],
    riskLevels: plan?.scopeRiskLevels ?? ['high', 'elevated'],
  });
  const [checklist, setChecklist] = useState(plan ? `${plan.checklistKey}@${plan.checklistVersion}` : '');
  const [team, setTeam] = useState<TeamMember[]>(plan?.team ?? []);
  const [notes, setNotes] = useState(plan?.notes ?? '');
  const submit = useSubmit(fields);

  useEffect(() => {
    Promise.all([api.call('inspections.planOptions', {}), api.call('inspections.checklists', {})]).then(
      ([o, c]) => {
        setOptions(o);
        setChecklists(c);
      },
      (e: unknown) => setLoadError(errorMessage(e)),
    );
  }, []);

  // a new plan follows the scope's kind with its checklist until the user picks one
  const [picked, setPicked] = useState(Boolean(plan));
  const suggested = defaultChecklist(checklists, scope.kind === 'equipment_kind' ? scope.equipmentKind : null);
  const chosen = picked ? checklist : suggested;

  const save = async () => {
    const [checklistKey = '', version = '0'] = chosen.split('@');
    const fieldsIn = { title, type, periodStart, periodEnd, scope: toScope(scope), checklistKey, checklistVersion: Number(version), team, notes };
    const saved = plan ? await api.call('inspections.updatePlan', { id: plan.id, version: plan.version, ...fieldsIn }) : await api.call('inspections.createPlan', fieldsIn);
    onSaved(saved);
  };
  const err = submit.of;
  const heading = plan ? t('inspections.plan.edit') : t('inspections.plan.create');
  // nothing while the lists load, as before; why they could not, in their place
  const loadNotice = loadError ? (
    <div className="notice notice-error" role="alert">
      {loadError}
    </div>
  ) : (
    <></>
  );

  return (
    <FormDialog title={heading} onClose={onClose} submit={submit} onSubmit={save} size="large" layout="grid" formLabel={heading} placeholder={options && !loadError ? undefined : loadNotice}>
      {options && (
        <>
          <Field label={t('inspections.plan.title')} required error={err('title')} className="field-wide">
            {(c) => <input {...c} value={title} onChange={(e) => setTitle(e.target.value)} data-autofocus />}
          </Field>
          <Field label={t('inspections.plan.type')} required error={err('type')}>
            {(c) => (
              <select {...c} value={type} onChange={(e) => setType(e.target.value as PlanType)}>
                {types.map((ty) => (
                  <option key={ty} value={ty}>
                    {t(`inspections.type.${ty}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('inspections.plan.checklist')} required error={err('checklistKey')}>
            {(c) => (
              <select
                {...c}
                value={chosen}
                onChange={(e) => {
                  setPicked(true);
                  setChecklist(e.target.value);
                }}
              >
                {checklists.map((l) => (
                  <option key={`${l.source}-${l.key}@${l.version}`} value={`${l.key}@${l.version}`}>
                    {checklistLabel(t, l)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('inspections.plan.periodStart')} required error={err('periodStart')}>
            {(c) => <input {...c} type="date" value={periodStart} onChange={(e) => setPeriodStart(e.target.value)} />}
          </Field>
          <Field label={t('inspections.plan.periodEnd')} required error={err('periodEnd')}>
            {(c) => <input {...c} type="date" value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)} />}
          </Field>
          <Field label={t('inspections.plan.scope')} required error={err('scope')} className="field-wide">
            {(c) => <ScopePicker options={options} draft={scope} onChange={setScope} describedBy={c['aria-describedby']} />}
          </Field>
          <Field label={t('inspections.plan.team')} required error={err('team')} className="field-wide">
            {() => <TeamPicker options={options} team={team} onChange={setTeam} />}
          </Field>
          <Field label={t('inspections.plan.notes')} error={err('notes')} className="field-wide">
            {(c) => <textarea {...c} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />}
          </Field>
        </>
      )}
    </FormDialog>
  );
}
