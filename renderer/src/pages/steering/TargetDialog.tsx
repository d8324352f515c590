import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import type { DistrictTarget, SteeringSettings } from '../../../../electron/api/schemas/steering.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';
import { Modal } from '../../components/Modal.tsx';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';

type Candidate = CallOutput<'steering.pilotCandidates'>[number];

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  useEffect(() => {
    Promise.all([api.call('steering.targets', {}), api.call('steering.settings', {})]).then(
      ([targets, settings]) => {
        const own = targets.find((x) => x.districtId === districtId) ?? null;
        setTarget(own);
        setDefaults(settings);
        setPilotUnitId(own?.pilotUnitId ?? '');
        setRollout(own?.rolloutOwn === null || own?.rolloutOwn === undefined ? '' : String(own.rolloutOwn));
        setSupervisors(own?.supervisorsOwn === null || own?.supervisorsOwn === undefined ? '' : String(own.supervisorsOwn));
        setNote(own?.note ?? '');
      },
      (e: unknown) => setError({ message: errorMessage(e) }),
    );
  }, [districtId]);

  useEffect(() => {
    api.call('steering.pilotCandidates', { districtId, search: debounced || null }).then(setCandidates, (e: unknown) => setError({ message: errorMessage(e) }));
  }, [districtId, debounced]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      await api.call('steering.saveTarget', { districtId, version: target.version, pilotUnitId: pilotUnitId || null, rolloutTarget: numberOrNull(rollout), supervisorsTarget: numberOrNull(supervisors), note });
      await onSaved();
    } catch (e) {
      setError(toFormError(e, ['pilotUnitId', 'rolloutTarget', 'supervisorsTarget', 'note']));
      setBusy(false);
    }
  };

  // the chosen unit stays in the list while another search is shown
  const chosen = target?.pilotUnitId && !candidates.some((c) => c.unitId === target.pilotUnitId) ? [{ unitId: target.pilotUnitId, name: target.pilotUnitName ?? '', equipmentInUse: 0, acceptanceState: null, uscc: '' }] : [];
  const stateText = (c: Candidate) => (c.acceptanceState ? `，${t(`acceptance.state.${c.acceptanceState}`)}` : '');
  return (
    <Modal title={t('steering.target.title', { district: districtName })} onClose={onClose} busy={busy} size="medium">
      <form className="form-stack" onSubmit={submit} noValidate>
        <Field label={t('steering.target.search')}>{(c) => <input {...c} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}</Field>
        <Field label={t('steering.target.pilotUnit')} hint={t('steering.target.pilotHint')} error={error?.field === 'pilotUnitId' ? error.message : undefined}>
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
        <Field label={t('steering.target.rollout')} hint={t('steering.target.rolloutHint', { value: defaults?.rolloutDefault ?? 5 })} error={error?.field === 'rolloutTarget' ? error.message : undefined}>
          {(c) => <input {...c} name="rolloutTarget" type="number" min={5} max={10} value={rollout} onChange={(e) => setRollout(e.target.value)} />}
        </Field>
        <Field label={t('steering.target.supervisors')} hint={t('steering.target.supervisorsHint', { value: defaults?.supervisorsDefault ?? 10 })} error={error?.field === 'supervisorsTarget' ? error.message : undefined}>
          {(c) => <input {...c} name="supervisorsTarget" type="number" min={0} max={999} value={supervisors} onChange={(e) => setSupervisors(e.target.value)} />}
        </Field>
        <Field label={t('steering.target.note')} error={error?.field === 'note' ? error.message : undefined}>
          {(c) => <input {...c} name="note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        {error && !error.field && (
          <div className="notice notice-error" role="alert">
            {error.message}
          </div>
        )}
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('common.save')} />
      </form>
    </Modal>
  );
}
