import { AppError } from '../../api/errors.ts';
import type { RowIssue } from '../../api/schemas/training.ts';
import { normHeader } from '../sheets/cells.ts';
import type { Cell, RawRow } from '../sheets/types.ts';
import { column, text, type TableHead } from './sheet-table.ts';

// 答题卡: one row per candidate — 准考证号, 姓名, 身份证号, (试卷 A/B when the exam has
// variants), then one column per question number of the paper (1, 2, … or 第1题, Q1).
// Marks stay raw here; the grader normalises them per question type.

export interface SheetCandidate {
  row: number;
  candidateNo: string;
  name: string;
  idNumber: string | null;
  variant: string;
  /** the row's cells as read: the raw mark of position i (0-based) is cells[markColumns[i]] */
  cells: readonly Cell[];
  /** the column of each position, the same for every row of the sheet */
  markColumns: readonly number[];
}

const QUESTION_HEADER = /^(?:第|题|q|no\.?)?(\d{1,4})(?:题)?$/;

export function questionColumns(table: TableHead): Map<number, number> {
  const map = new Map<number, number>();
  table.headers.forEach((h, i) => {
    const m = QUESTION_HEADER.exec(normHeader(h));
    if (m && !map.has(Number(m[1]))) map.set(Number(m[1]), i);
  });
  return map;
}

/**
 * What reads the candidates' rows, one at a time as the file streams by, with their marks
 * for positions 1..count: the candidate, or null for a blank or refused row. A row without
 * a 准考证号 or 姓名 is an error; the same 准考证号 or 身份证号 a second time is reported
 * and not counted again (the first sheet counts).
 */
export function candidateReader(table: TableHead, count: number, variants: string[], errors: RowIssue[]): (row: RawRow) => SheetCandidate | null {
  const at = { no: column(table, '准考证号', '考号'), name: column(table, '姓名'), id: column(table, '身份证号', '身份证号码', '证件号码'), variant: column(table, '试卷', '试卷类型', '卷别', '卷型', 'AB卷') };
  const noAt = at.no;
  const nameAt = at.name;
  if (noAt === undefined || nameAt === undefined) throw new AppError('UNREADABLE_FILE', `答题卡“${table.fileName}”缺少“准考证号”或“姓名”列。`);
  const questions = questionColumns(table);
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !questions.has(n));
  if (missing.length) {
    throw new AppError('UNREADABLE_FILE', `答题卡“${table.fileName}”缺少第 ${missing.slice(0, 10).join('、')}${missing.length > 10 ? '…' : ''} 题的列（试卷共 ${count} 题）。`);
  }
  const columns = Array.from({ length: count }, (_, i) => questions.get(i + 1)!);
  const idAt = at.id;
  const variantAt = at.variant;
  const byNo = new Map<string, number>();
  const byId = new Map<string, number>();
  // made once, not per row: 10,000 rows go through here
  const issue = (row: RawRow, candidateNo: string | null, name: string | null, code: string, message: string) => errors.push({ row: row.number, candidateNo, name, code, message });
  return (row) => {
    const cells = row.cells;
    const candidateNo = text(cells[noAt]);
    const name = text(cells[nameAt]);
    const idNumber = idAt === undefined ? null : (text(cells[idAt])?.toUpperCase() ?? null);
    if (!candidateNo && !name && !idNumber) return null;
    if (!candidateNo) {
      issue(row, candidateNo, name, 'no-candidate-no', `第 ${row.number} 行缺少准考证号，未计分`);
      return null;
    }
    if (!name) {
      issue(row, candidateNo, name, 'no-name', `第 ${row.number} 行（准考证号 ${candidateNo}）缺少姓名，未计分`);
      return null;
    }
    const first = byNo.get(candidateNo) ?? (idNumber ? byId.get(idNumber) : undefined);
    if (first !== undefined) {
      issue(row, candidateNo, name, 'duplicate-sheet', `第 ${row.number} 行是${name}（准考证号 ${candidateNo}）的第二份答题卡，与第 ${first} 行重复，未重复计分`);
      return null;
    }
    const variant = variantAt === undefined ? variants[0]! : (text(cells[variantAt])?.toUpperCase().replace(/卷$/, '') ?? variants[0]!);
    if (!variants.includes(variant)) {
      issue(row, candidateNo, name, 'bad-variant', `第 ${row.number} 行（${name}）的试卷类型“${variant}”不是本场考试的试卷（${variants.join('、')}），未计分`);
      return null;
    }
    byNo.set(candidateNo, row.number);
    if (idNumber) byId.set(idNumber, row.number);
    return { row: row.number, candidateNo, name, idNumber, variant, cells, markColumns: columns };
  };
}
