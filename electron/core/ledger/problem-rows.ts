import type { ConflictPartner } from './collector.ts';
import type { Issue, RowRef } from './types.ts';

// The rows the problem-row file (导出问题行) gives back: every row the preview showed
// an error or a warning for, and the earlier row of each conflicting pair beside the
// later one, so the office sees both and keeps the right one. Each row says what
// the import does with it (导入情况).

export type Outcome = 'rejected' | 'skipped' | 'held' | 'earlier' | 'warned';

export interface ProblemRow {
  reasons: string[];
  outcome: Outcome;
}

/** sheet index → Excel row → what is wrong and what the import does with the row */
export type ProblemRows = Map<number, Map<number, ProblemRow>>;

export const outcomeText: Record<Outcome, string> = {
  rejected: '不导入（有错误）',
  skipped: '不导入（其他分局的设备）',
  held: '暂不更新（识别字段改变，待确认）',
  earlier: '导入（冲突两行中较早的一行，请核对）',
  warned: '导入（有提示，请核对）',
};

// a row shows its most serious outcome
const rank: Record<Outcome, number> = { warned: 0, earlier: 1, held: 2, skipped: 3, rejected: 4 };

/** Warnings about a sheet, not a row (no 设备状态 column): they stand on the header row, which is not given back. */
const SHEET_LEVEL = new Set(['STATUS_COLUMN_MISSING']);

const key = (ref: Pick<RowRef, 'sheet' | 'row'>) => `${ref.sheet}\u0000${ref.row}`;
const where = (r: RowRef, sheet: string) => (r.sheet === sheet ? `第 ${r.row} 行` : `工作表“${r.sheet}”第 ${r.row} 行`);

export function collectProblemRows(errors: Issue[], warnings: Issue[], partners: ConflictPartner[], held: readonly Pick<RowRef, 'sheet' | 'row'>[]): ProblemRows {
  const rows: ProblemRows = new Map();
  const heldRows = new Set(held.map(key));
  const add = (ref: RowRef, reason: string, outcome: Outcome) => {
    let sheet = rows.get(ref.sheetIndex);
    if (!sheet) rows.set(ref.sheetIndex, (sheet = new Map()));
    const row = sheet.get(ref.row);
    if (!row) sheet.set(ref.row, { reasons: [reason], outcome });
    else {
      row.reasons.push(reason);
      if (rank[outcome] > rank[row.outcome]) row.outcome = outcome;
    }
  };
  const reason = (issue: Issue) => (issue.column ? `${issue.column}：${issue.message}` : issue.message);
  for (const e of errors) add(e, reason(e), 'rejected');
  for (const w of warnings) {
    if (SHEET_LEVEL.has(w.code)) continue;
    const outcome = w.code === 'DISTRICT_OTHER' ? 'skipped' : w.code === 'IDENTITY_CHANGED' && heldRows.has(key(w)) ? 'held' : 'warned';
    add(w, reason(w), outcome);
  }
  for (const p of partners) {
    add(
      p.earlier,
      `${p.label}“${p.key}”与${where(p.later, p.earlier.sheet)}相同，但两行内容不同：本行是较早的一行，照常导入；${where(p.later, p.earlier.sheet)}不导入。请核对两行，保留正确的一行、删除另一行后再导入`,
      'earlier',
    );
  }
  return rows;
}

/** After apply: the held rows the user accepted were updated. */
export function markAccepted(rows: ProblemRows, accepted: readonly RowRef[]): void {
  for (const ref of accepted) {
    const row = rows.get(ref.sheetIndex)?.get(ref.row);
    if (row?.outcome === 'held') row.outcome = 'warned';
  }
}
