import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanOptions, Scope } from '../../../../electron/api/schemas/inspections.ts';
import type { RiskLevel } from '../../../../electron/api/schemas/risk.ts';
import type { Unit } from '../../../../electron/api/schemas/unit.ts';
import { api } from '../../api/client.ts';
import { useAppContext } from '../../app/app-context.ts';
import { useDebouncedValue } from '../../components/useDebouncedValue.ts';
import { useLoad } from '../../components/useLoad.ts';

/** What the dialog holds while the user picks; turned into a Scope when saved. */
export interface ScopeDraft {
  kind: Scope['kind'];
  blockId: string;
  equipmentKind: string;
  units: Array<{ id: string; name: string }>;
  /** a 'risk_level' scope: 高 and 较高 are offered (issue 19) */
  riskLevels: RiskLevel[];
}

const offeredLevels = ['high', 'elevated'] as const;

export function toScope(draft: ScopeDraft): Scope {
  if (draft.kind === 'block') return { kind: 'block', blockId: draft.blockId };
  if (draft.kind === 'equipment_kind') return { kind: 'equipment_kind', equipmentKind: draft.equipmentKind };
  if (draft.kind === 'risk_level') return { kind: 'risk_level', levels: draft.riskLevels };
  return { kind: 'units', unitIds: draft.units.map((u) => u.id) };
}

/** 检查范围: a block, units found by a search, or a kind of equipment; with the count the core resolves it to. */
export function ScopePicker({ options, draft, onChange, describedBy }: { options: PlanOptions; draft: ScopeDraft; onChange: (d: ScopeDraft) => void; describedBy?: string }) {
  const { t } = useTranslation();
  const { node } = useAppContext();
  const [search, setSearch] = useState('');
  const needle = useDebouncedValue(search.trim(), 250);
  const found =
    useLoad(
      (): Promise<Unit[]> =>
        draft.kind !== 'units' || !needle
          ? Promise.resolve([])
          : api.call('units.query', { search: needle, districtId: node.districtId ?? undefined, startRow: 0, endRow: 20 }).then(
              (page) => page.rows,
              () => [],
            ),
      [draft.kind, needle, node.districtId],
    ).value ?? [];

  const scopeKey = JSON.stringify(toScope(draft));
  const { value: count } = useLoad(() => {
    const scope = JSON.parse(scopeKey) as Scope;
    const incomplete = (scope.kind === 'block' && !scope.blockId) || (scope.kind === 'equipment_kind' && !scope.equipmentKind) || (scope.kind === 'units' && scope.unitIds.length === 0) ||
      (scope.kind === 'risk_level' && scope.levels.length === 0);
    if (incomplete) return Promise.resolve(null);
    return api.call('inspections.resolveScope', { scope }).then(
      (units) => units.length,
      () => null,
    );
  }, [scopeKey]);

  const chosen = new Set(draft.units.map((u) => u.id));
  const toggle = (unit: { id: string; name: string }, on: boolean) =>
    onChange({ ...draft, units: on ? [...draft.units, { id: unit.id, name: unit.name }] : draft.units.filter((u) => u.id !== unit.id) });

  return (
    <div className="insp-scope" aria-describedby={describedBy}>
      <div className="insp-choice" role="radiogroup" aria-label={t('inspections.scope.kind')}>
        {(['block', 'units', 'equipment_kind', 'risk_level'] as const).map((kind) => (
          <label key={kind} className="checkbox-inline">
            <input type="radio" name="scope-kind" checked={draft.kind === kind} onChange={() => onChange({ ...draft, kind })} />
            {t(`inspections.scopeKind.${kind}`)}
          </label>
        ))}
      </div>
      {draft.kind === 'block' && (
        <select aria-label={t('inspections.scope.block')} value={draft.blockId} onChange={(e) => onChange({ ...draft, blockId: e.target.value })}>
          <option value="">{t('inspections.scope.pickBlock')}</option>
          {options.blocks.map((b) => (
            <option key={b.id} value={b.id}>
              {t('inspections.scope.blockOption', { name: b.name, members: b.members })}
            </option>
          ))}
        </select>
      )}
      {draft.kind === 'equipment_kind' && (
        <select aria-label={t('inspections.scopeKind.equipment_kind')} value={draft.equipmentKind} onChange={(e) => onChange({ ...draft, equipmentKind: e.target.value })}>
          <option value="">{t('inspections.scope.pickKind')}</option>
          {options.kinds.map((k) => (
            <option key={k.code} value={k.code} disabled={k.units === 0}>
              {t('inspections.scope.kindOption', { name: k.name, units: k.units })}
            </option>
          ))}
        </select>
      )}
      {draft.kind === 'risk_level' && (
        <fieldset className="insp-risk-levels">
          <legend>{t('inspections.scope.riskLevels')}</legend>
          {offeredLevels.map((level) => (
            <label key={level} className="checkbox-inline">
              <input
                type="checkbox"
                checked={draft.riskLevels.includes(level)}
                onChange={(e) => onChange({ ...draft, riskLevels: e.target.checked ? [...draft.riskLevels, level] : draft.riskLevels.filter((l) => l !== level) })}
              />
              {t('inspections.scope.riskOption', { level: t(`risk.level.${level}`), count: options.riskCounts[level] })}
            </label>
          ))}
        </fieldset>
      )}
      {draft.kind === 'units' && (
        <div className="insp-unit-picker">
          <input type="search" className="search-input" placeholder={t('inspections.scope.search')} aria-label={t('inspections.scope.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
          {found.length > 0 && (
            <ul className="insp-pick-list" aria-label={t('inspections.scope.searchResults')}>
              {found.map((u) => (
                <li key={u.id}>
                  <label className="checkbox-inline">
                    <input type="checkbox" checked={chosen.has(u.id)} onChange={(e) => toggle(u, e.target.checked)} />
                    {u.name}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <div className="muted">{t('inspections.scope.chosen', { count: draft.units.length })}</div>
          {draft.units.length > 0 && (
            <ul className="insp-chips">
              {draft.units.map((u) => (
                <li key={u.id}>
                  {u.name}
                  <button type="button" className="insp-link" onClick={() => toggle(u, false)} aria-label={`${t('inspections.scope.remove')} ${u.name}`}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="muted" data-testid="scope-count">
        {count === null ? t('inspections.scope.snapshot') : count === 0 ? t('inspections.scope.previewEmpty') : t('inspections.scope.preview', { count })}
      </div>
    </div>
  );
}
