import type { InspectionInterval } from '../../api/schemas/settings.ts';

// A next inspection date derived from the last one when the ledger gives none:
// last date + the interval of the piece's most specific catalogue code that has one
// (variety, then category, then kind). The interval is a setting; a recorded date
// always wins (the callers decide when there is one).

export interface CatalogueCodes {
  kindCode?: string | null;
  categoryCode?: string | null;
  varietyCode?: string | null;
}

export type IntervalRules = ReadonlyMap<string, number>;

export function intervalRules(intervals: readonly InspectionInterval[]): IntervalRules {
  return new Map(intervals.map((r) => [r.code, r.months]));
}

export function intervalOf(rules: IntervalRules, codes: CatalogueCodes): number | null {
  for (const code of [codes.varietyCode, codes.categoryCode, codes.kindCode]) {
    const months = code ? rules.get(code) : undefined;
    if (months !== undefined) return months;
  }
  return null;
}

/** 2024-02-29 + 12 months = 2025-02-28: a month without the day ends the interval on its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function deriveNextInspection(rules: IntervalRules, last: string | null | undefined, codes: CatalogueCodes): string | null {
  if (!last) return null;
  const months = intervalOf(rules, codes);
  return months === null ? null : addMonths(last, months);
}
