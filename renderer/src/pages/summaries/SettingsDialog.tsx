import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummarySettings } from '../../../../electron/api/schemas/summaries.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';

/** The due day (default 25) and the day the home page starts counting down (default 15). */
export function SettingsDialog({ settings, onClose, onSaved }: { settings: SummarySettings; onClose: () => void; onSaved: (s: SummarySettings) => void | Promise<void> }) {
  const { t } = useTranslation();
  const [dueDay, setDueDay] = useState(String(settings.dueDay));
  const [countdownFromDay, setCountdownFromDay] = useState(String(settings.countdownFromDay));
  const form = useSubmit(['dueDay', 'countdownFromDay']);

  // busy until the page has taken the new settings in: the caller may reload before it closes the dialog
  const submit = async () => onSaved(await api.call('summaries.updateSettings', { dueDay: Number(dueDay), countdownFromDay: Number(countdownFromDay) }));

  return (
    <FormDialog title={t('summaries.settings.title')} onClose={onClose} submit={form} onSubmit={submit}>
      <p className="muted">{t('summaries.settings.hint')}</p>
      <Field label={t('summaries.settings.dueDay')} hint={t('summaries.settings.dueDayHint')} error={form.of('dueDay')}>
        {(c) => <input {...c} name="dueDay" type="number" min={1} max={31} value={dueDay} onChange={(e) => setDueDay(e.target.value)} />}
      </Field>
      <Field label={t('summaries.settings.countdownFromDay')} hint={t('summaries.settings.countdownFromDayHint')} error={form.of('countdownFromDay')}>
        {(c) => <input {...c} name="countdownFromDay" type="number" min={1} max={31} value={countdownFromDay} onChange={(e) => setCountdownFromDay(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
