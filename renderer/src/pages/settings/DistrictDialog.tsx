import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { District } from '../../../../electron/api/schemas/district.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';

const fieldNames = ['name', 'pilot', 'sortOrder', 'active'] as const;

interface DistrictDialogProps {
  /** null to add */
  district: District | null;
  onClose: () => void;
  onSaved: (district: District) => void;
}

/** Add or rename a district (bureau only), with its pilot flag, order and active state. */
export function DistrictDialog({ district, onClose, onSaved }: DistrictDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(district?.name ?? '');
  const [pilot, setPilot] = useState(district?.pilot ?? false);
  const [sortOrder, setSortOrder] = useState(String(district?.sortOrder ?? 100));
  const [active, setActive] = useState(district?.active ?? true);
  const form = useSubmit(fieldNames);

  const submit = async () => {
    const order = Number.parseInt(sortOrder, 10);
    onSaved(
      await api.call('districts.save', {
        ...(district ? { id: district.id, version: district.version } : {}),
        name,
        pilot,
        // an unreadable number is left to the core's default rather than guessed here
        ...(Number.isFinite(order) ? { sortOrder: order } : {}),
        active,
      }),
    );
  };
  const fieldError = (field: (typeof fieldNames)[number]) => form.of(field);

  return (
    <FormDialog title={district ? t('settings.districtForm.editTitle') : t('settings.districtForm.addTitle')} onClose={onClose} submit={form} onSubmit={submit}>
      <Field label={t('settings.districtForm.name')} required error={fieldError('name')}>
        {(control) => <input {...control} type="text" maxLength={30} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t('settings.districtForm.sortOrder')} error={fieldError('sortOrder')}>
        {(control) => (
          <input {...control} type="number" min={0} max={9999} value={sortOrder} onChange={(e) => setSortOrder(e.target.value)} />
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={pilot} onChange={(e) => setPilot(e.target.checked)} />
        {t('settings.districtForm.pilot')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        {t('settings.districtForm.active')}
      </label>
    </FormDialog>
  );
}
