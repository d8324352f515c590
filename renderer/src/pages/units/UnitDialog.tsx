import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../../electron/api/contract.ts';
import type { unitLimits } from '../../../../electron/api/schemas/field-limits.ts';
import type { Unit } from '../../../../electron/api/schemas/unit.ts';
import { api } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { Field } from '../../components/Field.tsx';
import { toFormError, type FormError } from '../../components/form-errors.ts';
import { Modal } from '../../components/Modal.tsx';

type UnitForm = { [K in keyof CallInput<'units.create'>]-?: string };
type FieldName = keyof UnitForm;

const fieldNames: readonly FieldName[] = ['name', 'uscc', 'districtId', 'address', 'industry', 'contactPerson', 'contactPhone', 'notes'];
// the contract's limits, restated here (the renderer imports the contract by type): the type check fails if they differ
const maxLength: Partial<Record<FieldName, number>> = {
  name: 100,
  uscc: 40,
  address: 200,
  industry: 50,
  contactPerson: 30,
  contactPhone: 30,
  notes: 1000,
} satisfies typeof unitLimits;

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
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // Put the cursor where the problem is, so the user can fix it at once.
  useEffect(() => {
    if (!error?.field) return;
    formRef.current?.querySelector<HTMLElement>(`[name="${error.field}"]`)?.focus();
  }, [error]);

  const set = (field: FieldName) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const saved = unit
        ? await api.call('units.update', { id: unit.id, version: unit.version, data: form })
        : await api.call('units.create', form);
      onSaved(saved, !unit);
    } catch (e) {
      setError(toFormError(e, fieldNames));
      setBusy(false);
    }
  };

  const fieldError = (field: FieldName) => (error?.field === field ? error.message : undefined);
  // The current district stays choosable when editing, even if it has since been deactivated.
  const districtOptions = unit && !districts.some((d) => d.id === unit.districtId)
    ? [...districts, { id: unit.districtId, name: unit.districtName }]
    : districts;

  const text = (field: FieldName, options: { required?: boolean; hint?: string; wide?: boolean; autoFocus?: boolean } = {}) => (
    <Field label={t(`units.form.${field}`)} required={options.required} hint={options.hint} error={fieldError(field)} className={options.wide ? 'field-wide' : undefined}>
      {(control) => (
        <input
          {...control}
          name={field}
          type="text"
          value={form[field]}
          maxLength={maxLength[field]}
          onChange={set(field)}
          {...(options.autoFocus ? { 'data-autofocus': true } : {})}
        />
      )}
    </Field>
  );

  return (
    <Modal title={unit ? t('units.form.editTitle') : t('units.form.addTitle')} onClose={onClose} busy={busy} size="medium">
      <form ref={formRef} className="form-grid" onSubmit={submit} noValidate>
        {error && !error.field && (
          <div className="notice notice-error field-wide" role="alert">
            {error.message}
          </div>
        )}
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
        <Field label={t('units.form.notes')} error={fieldError('notes')} className="field-wide">
          {(control) => <textarea {...control} name="notes" rows={3} value={form.notes} maxLength={maxLength.notes} onChange={set('notes')} />}
        </Field>
        <div className="form-actions field-wide">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
