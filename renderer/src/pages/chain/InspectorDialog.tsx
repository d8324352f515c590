import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspector } from '../../../../electron/api/schemas/blocks.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useMaxLengths } from '../../components/field-limits.ts';
import { useSubmit } from '../../components/useSubmit.ts';

const fields = ['name', 'enforcementNo', 'phone'] as const;

/** Add or edit one inspector of the district (name, 执法证号, phone, active). */
export function InspectorDialog({ inspector, onClose, onSaved }: { inspector: Inspector | null; onClose: () => void; onSaved: (i: Inspector) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: inspector?.name ?? '', enforcementNo: inspector?.enforcementNo ?? '', phone: inspector?.phone ?? '' });
  const [active, setActive] = useState(inspector?.active ?? true);
  const errors = useSubmit(fields);
  const max = useMaxLengths('inspectors.save');

  const submit = async () => onSaved(await api.call('inspectors.save', { ...form, active, ...(inspector ? { id: inspector.id, version: inspector.version } : {}) }));

  // a counter on the name (the phone and 执法证号 are checked for their form instead)
  const text = (field: (typeof fields)[number], required = false) => (
    <Field
      label={t(`chain.inspectorDialog.${field}`)}
      required={required}
      error={errors.of(field)}
      {...(field === 'name' ? { maxLength: max('name'), length: form.name.length } : {})}
    >
      {(control) => (
        <input
          {...control}
          name={field}
          type="text"
          value={form[field]}
          onChange={(e) => setForm((f) => ({ ...f, [field]: e.target.value }))}
          {...(field === 'name' ? { 'data-autofocus': true } : {})}
        />
      )}
    </Field>
  );

  return (
    <FormDialog title={inspector ? t('chain.inspectorDialog.editTitle') : t('chain.inspectorDialog.addTitle')} onClose={onClose} submit={errors} onSubmit={submit}>
      {text('name', true)}
      {text('enforcementNo')}
      {text('phone')}
      <label className="checkbox">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        {t('chain.inspectorDialog.active')}
      </label>
    </FormDialog>
  );
}
