import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import type { IndicatorKey, IndicatorRule } from '../../../../electron/api/schemas/steering.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';
import { useLoad } from '../../components/useLoad.ts';
import { formatDate, todayIso } from '../../format/time.ts';
import { monthLabel } from '../summaries/SummaryBadges.tsx';

type Rules = CallOutput<'steering.rules'>;
interface Draft {
  key: IndicatorKey;
  enabled: boolean;
  weight: string;
  param: string;
}

const paramLabel: Partial<Record<IndicatorKey, 'paramSummary' | 'paramInspection'>> = { summary_on_time: 'paramSummary', inspection_overdue: 'paramInspection' };

function toDraft(rules: IndicatorRule[]): Draft[] {
  return rules.map((r) => ({ key: r.key, enabled: r.enabled, weight: String(r.weight), param: r.param === null ? '' : String(r.param) }));
}

/** The indicators and weights in effect, a new version from a month on, and the versions so far. */
export function RulesTab() {
  const { t } = useTranslation();
  const read = useCallback(() => api.call('steering.rules', {}), []);
  const { value, error, reload } = useLoad<Rules>(read);
  const [draft, setDraft] = useState<Draft[]>([]);
  const [from, setFrom] = useState(todayIso().slice(0, 7));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    if (value) setDraft(toDraft(value.current.indicators));
  }, [value]);

  if (error) return <div className="notice notice-error" role="alert">{error}</div>;
  if (!value) return <div className="muted">{t('app.loading')}</div>;
  const sum = draft.filter((d) => d.enabled).reduce((n, d) => n + (Number(d.weight) || 0), 0);
  const change = (key: IndicatorKey, patch: Partial<Draft>) => setDraft((list) => list.map((d) => (d.key === key ? { ...d, ...patch } : d)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setSaved(null);
    try {
      const rules = await api.call('steering.saveRules', {
        effectiveFrom: from,
        note,
        indicators: draft.map((d) => ({ key: d.key, enabled: d.enabled, weight: d.enabled ? Number(d.weight) : 0, param: d.param.trim() === '' ? null : Number(d.param) })),
      });
      setSaved(t('steering.rules.saved', { version: rules.version, month: monthLabel(rules.effectiveFrom) }));
      setNote('');
      await reload();
    } catch (e) {
      setFailure(toFormError(e, ['effectiveFrom']));
    } finally {
      setBusy(false);
    }
  };

  const fromText = (month: string) => (month === '0000-01' ? t('steering.rules.builtIn') : t('steering.rules.fromMonth', { month: monthLabel(month) }));
  return (
    <>
      <section className="panel" aria-labelledby="steering-rules-title">
        <h2 id="steering-rules-title" className="section-title">
          {t('steering.rules.edit')}
        </h2>
        <p data-testid="steering-rules-current">{t('steering.rules.current', { version: value.current.version, from: fromText(value.current.effectiveFrom) })}</p>
        <p className="muted">{t('steering.rules.editHint')}</p>
        <form className="form-stack" onSubmit={submit} noValidate>
          <table className="data-table steering-table" data-testid="steering-rules">
            <thead>
              <tr>
                <th>{t('steering.rules.indicator')}</th>
                <th>{t('steering.rules.enabled')}</th>
                <th>{t('steering.rules.weight')}</th>
                <th>{t('steering.rules.param')}</th>
              </tr>
            </thead>
            <tbody>
              {draft.map((d) => {
                const name = value.labels[d.key];
                return (
                  <tr key={d.key} data-indicator={d.key}>
                    <th scope="row">{name}</th>
                    <td>
                      <input type="checkbox" aria-label={`${t('steering.rules.enabled')}：${name}`} checked={d.enabled} onChange={(e) => change(d.key, { enabled: e.target.checked })} />
                    </td>
                    <td>
                      <input type="number" min={0} max={100} aria-label={`${t('steering.rules.weight')}：${name}`} value={d.weight} disabled={!d.enabled} onChange={(e) => change(d.key, { weight: e.target.value })} />
                    </td>
                    <td>
                      {paramLabel[d.key] && (
                        <label>
                          {t(`steering.rules.${paramLabel[d.key]!}`)}{' '}
                          <input type="number" min={0} max={100} value={d.param} onChange={(e) => change(d.key, { param: e.target.value })} />
                        </label>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className={sum === 100 ? 'muted' : 'text-danger'} data-testid="steering-rules-sum">
            {t('steering.rules.sum', { sum })}
          </p>
          <Field label={t('steering.rules.effectiveFrom')} error={failure?.field === 'effectiveFrom' ? failure.message : undefined}>
            {(c) => <input {...c} type="month" value={from} onChange={(e) => setFrom(e.target.value)} />}
          </Field>
          <Field label={t('steering.rules.note')}>{(c) => <input {...c} maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
          {failure && !failure.field && (
            <div className="notice notice-error" role="alert">
              {failure.message}
            </div>
          )}
          {saved && (
            <div className="notice notice-ok" role="status">
              {saved}
            </div>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('common.saving') : t('steering.rules.save')}
            </button>
          </div>
        </form>
      </section>
      <section className="panel" aria-labelledby="steering-versions-title">
        <h2 id="steering-versions-title" className="section-title">
          {t('steering.rules.versions')}
        </h2>
        <table className="data-table steering-table" data-testid="steering-rule-versions">
          <thead>
            <tr>
              <th className="num">{t('steering.rules.version')}</th>
              <th>{t('steering.rules.from')}</th>
              <th>{t('steering.rules.weights')}</th>
              <th>{t('steering.rules.note')}</th>
              <th>{t('steering.rules.savedBy')}</th>
              <th>{t('steering.rules.savedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {[...value.versions].reverse().map((v) => (
              <tr key={v.version}>
                <td className="num">{v.version}</td>
                <td>{fromText(v.effectiveFrom)}</td>
                <td>
                  {v.indicators
                    .filter((i) => i.enabled)
                    .map((i) => `${value.labels[i.key]} ${i.weight}`)
                    .join('，')}
                </td>
                <td>{v.note ?? ''}</td>
                <td>{v.createdBy ?? ''}</td>
                <td>{formatDate(v.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
