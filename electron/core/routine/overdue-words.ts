import type { DueActivity } from '../../api/schemas/routine.ts';

const words: Record<DueActivity['kind'], string> = { self_check: '自查', mutual_check: '互查', meeting: '会议' };

/** 2026年3月互查 / 2026年第1季度自查（2 家未完成） / 2026-03-20会议: an overdue activity as the board names it. */
export function overdueWords(a: DueActivity): string {
  const missing = a.kind === 'self_check' && a.unitsMissing.length > 0 ? `（${a.unitsMissing.length} 家未完成）` : '';
  return `${a.period}${words[a.kind]}${missing}`;
}
