import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../../electron/api/contract.ts';
import type { Unit } from '../../../../electron/api/schemas/unit.ts';
import { api } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useMaxLengths } from '../../components/field-limits.ts';
import { useSubmit } from '../../components/useSubmit.ts';

type UnitForm = { [K in keyof CallInput<'units.create'>]-?: string };
type FieldName = keyof UnitForm;

const fieldNames: readonly FieldName[] = ['name', 'uscc', 'districtId', 'address', 'industry', 'contactPerson', 'contactPhone', 'notes'];
// a counter where the text is free; the credit code and the phone are checked for their form instead
const counted: ReadonlySet<FieldName> = new Set(['name', 'address', 'industry', 'contactPerson', 'notes']);

function initialForm(unit: Unit | null, defaultDistrictId: string): UnitForm {
  return {
    name: unit?.name ?? '',
    uscc: unit?.uscc ?? '',
    districtId: unit?.districtId ?? defaultDistrictId,
    address: unit?.address ?? '',
    industry: unit?.industry ?? '',
    contactPerson: unit?.contactPerson ?? '',
    contactPhone: unit?.contactPhone ?? '',
    notes: unit?.notes ?? '',
  };
}

interface UnitDialogProps {
  /** null to add a new unit */
  unit: Unit | null;
  onClose: () => void;
  onSaved: (unit: Unit, created: boolean) => void;
}

/** Add or edit one unit. The core checks everything; its message is shown at the field it names and nothing is saved. */
export function UnitDialog({ unit, onClose, onSaved }: UnitDialogProps) {
  const { t } = useTranslation();
  const { node, districts } = useAppContext();
  const [form, setForm] = useState(() => initialForm(unit, node.districtId ?? ''));
  const errors = useSubmit(fieldNames);
  // units.update carries the same fields under data
  const max = useMaxLengths('units.create');
  const set = (field: FieldName) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  const save = async () => {
    const saved = unit ? await api.call('units.update', { id: unit.id, version: unit.version, data: form }) : await api.call('units.create', form);
    onSaved(saved, !unit);
  };

  const fieldError = (field: FieldName) => errors.of(field);
  const counter = (field: FieldName) => (counted.has(field) ? { maxLength: max(field), length: form[field].length } : {});
  // The current district stays choosable when editing, even if it has since been deactivated.
  const districtOptions = unit && !districts.some((d) => d.id === unit.districtId)
    ? [...districts, { id: unit.districtId, name: unit.districtName }]
    : districts;

  const text = (field: FieldName, options: { required?: boolean; hint?: string; wide?: boolean; autoFocus?: boolean } = {}) => (
    <Field label={t(`units.form.${field}`)} required={options.required} hint={options.hint} error={fieldError(field)} className={options.wide ? 'field-wide' : undefined} {...counter(field)}>
      {(control) => (
        <input
          {...control}
          name={field}
          type="text"
          value={form[field]}
          onChange={set(field)}
          {...(options.autoFocus ? { 'data-autofocus': true } : {})}
        />
      )}
    </Field>
  );

  return (
    // after a refusal the cursor goes to the first problem, so the user can fix it at once
    <FormDialog title={unit ? t('units.form.editTitle') : t('units.form.addTitle')} onClose={onClose} submit={errors} onSubmit={save} size="medium" layout="grid" focusInvalid>
      {text('name', { required: true, wide: true, autoFocus: true })}
      {text('uscc', { required: true, hint: t('units.form.usccHint') })}
      <Field label={t('units.form.districtId')} required error={fieldError('districtId')}>
        {(control) => (
          <select {...control} name="districtId" value={form.districtId} onChange={set('districtId')}>
            {!form.districtId && <option value="" />}
            {districtOptions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('address', { wide: true })}
      {text('industry')}
      {text('contactPerson')}
      {text('contactPhone')}
      <Field label={t('units.form.notes')} error={fieldError('notes')} className="field-wide" {...counter('notes')}>
        {(control) => <textarea {...control} name="notes" rows={3} value={form.notes} onChange={set('notes')} />}
      </Field>
    </FormDialog>
  );
}
