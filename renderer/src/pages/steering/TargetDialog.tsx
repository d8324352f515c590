import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import type { DistrictTarget, SteeringSettings } from '../../../../electron/api/schemas/steering.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';

type Candidate = CallOutput<'steering.pilotCandidates'>[number];

const fields = ['pilotUnitId', 'rolloutTarget', 'supervisorsTarget', 'note'];

const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/** A district's pilot unit (from its units the bureau holds), rollout count and supervisors target. */
export function TargetDialog({ districtId, districtName, onClose, onSaved }: { districtId: string; districtName: string; onClose: () => void; onSaved: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<DistrictTarget | null>(null);
  const [defaults, setDefaults] = useState<SteeringSettings | null>(null);
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search, 250);
  const [pilotUnitId, setPilotUnitId] = useState('');
  const [rollout, setRollout] = useState('');
  const [supervisors, setSupervisors] = useState('');
  const [note, setNote] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const submit = useSubmit(fields);
  const { fail } = submit;

  useEffect(() => {
    Promise.all([api.call('steering.targets', {}), api.call('steering.settings', {})]).then(
      ([targets, settings]) => {
        const own = targets.find((x) => x.districtId === districtId) ?? null;
        setTarget(own);
        setPilotUnitId(own?.pilotUnitId ?? '');
        setRollout(own?.rolloutOwn === null || own?.rolloutOwn === undefined ? '' : String(own.rolloutOwn));
        setSupervisors(own?.supervisorsOwn === null || own?.supervisorsOwn === undefined ? '' : String(own.supervisorsOwn));
        setNote(own?.note ?? '');
        setDefaults(settings);
      },
      (e: unknown) => setLoadError(errorMessage(e)),
    );
  }, [districtId]);

  useEffect(() => {
    api.call('steering.pilotCandidates', { districtId, search: debounced || null }).then(setCandidates, (e: unknown) => fail(e));
  }, [districtId, debounced, fail]);

  const save = async () => {
    if (!target) return;
    await api.call('steering.saveTarget', { districtId, version: target.version, pilotUnitId: pilotUnitId || null, rolloutTarget: numberOrNull(rollout), supervisorsTarget: numberOrNull(supervisors), note });
    await onSaved();
  };

  // the chosen unit stays in the list while another search is shown
  const chosen = target?.pilotUnitId && !candidates.some((c) => c.unitId === target.pilotUnitId) ? [{ unitId: target.pilotUnitId, name: target.pilotUnitName ?? '', equipmentInUse: 0, acceptanceState: null, uscc: '' }] : [];
  const stateText = (c: Candidate) => (c.acceptanceState ? `，${t(`acceptance.state.${c.acceptanceState}`)}` : '');
  const loading = loadError ? (
    <div className="notice notice-error" role="alert">
      {loadError}
    </div>
  ) : (
    <p className="muted">{t('app.loading')}</p>
  );
  return (
    // the fields wait for the stored targets: typed values are never overwritten by a late answer
    <FormDialog
      title={t('steering.target.title', { district: districtName })}
      onClose={onClose}
      submit={submit}
      onSubmit={save}
      size="medium"
      canSubmit={target !== null}
      placeholder={defaults ? undefined : loading}
    >
      <Field label={t('steering.target.search')}>{(c) => <input {...c} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}</Field>
      <Field label={t('steering.target.pilotUnit')} hint={t('steering.target.pilotHint')} error={submit.of('pilotUnitId')}>
        {(c) => (
          <select {...c} name="pilotUnitId" value={pilotUnitId} onChange={(e) => setPilotUnitId(e.target.value)}>
            <option value="">{t('steering.target.none')}</option>
            {[...chosen, ...candidates].map((u) => (
              <option key={u.unitId} value={u.unitId}>
                {t('steering.target.candidate', { name: u.name, count: u.equipmentInUse, state: stateText(u) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('steering.target.rollout')} hint={t('steering.target.rolloutHint', { value: defaults?.rolloutDefault ?? 5 })} error={submit.of('rolloutTarget')}>
        {(c) => <input {...c} name="rolloutTarget" type="number" min={5} max={10} value={rollout} onChange={(e) => setRollout(e.target.value)} />}
      </Field>
      <Field label={t('steering.target.supervisors')} hint={t('steering.target.supervisorsHint', { value: defaults?.supervisorsDefault ?? 10 })} error={submit.of('supervisorsTarget')}>
        {(c) => <input {...c} name="supervisorsTarget" type="number" min={0} max={999} value={supervisors} onChange={(e) => setSupervisors(e.target.value)} />}
      </Field>
      <Field label={t('steering.target.note')} error={submit.of('note')}>
        {(c) => <input {...c} name="note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
