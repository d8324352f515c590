import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../electron/api/schemas/people.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useMaxLengths } from '../../components/field-limits.ts';
import { useFormErrors } from '../../components/useFormErrors.ts';

const fields = ['name', 'title'] as const;

/** 姓名 and 职务 of one person: added (staff.add) or edited (staff.update). */
export function StaffForm({ staff, onCancel, onSaved, submitLabel }: { staff?: Staff; onCancel: () => void; onSaved: (s: Staff) => void; submitLabel: string }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: staff?.name ?? '', title: staff?.title ?? '' });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(fields);
  const max = useMaxLengths(staff ? 'staff.update' : 'staff.add');
  const titles = t('people.titles', { returnObjects: true });
  const listId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    errors.clear();
    try {
      onSaved(staff ? await api.call('staff.update', { id: staff.id, version: staff.version, ...form }) : await api.call('staff.add', form));
    } catch (e) {
      errors.fail(e);
      setBusy(false);
    }
  };
  const set = (field: (typeof fields)[number]) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    errors.clearField(field);
  };

  return (
    <form className="form-stack" onSubmit={submit} noValidate data-testid="staff-form">
      <Field label={t('people.form.name')} required error={errors.of('name')} maxLength={max('name')} length={form.name.length}>
        {(c) => <input {...c} name="name" value={form.name} autoComplete="off" onChange={(e) => set('name')(e.target.value)} data-autofocus />}
      </Field>
      <Field label={t('people.form.title')} required error={errors.of('title')} hint={t('people.form.titleHint')} maxLength={max('title')} length={form.title.length}>
        {(c) => <input {...c} name="title" value={form.title} list={listId} autoComplete="off" onChange={(e) => set('title')(e.target.value)} />}
      </Field>
      <datalist id={listId}>
        {titles.map((title) => (
          <option key={title} value={title} />
        ))}
      </datalist>
      <FormErrorSummary errors={errors.errors} />
      <FormActions busy={busy} onCancel={onCancel} submitLabel={submitLabel} />
    </form>
  );
}
