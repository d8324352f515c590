import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import type { managerLimits } from '../../../../electron/api/schemas/field-limits.ts';
import type { SafetyManager } from '../../../../electron/api/schemas/registry.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { RegistryUnitField } from '../registry/RegistryUnitField.tsx';

const fieldNames = ['unitId', 'name', 'idNumber', 'itemCode', 'certificateNo', 'issuedDate', 'expiryDate', 'phone'] as const;
type FieldName = (typeof fieldNames)[number];
type Form = Record<FieldName, string>;

// the contract's limits, restated (the renderer imports the contract by type): the type check fails if they differ
const maxLength = { name: 30, idNumber: 40, itemCode: 30, certificateNo: 40, phone: 30 } satisfies typeof managerLimits;

function initialForm(manager: SafetyManager | null, unitId: string): Form {
  return {
    unitId: manager?.unitId ?? unitId,
    name: manager?.name ?? '',
    // shown masked in the grid: an edit leaves them empty, which keeps what is stored
    idNumber: '',
    itemCode: manager?.itemCode ?? 'A',
    certificateNo: manager?.certificateNo ?? '',
    issuedDate: manager?.issuedDate ?? '',
    expiryDate: manager?.expiryDate ?? '',
    phone: '',
  };
}

interface ManagerDialogProps {
  manager: SafetyManager | null;
  unitId: string;
  unitName: string;
  onClose: () => void;
  onSaved: (saved: CallOutput<'managers.create'>) => void;
}

/** Add or edit one safety manager; the ID number and phone are typed only to set or change them. */
export function ManagerDialog({ manager, unitId, unitName, onClose, onSaved }: ManagerDialogProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => initialForm(manager, unitId));
  const [cleared, setCleared] = useState({ idNumber: false, phone: false });
  const submit = useSubmit(fieldNames);

  const set = (field: FieldName) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  const save = async () => {
    // on edit, an empty personal field keeps the stored value (the core is not sent it), unless 清空 was ticked
    const data: Partial<Form> & Pick<Form, 'unitId' | 'name' | 'itemCode'> = { ...form };
    for (const field of ['idNumber', 'phone'] as const) if (manager && !form[field] && !cleared[field]) delete data[field];
    onSaved(manager ? await api.call('managers.update', { id: manager.id, version: manager.version, data }) : await api.call('managers.create', data));
  };

  const fieldError = (field: FieldName) => submit.of(field);
  const label = (field: FieldName) => t(`registryEdit.manager.${field}`);
  const text = (field: keyof typeof maxLength, options: { required?: boolean; hint?: string } = {}) => (
    <Field label={label(field)} required={options.required} hint={options.hint} error={fieldError(field)}>
      {(control) => <input {...control} name={field} type="text" value={form[field]} maxLength={maxLength[field]} onChange={set(field)} />}
    </Field>
  );
  const date = (field: 'issuedDate' | 'expiryDate') => (
    <Field label={label(field)} error={fieldError(field)}>
      {(control) => <input {...control} name={field} type="date" value={form[field]} onChange={set(field)} />}
    </Field>
  );
  const kept = (field: 'idNumber' | 'phone', masked: string | null | undefined) =>
    manager && masked ? (
      <span>
        {t(`registryEdit.manager.${field === 'idNumber' ? 'idNumberKeep' : 'phoneKeep'}`, { masked })}{' '}
        <label className="checkbox">
          <input type="checkbox" checked={cleared[field]} onChange={(e) => setCleared((c) => ({ ...c, [field]: e.target.checked }))} />
          {t('registryEdit.manager.clearPersonal')}
        </label>
      </span>
    ) : undefined;

  return (
    // after a refusal the cursor goes to the field it names
    <FormDialog
      title={manager ? t('registryEdit.manager.editTitle') : t('registryEdit.manager.addTitle')}
      onClose={onClose}
      submit={submit}
      onSubmit={save}
      size="medium"
      layout="grid"
      testId="manager-form"
      focusInvalid
    >
      <RegistryUnitField label={label('unitId')} value={form.unitId} onChange={(id) => setForm((f) => ({ ...f, unitId: id }))} initialSearch={manager?.unitName ?? unitName} error={fieldError('unitId')} />
      {text('name', { required: true })}
      {text('itemCode', { required: true, hint: t('registryEdit.manager.itemHint') })}
      <Field label={label('idNumber')} error={fieldError('idNumber')}>
        {(control) => <input {...control} name="idNumber" type="text" value={form.idNumber} maxLength={maxLength.idNumber} onChange={set('idNumber')} autoComplete="off" />}
      </Field>
      <div className="field-hint">{kept('idNumber', manager?.idNumberMasked)}</div>
      {text('certificateNo')}
      {date('issuedDate')}
      {date('expiryDate')}
      <Field label={label('phone')} error={fieldError('phone')}>
        {(control) => <input {...control} name="phone" type="text" value={form.phone} maxLength={maxLength.phone} onChange={set('phone')} autoComplete="off" />}
      </Field>
      <div className="field-hint">{kept('phone', manager?.phoneMasked)}</div>
    </FormDialog>
  );
}
