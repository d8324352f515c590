import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockSettings } from '../../../../electron/api/schemas/blocks.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';
import { Modal } from '../../components/Modal.tsx';
import { FormActions } from '../../components/FormActions.tsx';

/** The size rule of blocks (default 5–10): outside it a block is shown as a problem, never refused. */
export function SizeSettingsDialog({ settings, onClose, onSaved }: { settings: BlockSettings; onClose: () => void; onSaved: (s: BlockSettings) => void }) {
  const { t } = useTranslation();
  const [minSize, setMinSize] = useState(String(settings.minSize));
  const [maxSize, setMaxSize] = useState(String(settings.maxSize));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.call('blocks.updateSettings', { minSize: Number(minSize), maxSize: Number(maxSize) }));
    } catch (e) {
      setError(toFormError(e, ['minSize', 'maxSize']));
      setBusy(false);
    }
  };

  return (
    <Modal title={t('blocks.settingsDialog.title')} onClose={onClose} busy={busy}>
      <form className="form-stack" onSubmit={submit} noValidate>
        <p className="muted">{t('blocks.settingsDialog.hint')}</p>
        <Field label={t('blocks.settingsDialog.minSize')} error={error?.field === 'minSize' ? error.message : undefined}>
          {(control) => <input {...control} name="minSize" type="number" min={2} max={50} value={minSize} onChange={(e) => setMinSize(e.target.value)} />}
        </Field>
        <Field label={t('blocks.settingsDialog.maxSize')} error={error?.field === 'maxSize' ? error.message : undefined}>
          {(control) => <input {...control} name="maxSize" type="number" min={2} max={50} value={maxSize} onChange={(e) => setMaxSize(e.target.value)} />}
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
