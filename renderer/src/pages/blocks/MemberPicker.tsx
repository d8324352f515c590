import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockCandidate } from '../../../../electron/api/schemas/blocks.ts';

export type CandidateFilter = 'listed-free' | 'free' | 'all';

const MAX_SHOWN = 200;

interface MemberPickerProps {
  candidates: readonly BlockCandidate[];
  /** the block being edited: its own members count as free */
  blockId: string | null;
  selected: readonly string[];
  onToggle: (unitId: string, on: boolean) => void;
  invalid: boolean;
  describedBy?: string;
}

/**
 * The district's units to choose members from: a search over name, credit code,
 * address, town and industry, and a filter that starts at the units of list 1 not yet
 * in a block. A unit in another active block cannot be chosen (one block per unit).
 */
export function MemberPicker({ candidates, blockId, selected, onToggle, invalid, describedBy }: MemberPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<CandidateFilter>('listed-free');
  const chosen = useMemo(() => new Set(selected), [selected]);

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return candidates.filter((c) => {
      const free = c.blockId === null || c.blockId === blockId;
      if (!chosen.has(c.unitId)) {
        if (filter === 'listed-free' && !(c.listed && free)) return false;
        if (filter === 'free' && !free) return false;
      }
      if (!needle) return true;
      return [c.name, c.uscc, c.address ?? '', c.town, c.industry ?? ''].some((v) => v.toLowerCase().includes(needle));
    });
  }, [candidates, blockId, chosen, filter, search]);

  return (
    <div className="member-picker">
      <div className="toolbar">
        <input
          type="search"
          className="search-input"
          placeholder={t('blocks.dialog.search')}
          aria-label={t('blocks.dialog.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label className="toolbar-field">
          <span className="toolbar-label">{t('blocks.dialog.filter')}</span>
          <select value={filter} onChange={(e) => setFilter(e.target.value as CandidateFilter)} aria-label={t('blocks.dialog.filter')}>
            <option value="listed-free">{t('blocks.dialog.filterListedFree')}</option>
            <option value="free">{t('blocks.dialog.filterFree')}</option>
            <option value="all">{t('blocks.dialog.filterAll')}</option>
          </select>
        </label>
      </div>
      <div className={`member-picker-list${invalid ? ' member-picker-invalid' : ''}`} aria-describedby={describedBy}>
        <table className="list-table" data-testid="member-candidates">
          <thead>
            <tr>
              <th>{t('blocks.dialog.col.pick')}</th>
              <th>{t('blocks.dialog.col.name')}</th>
              <th>{t('blocks.dialog.col.town')}</th>
              <th>{t('blocks.dialog.col.industry')}</th>
              <th className="num">{t('blocks.dialog.col.equipment')}</th>
              <th className="num">{t('blocks.dialog.col.managers')}</th>
              <th>{t('blocks.dialog.col.listed')}</th>
              <th>{t('blocks.dialog.col.block')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, MAX_SHOWN).map((c) => {
              const elsewhere = c.blockId !== null && c.blockId !== blockId;
              const id = `pick-${c.unitId}`;
              return (
                <tr key={c.unitId} className={chosen.has(c.unitId) ? 'row-chosen' : undefined}>
                  <td>
                    <input id={id} type="checkbox" checked={chosen.has(c.unitId)} disabled={elsewhere} onChange={(e) => onToggle(c.unitId, e.target.checked)} />
                  </td>
                  <td>
                    <label htmlFor={id}>{c.name}</label>
                  </td>
                  <td>{c.town}</td>
                  <td>{c.industry}</td>
                  <td className="num">{c.equipmentInUse}</td>
                  <td className={`num${c.validManagerCount === 0 ? ' text-danger' : ''}`}>{c.validManagerCount}</td>
                  <td>{c.listed ? '✓' : ''}</td>
                  <td className="muted">{elsewhere ? t('blocks.dialog.inOtherBlock', { name: c.blockName }) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {shown.length === 0 && <p className="muted member-picker-empty">{t('blocks.dialog.candidatesEmpty')}</p>}
        {shown.length > MAX_SHOWN && <p className="muted member-picker-empty">{t('blocks.dialog.candidatesMore', { shown: MAX_SHOWN, total: shown.length })}</p>}
      </div>
    </div>
  );
}
