import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskRuleBody } from '../../../../electron/api/schemas/risk.ts';

/** One whole-number setting; the draft keeps what was typed so an empty box is not read as 0. */
function NumberField({ label, value, onChange, readOnly, testId }: { label: string; value: number; onChange: (n: number) => void; readOnly: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <span>
        <input type="number" step={1} min={0} value={Number.isFinite(value) ? value : ''} readOnly={readOnly} onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))} data-testid={testId} />{' '}
        {t('risk.rule.points')}
      </span>
    </label>
  );
}

type Props = { rule: RiskRuleBody; readOnly: boolean; busy?: boolean; onSave?: (rule: RiskRuleBody, note: string) => void };

/**
 * Every weight of the scoring rule as a box: bands, overdue pieces, hazards, heavier kinds,
 * size bands, the rest. Read-only for an older version; the current one is saved as the next version.
 */
export function RuleForm({ rule, readOnly, busy = false, onSave }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<RiskRuleBody>(() => structuredClone(rule));
  const [excluded, setExcluded] = useState(rule.heavyKinds.excludedCodes.join(','));
  const [note, setNote] = useState('');
  // a shallow path setter keeps each box one line below
  const set = <K extends keyof RiskRuleBody>(key: K, value: RiskRuleBody[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const n = (label: string, value: number, onChange: (v: number) => void, testId?: string) => <NumberField label={label} value={value} onChange={onChange} readOnly={readOnly} testId={testId} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const codes = excluded
      .split(/[,，\s]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    onSave?.({ ...draft, heavyKinds: { ...draft.heavyKinds, excludedCodes: codes } }, note);
  };

  return (
    <form onSubmit={submit} data-testid="risk-rule-form">
      <fieldset className="risk-rule-section">
        <legend>{t('risk.rule.section.thresholds')}</legend>
        <div className="risk-rule-grid">
          {n(t('risk.rule.field.high'), draft.thresholds.high, (v) => set('thresholds', { ...draft.thresholds, high: v }), 'rule-high')}
          {n(t('risk.rule.field.elevated'), draft.thresholds.elevated, (v) => set('thresholds', { ...draft.thresholds, elevated: v }), 'rule-elevated')}
          {n(t('risk.rule.field.general'), draft.thresholds.general, (v) => set('thresholds', { ...draft.thresholds, general: v }), 'rule-general')}
        </div>
      </fieldset>
      <fieldset className="risk-rule-section">
        <legend>{t('risk.rule.section.overdue')}</legend>
        <div className="risk-rule-grid">
          {n(t('risk.rule.field.perPiece'), draft.overdueInspection.perPiece, (v) => set('overdueInspection', { ...draft.overdueInspection, perPiece: v }), 'rule-overdue-per')}
          {n(t('risk.rule.field.max'), draft.overdueInspection.max, (v) => set('overdueInspection', { ...draft.overdueInspection, max: v }))}
        </div>
      </fieldset>
      <fieldset className="risk-rule-section">
        <legend>{t('risk.rule.section.hazards')}</legend>
        <div className="risk-rule-grid">
          {(['openMajor', 'openGeneral', 'overdueMajor', 'overdueGeneral'] as const).map((key) => (
            <NumberField key={key} label={t(`risk.rule.field.${key}`)} value={draft.hazards[key]} onChange={(v) => set('hazards', { ...draft.hazards, [key]: v })} readOnly={readOnly} />
          ))}
          {n(t('risk.rule.field.hazardsMax'), draft.hazards.max, (v) => set('hazards', { ...draft.hazards, max: v }))}
        </div>
      </fieldset>
      <fieldset className="risk-rule-section">
        <legend>{t('risk.rule.section.heavy')}</legend>
        <div className="risk-rule-grid">
          {Object.entries(draft.heavyKinds.perPiece).map(([code, points]) => (
            <NumberField
              key={code}
              label={`${t(`catalogue.kind.${code}`, { defaultValue: code })}（${code}）`}
              value={points}
              onChange={(v) => set('heavyKinds', { ...draft.heavyKinds, perPiece: { ...draft.heavyKinds.perPiece, [code]: v } })}
              readOnly={readOnly}
            />
          ))}
          {n(t('risk.rule.field.heavyMax'), draft.heavyKinds.max, (v) => set('heavyKinds', { ...draft.heavyKinds, max: v }))}
          <label className="field">
            <span className="field-label">{t('risk.rule.field.excludedCodes')}</span>
            <input type="text" value={excluded} readOnly={readOnly} onChange={(e) => setExcluded(e.target.value)} />
          </label>
        </div>
      </fieldset>
      <fieldset className="risk-rule-section">
        <legend>{t('risk.rule.section.size')}</legend>
        {draft.sizeBands.map((band, i) => (
          <div className="risk-band" key={i}>
            <label>
              <input
                type="number"
                min={1}
                value={Number.isFinite(band.min) ? band.min : ''}
                readOnly={readOnly}
                aria-label={t('risk.rule.field.bandMin', { n: band.min })}
                onChange={(e) => set('sizeBands', draft.sizeBands.map((b, j) => (j === i ? { ...b, min: e.target.value === '' ? Number.NaN : Number(e.target.value) } : b)))}
              />{' '}
              {t('risk.rule.field.bandMin', { n: '' })}
            </label>
            <label>
              <input
                type="number"
                min={0}
                value={Number.isFinite(band.points) ? band.points : ''}
                readOnly={readOnly}
                aria-label={`${t('risk.rule.field.bandMin', { n: band.min })} ${t('risk.rule.points')}`}
                onChange={(e) => set('sizeBands', draft.sizeBands.map((b, j) => (j === i ? { ...b, points: e.target.value === '' ? Number.NaN : Number(e.target.value) } : b)))}
              />{' '}
              {t('risk.rule.points')}
            </label>
            {!readOnly && (
              <button type="button" className="button button-link" onClick={() => set('sizeBands', draft.sizeBands.filter((_, j) => j !== i))}>
                {t('risk.rule.field.removeBand')}
              </button>
            )}
          </div>
        ))}
        {!readOnly && draft.sizeBands.length < 10 && (
          <button type="button" className="button" onClick={() => set('sizeBands', [...draft.sizeBands, { min: (draft.sizeBands.at(-1)?.min ?? 0) * 2 || 10, points: 1 }])}>
            {t('risk.rule.field.addBand')}
          </button>
        )}
      </fieldset>
      <fieldset className="risk-rule-section">
        <legend>{t('risk.rule.section.other')}</legend>
        <div className="risk-rule-grid">
          {n(t('risk.rule.field.noValidAManager'), draft.noValidAManager, (v) => set('noValidAManager', v))}
          {n(t('risk.rule.field.demoPassed'), draft.demoPassed, (v) => set('demoPassed', v))}
          {n(t('risk.rule.field.perComplaint'), draft.complaints.perComplaint, (v) => set('complaints', { ...draft.complaints, perComplaint: v }))}
          {n(t('risk.rule.field.complaintsMax'), draft.complaints.max, (v) => set('complaints', { ...draft.complaints, max: v }))}
          <label className="field">
            <span className="field-label">{t('risk.rule.field.complaintsMonths')}</span>
            <input type="number" min={1} value={Number.isFinite(draft.complaints.months) ? draft.complaints.months : ''} readOnly={readOnly} onChange={(e) => set('complaints', { ...draft.complaints, months: e.target.value === '' ? Number.NaN : Number(e.target.value) })} />
          </label>
        </div>
      </fieldset>
      {!readOnly && (
        <>
          <label className="field">
            <span className="field-label">{t('risk.rule.field.note')}</span>
            <input type="text" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} data-testid="rule-note" />
          </label>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('risk.rule.save')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
