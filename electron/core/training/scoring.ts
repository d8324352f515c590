import type { QuestionType } from './marks.ts';

// What one answered question scores. 多选 is all-or-nothing by default; with partial
// credit (a setting per exam) a mark with only right letters earns their share of
// the points and any wrong letter earns nothing (少选得部分分，错选不得分).

export type MultiRule = 'all' | 'partial';

/** Rounded to hundredths, so sums of shares such as 2 × 1/3 compare and print cleanly. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Shares (pass rate, difficulty) to four places: shown as 66.7%, where hundredths would print 2/3 as 67.0%. */
export function roundShare(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

export function scoreAnswer(type: QuestionType, key: string, mark: string | null, points: number, rule: MultiRule): number {
  if (!mark) return 0;
  if (mark === key) return points;
  if (type !== 'multi' || rule !== 'partial') return 0;
  for (const ch of mark) if (!key.includes(ch)) return 0;
  return round2((points * mark.length) / key.length);
}
