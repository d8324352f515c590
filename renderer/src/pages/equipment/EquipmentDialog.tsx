import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../electron/api/contract.ts';
import type { equipmentLimits } from '../../../../electron/api/schemas/field-limits.ts';
import type { Equipment } from '../../../../electron/api/schemas/registry.ts';
import { api } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { equipmentStatuses, type EquipmentStatusValue } from './equipment-filter.ts';
import { RegistryUnitField } from '../registry/RegistryUnitField.tsx';

const fieldNames = [
  'unitId',
  'category',
  'equipmentCode',
  'registrationCode',
  'registrationNo',
  'status',
  'location',
  'lastInspectionDate',
  'nextInspectionDate',
  'internalNo',
  'model',
  'productNo',
  'manufacturer',
  'commissionedDate',
] as const;
type FieldName = (typeof fieldNames)[number];
type Form = Record<Exclude<FieldName, 'status'>, string> & { status: EquipmentStatusValue };

// the contract's limits, restated (the renderer imports the contract by type): the type check fails if they differ
const maxLength = {
  equipmentCode: 40,
  registrationCode: 40,
  registrationNo: 40,
  category: 60,
  location: 200,
  internalNo: 50,
  model: 100,
  productNo: 60,
  manufacturer: 100,
} satisfies typeof equipmentLimits;

function initialForm(piece: Equipment | null, unitId: string): Form {
  return {
    unitId: piece?.unitId ?? unitId,
    category: piece ? (piece.varietyName ?? piece.categoryName ?? piece.kindName ?? piece.categoryRaw ?? '') : '',
    equipmentCode: piece?.equipmentCode ?? '',
    registrationCode: piece?.registrationCode ?? '',
    registrationNo: piece?.registrationNo ?? '',
    status: piece?.status ?? 'in_use',
    location: piece?.location ?? '',
    lastInspectionDate: piece?.lastInspectionDate ?? '',
    // a derived date is not typed in: left empty, it is derived again from the last date
    nextInspectionDate: piece?.nextInspectionSource === 'derived' ? '' : (piece?.nextInspectionDate ?? ''),
    internalNo: piece?.internalNo ?? '',
    model: piece?.model ?? '',
    productNo: piece?.productNo ?? '',
    manufacturer: piece?.manufacturer ?? '',
    commissionedDate: piece?.commissionedDate ?? '',
  };
}

interface EquipmentDialogProps {
  /** null to add a piece */
  piece: Equipment | null;
  /** the unit the grid is filtered by, for a new piece */
  unitId: string;
  unitName: string;
  onClose: () => void;
  onSaved: (saved: CallOutput<'equipment.create'>, created: boolean) => void;
}

/** Add or edit one piece of equipment; the core checks it as an imported row and names the field at fault. */
export function EquipmentDialog({ piece, unitId, unitName, onClose, onSaved }: EquipmentDialogProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => initialForm(piece, unitId));
  const submit = useSubmit(fieldNames);

  const set = (field: FieldName) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  const save = async () => {
    const saved = piece ? await api.call('equipment.update', { id: piece.id, version: piece.version, data: form }) : await api.call('equipment.create', form);
    onSaved(saved, !piece);
  };

  const fieldError = (field: FieldName) => submit.of(field);
  const label = (field: FieldName) => t(`registryEdit.equipment.${field}`);
  const text = (field: keyof typeof maxLength, options: { required?: boolean; hint?: string; wide?: boolean } = {}) => (
    <Field label={label(field)} required={options.required} hint={options.hint} error={fieldError(field)} className={options.wide ? 'field-wide' : undefined}>
      {(control) => <input {...control} name={field} type="text" value={form[field]} maxLength={maxLength[field]} onChange={set(field)} />}
    </Field>
  );
  const date = (field: 'lastInspectionDate' | 'nextInspectionDate' | 'commissionedDate', hint?: string) => (
    <Field label={label(field)} hint={hint} error={fieldError(field)}>
      {(control) => <input {...control} name={field} type="date" value={form[field]} onChange={set(field)} />}
    </Field>
  );
  const derived = piece?.nextInspectionSource === 'derived' ? t('registryEdit.equipment.derivedNow', { date: piece.nextInspectionDate }) : '';

  return (
    // after a refusal the cursor goes to the field it names
    <FormDialog
      title={piece ? t('registryEdit.equipment.editTitle') : t('registryEdit.equipment.addTitle')}
      onClose={onClose}
      submit={submit}
      onSubmit={save}
      size="large"
      layout="grid"
      testId="equipment-form"
      focusInvalid
    >
      <RegistryUnitField label={label('unitId')} value={form.unitId} onChange={(id) => setForm((f) => ({ ...f, unitId: id }))} initialSearch={piece?.unitName ?? unitName} error={fieldError('unitId')} />
      {text('category', { required: true, hint: t('registryEdit.equipment.categoryHint'), wide: true })}
      {text('equipmentCode', { hint: t('registryEdit.equipment.keysHint') })}
      {text('registrationCode')}
      {text('registrationNo')}
      <Field label={label('status')} required error={fieldError('status')}>
        {(control) => (
          <select {...control} name="status" value={form.status} onChange={set('status')}>
            {(Object.keys(equipmentStatuses) as EquipmentStatusValue[]).map((s) => (
              <option key={s} value={s}>
                {t(`equipment.status.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('location', { wide: true })}
      {date('lastInspectionDate')}
      {date('nextInspectionDate', [derived, t('registryEdit.equipment.nextHint')].filter(Boolean).join('。'))}
      {text('internalNo')}
      {text('model')}
      {text('productNo')}
      {text('manufacturer')}
      {date('commissionedDate')}
    </FormDialog>
  );
}
