import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrySettings } from '../../../../electron/api/schemas/settings.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';

const statuses = ['in_use', 'stopped', 'scrapped', 'cancelled'] as const;
const numberFields = ['screeningThreshold', 'safetyBodyThreshold', 'dueSoonDays', 'certificateExpiringDays'] as const;
type NumberField = (typeof numberFields)[number];
const fieldNames = [...numberFields, 'countedStatuses', 'excludedCodes', 'inspectionIntervals'];

/** Codes as people type them: separated by commas (half- or full-width), 、 or spaces; upper case. */
export function parseCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))];
}

/** "3000=12，4100=24" → intervals; the first entry that is not code=months is returned as the error. */
export function parseIntervals(text: string): { intervals: { code: string; months: number }[] } | { invalid: string } {
  const intervals: { code: string; months: number }[] = [];
  for (const entry of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    const match = /^([0-9A-Za-z]{4})[=:：](\d{1,3})$/.exec(entry);
    if (!match) return { invalid: entry };
    intervals.push({ code: match[1]!.toUpperCase(), months: Number(match[2]) });
  }
  return { intervals };
}

/**
 * 筛查与提醒规则: the numbers docs/DOMAIN.md makes settings — the two lists' threshold, the
 * statuses counted and the kinds excluded, the safety-body threshold, the 临期 and
 * certificate warning days. Every page that counts reads them from the core.
 */
export function RegistrySection() {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<RegistrySettings | null>(null);
  const [numbers, setNumbers] = useState<Record<NumberField, string>>({ screeningThreshold: '', safetyBodyThreshold: '', dueSoonDays: '', certificateExpiringDays: '' });
  const [counted, setCounted] = useState<string[]>([]);
  const [codes, setCodes] = useState('');
  const [intervals, setIntervals] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [done, setDone] = useState(false);

  const show = (s: RegistrySettings) => {
    setSaved(s);
    setNumbers({
      screeningThreshold: String(s.screeningThreshold),
      safetyBodyThreshold: String(s.safetyBodyThreshold),
      dueSoonDays: String(s.dueSoonDays),
      certificateExpiringDays: String(s.certificateExpiringDays),
    });
    setCounted(s.countedStatuses);
    setCodes(s.excludedCodes.join('，'));
    setIntervals(s.inspectionIntervals.map((r) => `${r.code}=${r.months}`).join('，'));
  };

  useEffect(() => {
    api.call('settings.get', {}).then((s) => show(s.registry), (e: unknown) => setError({ message: errorMessage(e) }));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    const parsed = parseIntervals(intervals);
    if ('invalid' in parsed) {
      setError({ field: 'inspectionIntervals', message: t('settings.registry.intervalsInvalid', { entry: parsed.invalid }) });
      setBusy(false);
      return;
    }
    try {
      const registry = {
        inspectionIntervals: parsed.intervals,
        ...Object.fromEntries(numberFields.map((f) => [f, Number(numbers[f])])),
        countedStatuses: statuses.filter((s) => counted.includes(s)),
        excludedCodes: parseCodes(codes),
      } as Partial<RegistrySettings>;
      show((await api.call('settings.update', { registry })).registry);
      setDone(true);
    } catch (e) {
      setError(toFormError(e, fieldNames));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: string) => (error?.field === name ? error.message : undefined);
  return (
    <section className="panel" aria-labelledby="registry-settings-title">
      <h2 id="registry-settings-title" className="section-title">
        {t('settings.registry.title')}
      </h2>
      <p className="muted">{t('settings.registry.hint')}</p>
      {saved && (
        <form className="form-grid" onSubmit={submit} noValidate aria-labelledby="registry-settings-title">
          {numberFields.map((f) => (
            <Field key={f} label={t(`settings.registry.${f}`)} hint={t(`settings.registry.${f}Hint`)} error={fieldError(f)}>
              {(control) => (
                <input {...control} name={f} type="number" min={1} value={numbers[f]} onChange={(e) => setNumbers({ ...numbers, [f]: e.target.value })} />
              )}
            </Field>
          ))}
          <fieldset className="field" aria-invalid={Boolean(fieldError('countedStatuses'))}>
            <legend className="field-label">{t('settings.registry.countedStatuses')}</legend>
            {statuses.map((s) => (
              <label key={s} className="checkbox-inline">
                <input
                  type="checkbox"
                  checked={counted.includes(s)}
                  onChange={(e) => setCounted(e.target.checked ? [...counted, s] : counted.filter((c) => c !== s))}
                />
                {t(`equipment.status.${s}`)}
              </label>
            ))}
            {fieldError('countedStatuses') && (
              <div className="field-error" role="alert">
                {fieldError('countedStatuses')}
              </div>
            )}
          </fieldset>
          <Field label={t('settings.registry.excludedCodes')} hint={t('settings.registry.excludedCodesHint')} error={fieldError('excludedCodes')}>
            {(control) => <input {...control} name="excludedCodes" value={codes} onChange={(e) => setCodes(e.target.value)} />}
          </Field>
          <Field label={t('settings.registry.inspectionIntervals')} hint={t('settings.registry.inspectionIntervalsHint')} error={fieldError('inspectionIntervals')} className="field-wide">
            {(control) => <input {...control} name="inspectionIntervals" value={intervals} onChange={(e) => setIntervals(e.target.value)} />}
          </Field>
          {error && !error.field && (
            <div className="notice notice-error" role="alert">
              {error.message}
            </div>
          )}
          <div className="form-actions">
            {done && (
              <span className="muted" role="status">
                {t('settings.registry.saved')}
              </span>
            )}
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
