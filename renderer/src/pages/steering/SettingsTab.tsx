import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { District } from '../../../../electron/api/schemas/district.ts';
import type { TrustedKey } from '../../../../electron/api/schemas/keys.ts';
import type { SteeringSettings, TrainingRegistryPreview } from '../../../../electron/api/schemas/steering.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';

interface Loaded {
  settings: SteeringSettings;
  centres: TrustedKey[];
  districts: District[];
  previews: Map<string, TrainingRegistryPreview>;
}

async function load(): Promise<Loaded> {
  const [settings, keys, districts] = await Promise.all([api.call('steering.settings', {}), api.call('keys.trusted', {}), api.call('districts.list', { includeInactive: false })]);
  const centres = [...new Map(keys.filter((k) => k.role === 'training' && !k.revokedAt).map((k) => [k.nodeId, k])).values()];
  const previews = new Map(await Promise.all(centres.map(async (c) => [c.nodeId, await api.call('steering.trainingRegistry', { trainingNode: c.nodeId })] as const)));
  return { settings, centres, districts, previews };
}

/** The default targets of pilot districts and the districts whose managers go to each training centre. */
export function SettingsTab() {
  const { t } = useTranslation();
  const [data, setData] = useState<Loaded | null>(null);
  const [rollout, setRollout] = useState('');
  const [supervisors, setSupervisors] = useState('');
  const [coverage, setCoverage] = useState<Map<string, Set<string>>>(new Map());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormError | null>(null);
  const [saved, setSaved] = useState(false);

  const refresh = async () => {
    try {
      const loaded = await load();
      setData(loaded);
      setRollout(String(loaded.settings.rolloutDefault));
      setSupervisors(String(loaded.settings.supervisorsDefault));
      setCoverage(new Map(loaded.centres.map((c) => [c.nodeId, new Set(loaded.settings.trainingCoverage.find((x) => x.trainingNode === c.nodeId)?.districtIds ?? [])])));
    } catch (e) {
      setFailure({ message: errorMessage(e) });
    }
  };
  useEffect(() => {
    void refresh();
  }, []);

  if (!data) return failure ? <div className="notice notice-error" role="alert">{failure.message}</div> : <div className="muted">{t('app.loading')}</div>;

  const toggle = (centre: string, district: string, on: boolean) =>
    setCoverage((map) => {
      const next = new Map(map);
      const set = new Set(next.get(centre));
      if (on) set.add(district);
      else set.delete(district);
      next.set(centre, set);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setSaved(false);
    try {
      await api.call('steering.updateSettings', {
        rolloutDefault: Number(rollout),
        supervisorsDefault: Number(supervisors),
        trainingCoverage: data.centres.map((c) => ({ trainingNode: c.nodeId, districtIds: [...(coverage.get(c.nodeId) ?? [])] })),
      });
      await refresh();
      setSaved(true);
    } catch (e) {
      setFailure(toFormError(e, ['rolloutDefault', 'supervisorsDefault']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form-stack" onSubmit={submit} noValidate>
      <section className="panel" aria-labelledby="steering-defaults-title">
        <h2 id="steering-defaults-title" className="section-title">
          {t('steering.settings.defaults')}
        </h2>
        <p className="muted">{t('steering.settings.defaultsHint')}</p>
        <Field label={t('steering.settings.rolloutDefault')} error={failure?.field === 'rolloutDefault' ? failure.message : undefined}>
          {(c) => <input {...c} type="number" min={5} max={10} value={rollout} onChange={(e) => setRollout(e.target.value)} />}
        </Field>
        <Field label={t('steering.settings.supervisorsDefault')} error={failure?.field === 'supervisorsDefault' ? failure.message : undefined}>
          {(c) => <input {...c} type="number" min={0} max={999} value={supervisors} onChange={(e) => setSupervisors(e.target.value)} />}
        </Field>
      </section>
      <section className="panel" aria-labelledby="steering-training-title">
        <h2 id="steering-training-title" className="section-title">
          {t('steering.settings.training')}
        </h2>
        <p className="muted">{t('steering.settings.trainingHint')}</p>
        {data.centres.length === 0 && <p className="notice notice-info">{t('steering.settings.noCentres')}</p>}
        {data.centres.map((c) => {
          const preview = data.previews.get(c.nodeId);
          return (
            <fieldset key={c.nodeId} className="form-stack" data-centre={c.nodeName}>
              <legend>
                {c.nodeName} <span className="muted steering-small">{t('steering.settings.sent', { count: preview?.sent ?? 0 })}</span>
              </legend>
              <div className="steering-districts">
                {data.districts.map((d) => (
                  <label key={d.id}>
                    <input type="checkbox" checked={coverage.get(c.nodeId)?.has(d.id) ?? false} onChange={(e) => toggle(c.nodeId, d.id, e.target.checked)} /> {d.name}
                  </label>
                ))}
              </div>
              {preview && preview.districts.length > 0 && (
                <ul className="muted steering-small">
                  {preview.districts.map((d) => (
                    <li key={d.districtId}>{t('steering.settings.preview', { district: d.districtName, managers: d.managers, withId: d.withIdNumber, list2: d.list2 })}</li>
                  ))}
                </ul>
              )}
            </fieldset>
          );
        })}
      </section>
      {failure && !failure.field && (
        <div className="notice notice-error" role="alert">
          {failure.message}
        </div>
      )}
      {saved && (
        <div className="notice notice-ok" role="status">
          {t('steering.settings.saved')}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('steering.settings.save')}
        </button>
      </div>
    </form>
  );
}
