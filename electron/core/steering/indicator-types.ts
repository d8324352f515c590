import type { DistrictTarget, EvidenceRow, IndicatorRule } from '../../api/schemas/steering.ts';
import type { DistrictOffice } from './facts.ts';

/** One district in one month, as an indicator measures it. */
export interface MonthScope {
  month: string;
  from: string;
  to: string;
  /** the month's last day, or today while the month runs: snapshots are taken on it */
  asOf: string;
  today: string;
  districtId: string;
  office: DistrictOffice;
  target: DistrictTarget | null;
  rule: IndicatorRule;
}

/** What an indicator found: its share of the weight (ratio) and, when asked, the facts behind it. */
export interface Measure {
  applicable: boolean;
  noData: boolean;
  /** 0–1; null when not applicable */
  ratio: number | null;
  value: string;
  columns: string[];
  rows: EvidenceRow[];
  /** facts found (rows may be fewer: only the first ones are listed) */
  total: number;
}

export const pct = (ratio: number) => `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;

export function notApplicable(value: string, columns: string[] = []): Measure {
  return { applicable: false, noData: false, ratio: null, value, columns, rows: [], total: 0 };
}
