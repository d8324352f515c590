import type { GradeProblemGroup, RowIssue } from '../../api/schemas/training.ts';
import { toHalfWidth } from '../text.ts';

// The problems of one grading run grouped by kind with counts, for a clerk facing a
// file of 10,000 sheets: "137 张答题卡有无效选项“E”" rather than 137 lines to read.
// Roster problems first (who sat the exam matters before how they answered), then
// sheets not graded, then the rest, each kind by how many sheets it touches.

const kinds: Record<string, { severity: 'error' | 'warning'; rank: number; label: (sheets: number, detail: string | null, count: number) => string }> = {
  'not-on-roster': { severity: 'warning', rank: 0, label: (n) => `${n} 名考生不在培训班名单中` },
  'duplicate-sheet': { severity: 'error', rank: 1, label: (n) => `${n} 份答题卡是同一考生的第二份，未重复计分` },
  'no-candidate-no': { severity: 'error', rank: 1, label: (n) => `${n} 份答题卡缺少准考证号，未计分` },
  'no-name': { severity: 'error', rank: 1, label: (n) => `${n} 份答题卡缺少姓名，未计分` },
  'bad-variant': { severity: 'error', rank: 1, label: (n) => `${n} 份答题卡的试卷类型不是本场考试的试卷，未计分` },
  'bad-id-number': { severity: 'warning', rank: 2, label: (n) => `${n} 名考生的身份证号校验不通过` },
  'invalid-mark': { severity: 'warning', rank: 3, label: (n, detail, count) => `${n} 张答题卡有无效选项“${detail}”${count > n ? `（共 ${count} 处）` : ''}，按 0 分计` },
};
const unknown = { severity: 'warning' as const, rank: 4, label: (n: number) => `${n} 处其他问题` };

/** An invalid mark as a clerk would name it: ｅ, e and E are the same wrong option. */
export function markKind(raw: string): string {
  return toHalfWidth(raw).trim().toUpperCase();
}

/**
 * Groups the issues by code (invalid marks also by the mark, from `detailOf`); each group
 * counts the sheets (rows) it touches and the issues, and keeps its rows in file order.
 */
export function summariseProblems(errors: readonly RowIssue[], warnings: readonly RowIssue[], detailOf: ReadonlyMap<RowIssue, string>): GradeProblemGroup[] {
  const groups = new Map<string, { code: string; detail: string | null; rows: Set<number>; count: number; messages: Array<{ row: number; message: string }> }>();
  for (const issue of [...errors, ...warnings]) {
    const detail = detailOf.get(issue) ?? null;
    const key = `${issue.code}\u0000${detail ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { code: issue.code, detail, rows: new Set(), count: 0, messages: [] }));
    g.rows.add(issue.row);
    g.count++;
    g.messages.push({ row: issue.row, message: issue.message });
  }
  return [...groups.values()]
    .map((g) => {
      const kind = kinds[g.code] ?? unknown;
      const rows = [...g.rows].sort((a, b) => a - b);
      const messages = g.messages.sort((a, b) => a.row - b.row).map((m) => m.message);
      return { code: g.code, detail: g.detail, severity: kind.severity, sheets: rows.length, count: g.count, rows, label: kind.label(rows.length, g.detail, g.count), messages, rank: kind.rank };
    })
    .sort((a, b) => a.rank - b.rank || b.sheets - a.sheets || a.code.localeCompare(b.code) || (a.detail ?? '').localeCompare(b.detail ?? ''))
    .map(({ rank: _r, ...g }) => g);
}
