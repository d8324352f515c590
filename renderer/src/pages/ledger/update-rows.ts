import type { TFunction } from 'i18next';
import { fieldLabel, isLedgerField, type LedgerSummary } from './ledger-fields.ts';

// The preview's updates as the wizard's grid shows them (one line per changed
// field), which rows are held for an identity change, and the counts once the user
// has accepted some of them. Pure functions: the page keeps the state.

export type LedgerUpdate = LedgerSummary['updates'][number];
type Entity = LedgerUpdate['entity'];

export interface UpdateRow {
  id: string;
  /** sheet and Excel row: what an acceptance names */
  rowKey: string;
  sheet: string;
  row: number;
  entity: Entity;
  key: string;
  field: string;
  before: string | null;
  after: string | null;
  held: boolean;
  accepted: boolean;
}

export const rowKeyOf = (r: { sheet: string; row: number }) => `${r.sheet}\u0000${r.row}`;

/** Rows whose update changes an identifying field: the preview warns about each with IDENTITY_CHANGED. */
export function heldRows(summary: LedgerSummary): Set<string> {
  return new Set(summary.warnings.filter((w) => w.code === 'IDENTITY_CHANGED').map(rowKeyOf));
}

export function updateRows(summary: LedgerSummary, held: ReadonlySet<string>, accepted: ReadonlySet<string>): UpdateRow[] {
  return summary.updates.flatMap((u, i) =>
    u.changes.map((c, j) => {
      const rowKey = rowKeyOf(u);
      return { id: `${i}.${j}`, rowKey, sheet: u.sheet, row: u.row, entity: u.entity, key: u.key, field: c.field, before: c.before, after: c.after, held: held.has(rowKey), accepted: accepted.has(rowKey) };
    }),
  );
}

const countKey: Record<Entity, 'units' | 'equipment' | 'managers'> = { unit: 'units', equipment: 'equipment', manager: 'managers' };

/** The summary as it will be written: accepted held updates count as updates. */
export function withAccepted(summary: LedgerSummary, accepted: ReadonlySet<string>): LedgerSummary {
  if (accepted.size === 0) return summary;
  const counts = { units: { ...summary.units }, equipment: { ...summary.equipment }, managers: { ...summary.managers } };
  for (const u of summary.updates) if (accepted.has(rowKeyOf(u))) counts[countKey[u.entity]].updated++;
  return { ...summary, ...counts };
}

/** What ledger.apply is told to accept: nothing, every held row, or the rows ticked. */
export function acceptInput(held: ReadonlySet<string>, accepted: ReadonlySet<string>, summary: LedgerSummary) {
  if (accepted.size === 0) return undefined;
  if (accepted.size === held.size) return 'all' as const;
  return summary.updates.filter((u) => accepted.has(rowKeyOf(u))).map((u) => ({ sheet: u.sheet, row: u.row }));
}

/** 使用登记证编号 for 'registrationNo', 维保单位（其他属性） for 'extra.维保单位'. */
export function changeFieldLabel(t: TFunction, field: string): string {
  if (field.startsWith('extra.')) return t('ledgerReview.field.extra', { name: field.slice('extra.'.length) });
  if (field === 'unit' || field === 'categoryRaw' || field === 'nextInspectionSource') return t(`ledgerReview.field.${field}`);
  return isLedgerField(field) ? fieldLabel(t, field) : field;
}

const statuses = new Set(['in_use', 'stopped', 'scrapped', 'cancelled']);

export function changeValueLabel(t: TFunction, field: string, value: string | null): string {
  if (value === null) return t('ledgerReview.value.empty');
  if (field === 'status' && statuses.has(value)) return t(`equipment.status.${value as 'in_use'}`);
  if (field === 'nextInspectionSource' && (value === 'recorded' || value === 'derived')) return t(`ledgerReview.value.${value}`);
  return value;
}
