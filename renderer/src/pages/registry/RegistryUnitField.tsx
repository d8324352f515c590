import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';

/** 使用单位 of a piece or a safety manager edited by hand: required, found by name or credit code. */
export function RegistryUnitField({ label, value, onChange, initialSearch, error }: { label: string; value: string; onChange: (unitId: string) => void; initialSearch: string; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Field label={label} required error={error} className="field-wide">
      {(control) => (
        <UnitPicker
          control={control}
          value={value}
          onChange={onChange}
          initialSearch={initialSearch}
          labels={{ search: t('registryEdit.unitSearch'), none: t('registryEdit.unitNone'), choose: t('registryEdit.unitChoose') }}
        />
      )}
    </Field>
  );
}
