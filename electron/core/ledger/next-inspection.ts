import { deriveNextInspection, type IntervalRules } from '../registry/inspection-interval.ts';
import type { ExistingRow } from './lookups.ts';
import type { EquipmentValues } from './types.ts';

type Stored = ExistingRow | Record<string, unknown> | undefined;

/**
 * The next inspection date a row ends up with. A date the ledger gives is recorded.
 * Without one, a recorded date already stored stays while it is still ahead of the
 * last inspection (the ledger merely does not repeat it); otherwise the date is
 * derived from the last inspection and the kind's interval, marked 'derived'.
 * Mutates values (the planner's insert or diff input); undefined keys leave the
 * stored columns alone.
 */
export function settleNextInspection(v: EquipmentValues, existing: Stored, rules: IntervalRules): void {
  const stored = (key: string) => (existing?.[key] ?? null) as string | null;
  if (v.nextInspectionDate) {
    // the same recorded date again (NULL: recorded before derivation existed) is no change
    const same = v.nextInspectionDate === stored('nextInspectionDate') && stored('nextInspectionSource') !== 'derived';
    v.nextInspectionSource = same ? undefined : 'recorded';
    return;
  }
  const last = v.lastInspectionDate !== undefined ? v.lastInspectionDate : stored('lastInspectionDate');
  const storedNext = stored('nextInspectionDate');
  const storedDerived = stored('nextInspectionSource') === 'derived';
  if (storedNext && !storedDerived && (!last || storedNext > last)) {
    v.nextInspectionDate = undefined;
    v.nextInspectionSource = undefined;
    return;
  }
  const pick = (key: 'kindCode' | 'categoryCode' | 'varietyCode') => (v[key] !== undefined ? v[key] : stored(key));
  const derived = deriveNextInspection(rules, last, { kindCode: pick('kindCode'), categoryCode: pick('categoryCode'), varietyCode: pick('varietyCode') });
  if (derived) {
    v.nextInspectionDate = derived;
    v.nextInspectionSource = 'derived';
  } else if (v.nextInspectionDate === null || storedDerived) {
    // the ledger clears the date, or a derived one no longer has anything to derive from (no last date, no interval)
    v.nextInspectionDate = null;
    v.nextInspectionSource = null;
  }
}
