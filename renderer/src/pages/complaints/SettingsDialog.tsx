import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintSettings, SchemeRules } from '../../../../electron/api/schemas/complaints.ts';
import { api, ApiError } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { formatFen, parsePercent, parseYuan, percentText } from '../../format/money.ts';
import { levelLabel } from './labels.ts';

/** A scheme as typed: per cent and yuan strings. */
interface SchemeText {
  levels: Array<{ rate: string; minimum: string }>;
  cap: string;
}

const toText = (rules: SchemeRules): SchemeText => ({
  levels: rules.levels.map((l) => ({ rate: percentText(l.rateBp), minimum: formatFen(l.minimumFen).replace(/,/g, '') })),
  cap: formatFen(rules.capFen).replace(/,/g, ''),
});

function toRules(text: SchemeText): SchemeRules | null {
  const levels = text.levels.map((l) => ({ rateBp: parsePercent(l.rate), minimumFen: parseYuan(l.minimum) }));
  const capFen = parseYuan(text.cap);
  if (capFen === null || levels.some((l) => l.rateBp === null || l.minimumFen === null)) return null;
  const [a, b, c] = levels as Array<{ rateBp: number; minimumFen: number }>;
  return { levels: [a!, b!, c!], capFen };
}

function SchemeTable({ title, value, onChange, disabled }: { title: string; value: SchemeText; onChange: (v: SchemeText) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const setLevel = (i: number, key: 'rate' | 'minimum', v: string) => onChange({ ...value, levels: value.levels.map((l, j) => (j === i ? { ...l, [key]: v } : l)) });
  return (
    <fieldset className="complaint-scheme">
      <legend>{title}</legend>
      <table className="counts-table">
        <thead>
          <tr>
            <th>{t('complaints.settingsDialog.levelRow')}</th>
            <th>{t('complaints.settingsDialog.rate')}</th>
            <th>{t('complaints.settingsDialog.minimum')}</th>
          </tr>
        </thead>
        <tbody>
          {value.levels.map((l, i) => (
            <tr key={i}>
              <th>{levelLabel(t, i + 1)}</th>
              <td>
                <input aria-label={`${title} ${levelLabel(t, i + 1)} ${t('complaints.settingsDialog.rate')}`} inputMode="decimal" value={l.rate} disabled={disabled} onChange={(e) => setLevel(i, 'rate', e.target.value)} />
              </td>
              <td>
                <input aria-label={`${title} ${levelLabel(t, i + 1)} ${t('complaints.settingsDialog.minimum')}`} inputMode="decimal" value={l.minimum} disabled={disabled} onChange={(e) => setLevel(i, 'minimum', e.target.value)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Field label={t('complaints.settingsDialog.cap')}>{(c) => <input {...c} aria-label={`${title} ${t('complaints.settingsDialog.cap')}`} inputMode="decimal" value={value.cap} disabled={disabled} onChange={(e) => onChange({ ...value, cap: e.target.value })} />}</Field>
    </fieldset>
  );
}

/** 奖励标准与处理期限: the default handling deadline, the national scheme and the office's local tier table. */
export function SettingsDialog({ readOnly, onClose, onSaved }: { readOnly: boolean; onClose: () => void; onSaved: (s: ComplaintSettings) => void }) {
  const { t } = useTranslation();
  const [days, setDays] = useState('');
  const [national, setNational] = useState<SchemeText | null>(null);
  const [local, setLocal] = useState<SchemeText | null>(null);
  const [localName, setLocalName] = useState('');
  const submit = useSubmit(['handlingWorkingDays', 'localName']);
  const { fail } = submit;

  useEffect(() => {
    api.call('complaints.settings', {}).then(
      (s) => {
        setDays(String(s.handlingWorkingDays));
        setNational(toText(s.national));
        setLocal(toText(s.local));
        setLocalName(s.localName);
      },
      (e: unknown) => fail(e),
    );
  }, [fail]);

  const save = async () => {
    const nationalRules = national && toRules(national);
    const localRules = local && toRules(local);
    // an ApiError, not a plain Error: the form shows a plain Error's text as 操作失败 (it may be a bug's English)
    if (!nationalRules || !localRules || !/^\d+$/.test(days)) throw new ApiError('VALIDATION', t('complaints.settingsDialog.invalid'));
    onSaved(await api.call('complaints.updateSettings', { handlingWorkingDays: Number(days), national: nationalRules, local: localRules, localName }));
  };

  return (
    <FormDialog title={t('complaints.settingsDialog.title')} onClose={onClose} submit={submit} onSubmit={save} size="large" readOnly={readOnly}>
      <Field label={t('complaints.settingsDialog.handlingDays')} error={submit.of('handlingWorkingDays')}>
        {(c) => <input {...c} type="number" min={1} max={365} value={days} disabled={readOnly} onChange={(e) => setDays(e.target.value)} data-autofocus />}
      </Field>
      {national && <SchemeTable title={t('complaints.settingsDialog.national')} value={national} onChange={setNational} disabled={readOnly} />}
      {local && (
        <>
          <Field label={t('complaints.settingsDialog.localName')} error={submit.of('localName')}>
            {(c) => <input {...c} value={localName} maxLength={100} disabled={readOnly} onChange={(e) => setLocalName(e.target.value)} />}
          </Field>
          <SchemeTable title={t('complaints.settingsDialog.local')} value={local} onChange={setLocal} disabled={readOnly} />
        </>
      )}
      <p className="muted">{t('complaints.settingsDialog.hint')}</p>
    </FormDialog>
  );
}
