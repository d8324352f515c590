import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlProps } from './Field.tsx';
import { useDebouncedValue } from './useDebouncedValue.ts';
import { useCall } from './useLoad.ts';

const SHOWN = 50;

/**
 * One unit of the ledger, found by name or credit code: a search box over units.query
 * and a list of the first matches (a district has thousands of units, too many for one select).
 */
export function UnitPicker({ control, value, onChange, districtId, labels, initialSearch = '' }: {
  control: ControlProps;
  value: string;
  onChange: (unitId: string) => void;
  districtId?: string;
  labels: { search: string; none: string; choose: string };
  /** an edit form starts from its unit's name, so the unit is among the matches */
  initialSearch?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(initialSearch);
  const query = useDebouncedValue(search, 200);
  const found = useCall('units.query', { search: query || undefined, districtId, startRow: 0, endRow: SHOWN });
  const rows = found.error ? [] : (found.value?.rows ?? []);

  return (
    <div className="unit-picker">
      <input type="search" value={search} placeholder={labels.search} aria-label={labels.search} onChange={(e) => setSearch(e.target.value)} data-autofocus />
      <select {...control} name="unitId" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{rows.length === 0 ? labels.none : labels.choose}</option>
        {rows.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}（{u.uscc}）
          </option>
        ))}
      </select>
      {rows.length === SHOWN && <div className="field-hint">{t('common.refineSearch', { count: SHOWN })}</div>}
    </div>
  );
}
