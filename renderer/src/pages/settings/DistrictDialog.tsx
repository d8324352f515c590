import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { District } from '../../../../electron/api/schemas/district.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';
import { Modal } from '../../components/Modal.tsx';
import { FormActions } from '../../components/FormActions.tsx';

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
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
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
    } catch (e) {
      setError(toFormError(e, fieldNames));
      setBusy(false);
    }
  };
  const fieldError = (field: (typeof fieldNames)[number]) => (error?.field === field ? error.message : undefined);

  return (
    <Modal title={district ? t('settings.districtForm.editTitle') : t('settings.districtForm.addTitle')} onClose={onClose} busy={busy}>
      <form className="form-stack" onSubmit={submit} noValidate>
        {error && !error.field && (
          <div className="notice notice-error" role="alert">
            {error.message}
          </div>
        )}
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
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('common.save')} />
      </form>
    </Modal>
  );
}
