import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../../electron/api/schemas/complaints.ts';
import type { ControlProps } from '../../components/Field.tsx';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';
import { useCall } from '../../components/useLoad.ts';

const SHOWN = 50;
type Linked = NonNullable<ComplaintDetail['linkedHazard']>;

/** 2026-0012　某公司：叉车制动失灵（2026-02-12）: what people see of a hazard, never its internal id. */
export function hazardLabel(h: Pick<Linked, 'number' | 'unitName' | 'description' | 'foundOn'>, noNumber: string): string {
  const text = h.description.length > 40 ? `${h.description.slice(0, 40)}…` : h.description;
  return `${h.number ?? noNumber}　${h.unitName}：${text}（${h.foundOn}）`;
}

/**
 * The hazard a complaint led to, found as people quote it: by 隐患编号 (or its serial
 * alone), the unit's name or initials, or words of the description; the first matches
 * of hazards.list in a list to choose from. The current link stays listed when the
 * search does not find it.
 */
export function HazardPicker({ control, value, current, onChange }: {
  control: ControlProps;
  value: string;
  current: Linked | null;
  onChange: (hazardId: string) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search, 200);
  const found = useCall('hazards.list', { search: query || undefined, limit: SHOWN });
  const rows = found.error ? [] : (found.value ?? []);

  const noNumber = t('complaints.handle.hazardNoNumber');
  const options: Array<Pick<Linked, 'id' | 'number' | 'unitName' | 'description' | 'foundOn'>> = [...rows];
  if (current && value === current.id && !rows.some((h) => h.id === current.id)) options.unshift(current);
  return (
    <div className="unit-picker" data-testid="hazard-picker">
      <input type="search" value={search} placeholder={t('complaints.handle.hazardSearch')} aria-label={t('complaints.handle.hazardSearch')} onChange={(e) => setSearch(e.target.value)} />
      <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{options.length === 0 ? t('complaints.handle.hazardNone') : t('complaints.handle.hazardChoose')}</option>
        {options.map((h) => (
          <option key={h.id} value={h.id}>
            {hazardLabel(h, noNumber)}
          </option>
        ))}
      </select>
      {rows.length === SHOWN && <div className="field-hint">{t('common.refineSearch', { count: SHOWN })}</div>}
    </div>
  );
}
