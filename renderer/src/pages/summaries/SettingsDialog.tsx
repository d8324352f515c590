import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummarySettings } from '../../../../electron/api/schemas/summaries.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';
import { Modal } from '../../components/Modal.tsx';

/** The due day (default 25) and the day the home page starts counting down (default 15). */
export function SettingsDialog({ settings, onClose, onSaved }: { settings: SummarySettings; onClose: () => void; onSaved: (s: SummarySettings) => void | Promise<void> }) {
  const { t } = useTranslation();
  const [dueDay, setDueDay] = useState(String(settings.dueDay));
  const [countdownFromDay, setCountdownFromDay] = useState(String(settings.countdownFromDay));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // busy until the page has taken the new settings in: the caller may reload before it closes the dialog
      await onSaved(await api.call('summaries.updateSettings', { dueDay: Number(dueDay), countdownFromDay: Number(countdownFromDay) }));
    } catch (e) {
      setError(toFormError(e, ['dueDay', 'countdownFromDay']));
      setBusy(false);
    }
  };

  return (
    <Modal title={t('summaries.settings.title')} onClose={onClose} busy={busy}>
      <form className="form-stack" onSubmit={submit} noValidate>
        <p className="muted">{t('summaries.settings.hint')}</p>
        <Field label={t('summaries.settings.dueDay')} hint={t('summaries.settings.dueDayHint')} error={error?.field === 'dueDay' ? error.message : undefined}>
          {(c) => <input {...c} name="dueDay" type="number" min={1} max={31} value={dueDay} onChange={(e) => setDueDay(e.target.value)} />}
        </Field>
        <Field label={t('summaries.settings.countdownFromDay')} hint={t('summaries.settings.countdownFromDayHint')} error={error?.field === 'countdownFromDay' ? error.message : undefined}>
          {(c) => <input {...c} name="countdownFromDay" type="number" min={1} max={31} value={countdownFromDay} onChange={(e) => setCountdownFromDay(e.target.value)} />}
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
