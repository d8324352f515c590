import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockSettings } from '../../../../electron/api/schemas/blocks.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';

/** The size rule of blocks (default 5–10): outside it a block is shown as a problem, never refused. */
export function SizeSettingsDialog({ settings, onClose, onSaved }: { settings: BlockSettings; onClose: () => void; onSaved: (s: BlockSettings) => void }) {
  const { t } = useTranslation();
  const [minSize, setMinSize] = useState(String(settings.minSize));
  const [maxSize, setMaxSize] = useState(String(settings.maxSize));
  const form = useSubmit(['minSize', 'maxSize']);

  return (
    <FormDialog title={t('blocks.settingsDialog.title')} onClose={onClose} submit={form} onSubmit={async () => onSaved(await api.call('blocks.updateSettings', { minSize: Number(minSize), maxSize: Number(maxSize) }))}>
      <p className="muted">{t('blocks.settingsDialog.hint')}</p>
      <Field label={t('blocks.settingsDialog.minSize')} error={form.of('minSize')}>
        {(control) => <input {...control} name="minSize" type="number" min={2} max={50} value={minSize} onChange={(e) => setMinSize(e.target.value)} />}
      </Field>
      <Field label={t('blocks.settingsDialog.maxSize')} error={form.of('maxSize')}>
        {(control) => <input {...control} name="maxSize" type="number" min={2} max={50} value={maxSize} onChange={(e) => setMaxSize(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
