import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspector } from '../../../../electron/api/schemas/blocks.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';
import { Modal } from '../../components/Modal.tsx';
import { FormActions } from '../../components/FormActions.tsx';

const fields = ['name', 'enforcementNo', 'phone'] as const;

/** Add or edit one inspector of the district (name, 执法证号, phone, active). */
export function InspectorDialog({ inspector, onClose, onSaved }: { inspector: Inspector | null; onClose: () => void; onSaved: (i: Inspector) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: inspector?.name ?? '', enforcementNo: inspector?.enforcementNo ?? '', phone: inspector?.phone ?? '' });
  const [active, setActive] = useState(inspector?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.call('inspectors.save', { ...form, active, ...(inspector ? { id: inspector.id, version: inspector.version } : {}) }));
    } catch (e) {
      setError(toFormError(e, fields));
      setBusy(false);
    }
  };

  const text = (field: (typeof fields)[number], max: number, required = false) => (
    <Field label={t(`chain.inspectorDialog.${field}`)} required={required} error={error?.field === field ? error.message : undefined}>
      {(control) => (
        <input
          {...control}
          name={field}
          type="text"
          value={form[field]}
          maxLength={max}
          onChange={(e) => setForm((f) => ({ ...f, [field]: e.target.value }))}
          {...(field === 'name' ? { 'data-autofocus': true } : {})}
        />
      )}
    </Field>
  );

  return (
    <Modal title={inspector ? t('chain.inspectorDialog.editTitle') : t('chain.inspectorDialog.addTitle')} onClose={onClose} busy={busy}>
      <form className="form-stack" onSubmit={submit} noValidate>
        {error && !error.field && (
          <div className="notice notice-error" role="alert">
            {error.message}
          </div>
        )}
        {text('name', 30, true)}
        {text('enforcementNo', 40)}
        {text('phone', 30)}
        <label className="checkbox">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {t('chain.inspectorDialog.active')}
        </label>
        <FormActions busy={busy} onCancel={onClose} submitLabel={t('common.save')} />
      </form>
    </Modal>
  );
}
