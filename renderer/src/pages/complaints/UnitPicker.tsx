import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { Field } from '../../components/Field.tsx';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';
import { useLoad } from '../../components/useLoad.ts';

export interface UnitChoice {
  unitId: string | null;
  unitName: string;
  equipmentId: string | null;
}

interface Option {
  id: string;
  label: string;
}

/**
 * The unit concerned: found in the ledger by name or credit code (paged from SQLite,
 * the first 20 matches), or typed when it is not there; then, for a ledger unit, one
 * of its pieces of equipment.
 */
export function UnitPicker({ value, initialLabel, onChange, errors, unitNameMax }: { value: UnitChoice; initialLabel: string | null; onChange: (v: UnitChoice) => void; errors: Partial<Record<'unitId' | 'unitName' | 'equipmentId', string>>; unitNameMax?: number }) {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 250);
  const found = useLoad(
    (): Promise<Option[] | null> =>
      query
        ? api.call('units.query', { search: query, ...(node.districtId ? { districtId: node.districtId } : {}), startRow: 0, endRow: 20 }).then(
            (page) => page.rows.map((u) => ({ id: u.id, label: `${u.name}（${u.uscc}）` })),
            () => [],
          )
        : Promise.resolve(null),
    [query, node.districtId],
  );
  // an emptied search box keeps the last matches (the chosen unit stays among the options)
  const shownUnits = useRef<Option[]>(value.unitId && initialLabel ? [{ id: value.unitId, label: initialLabel }] : []);
  if (found.value) shownUnits.current = found.value;
  const units = shownUnits.current;
  const pieces =
    useLoad(
      (): Promise<Option[]> =>
        value.unitId
          ? api.call('equipment.query', { unitId: value.unitId, startRow: 0, endRow: 500 }).then(
              (page) => page.rows.map((e) => ({ id: e.id, label: [e.registrationNo ?? e.equipmentCode ?? e.registrationCode ?? e.internalNo, e.varietyName ?? e.categoryName ?? e.kindName].filter(Boolean).join(' ') })),
              () => [],
            )
          : Promise.resolve([]),
      [value.unitId],
    ).value ?? [];

  return (
    <>
      <Field label={t('complaints.form.unitSearch')} className="field-wide">
        {(c) => <input {...c} type="search" value={search} placeholder={t('complaints.form.unitSearchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />}
      </Field>
      <Field label={t('complaints.form.unitPick')} error={errors.unitId} className="field-wide">
        {(c) => (
          <select {...c} value={value.unitId ?? ''} onChange={(e) => onChange({ unitId: e.target.value || null, unitName: value.unitName, equipmentId: null })}>
            <option value="">{t('complaints.form.unitNone')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {value.unitId ? (
        <Field label={t('complaints.form.equipment')} error={errors.equipmentId} className="field-wide">
          {(c) => (
            <select {...c} value={value.equipmentId ?? ''} onChange={(e) => onChange({ ...value, equipmentId: e.target.value || null })}>
              <option value="">{t('complaints.form.equipmentNone')}</option>
              {pieces.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <Field label={t('complaints.form.unitName')} error={errors.unitName} className="field-wide" maxLength={unitNameMax} length={value.unitName.length}>
          {(c) => <input {...c} value={value.unitName} onChange={(e) => onChange({ ...value, unitName: e.target.value })} />}
        </Field>
      )}
    </>
  );
}
