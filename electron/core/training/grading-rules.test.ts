import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exchangeNode, type ExchangeNode } from '../../../tests/support/exchange.ts';
import { BULK_LOG_MIN_ROWS } from '../bundles/bulk-change-log.ts';
import { displayText } from '../sheets/cells.ts';
import type { Cell } from '../sheets/types.ts';
import { checkIdNumber } from '../validation/id-card.ts';
import { loadExamRow, paperQuestions } from './exams.ts';
import { gradeSheet } from './grade-sheet.ts';
import { bankKeys, sampleBank, sampleSheets, testIdNumber, writeBankXlsx } from './testing/workbooks.ts';

// Grading's fast path (marks read in place from the row's cells, each spelling's outcome
// remembered per question, the stored text joined from pieces, ID numbers checked in place)
// against the scoring rules applied plainly, sheet by sheet: gradeSheet on each mark as the
// cell shows it, JSON of its marks, invalid marks and points, and checkIdNumber. Real xlsx,
// real SQLite file.

let node: ExchangeNode;
beforeEach(async () => {
  node = await exchangeNode('training', '张家港市特种设备技术服务中心');
});
afterEach(() => node.cleanup());

const QUESTIONS = 30;

/** Marks as offices write them, and what else a cell can hold: numbers, booleans, dates, quotes, full width, blanks. */
const odd: Cell[] = ['"A"', 'a\\b', 'ＡＣ', ' ', 'Z', '对"', '\u00a0', 'A,B,C,D,E', 'ab', 'ba', '√', '错误', 'é', 'ｂ、ｄ', 1, 0, true, false, 2.5, new Date(Date.UTC(2026, 0, 2)), null];

/** ID numbers as written: valid, wrong check character, lower-case x, full width, inner space, too short, impossible or future birth dates. */
function idNumberOf(k: number): string | null {
  const valid = testIdNumber(k);
  switch (k % 9) {
    case 0:
      return null;
    case 1:
      return valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    case 2:
      return valid.replace('X', 'x');
    case 3:
      return valid.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 4:
      return `${valid.slice(0, 6)} ${valid.slice(6)}`;
    case 5:
      return valid.slice(0, 15);
    case 6:
      return `${valid.slice(0, 10)}0230${valid.slice(14)}`;
    case 7:
      return `${valid.slice(0, 6)}2999${valid.slice(10)}`;
    default:
      return valid;
  }
}

interface Line {
  no: string;
  name: string;
  idNumber: string | null;
  marks: Cell[];
}

/** Question columns out of order (第n题, Qn, n) with a remark column between them, as scanners export them. */
async function answerFile(lines: Line[]): Promise<{ file: string; order: number[] }> {
  const order = Array.from({ length: QUESTIONS }, (_, i) => i + 1).sort((a, b) => ((a * 7) % QUESTIONS) - ((b * 7) % QUESTIONS));
  const header = (n: number) => [String(n), `第${n}题`, `Q${n}`][n % 3]!;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('答题卡');
  sheet.addRow(['准考证号', '姓名', ...order.slice(0, 10).map(header), '备注', '身份证号', ...order.slice(10).map(header)]);
  for (const l of lines) {
    const mark = (n: number) => l.marks[n - 1] ?? null;
    sheet.addRow([l.no, l.name, ...order.slice(0, 10).map(mark), '—', l.idNumber, ...order.slice(10).map(mark)]);
  }
  const file = path.join(node.dir, `answers-${lines.length}.xlsx`);
  await book.xlsx.writeFile(file);
  return { file, order };
}

describe('grading against the scoring rules', () => {
  it.each(['all', 'partial'] as const)('stores for every sheet what the rules give, %s credit for 多选', async (multiRule) => {
    const bank = sampleBank(QUESTIONS, 'rules');
    // points that make thirds under partial credit
    bank.forEach((l, i) => (l.points = [1, 2, 3, 1.5][i % 4]!));
    const bankPath = path.join(node.dir, 'bank.xlsx');
    await writeBankXlsx(bankPath, bank);
    const imported = await node.ok('training.importBank', { source: { kind: 'path', path: bankPath }, title: '题库' });
    const exam = await node.ok('training.createExam', { title: '规则核对', bankId: imported.bank.id, multiRule });
    const questions = paperQuestions(node.core.ctx, loadExamRow(node.core.ctx, exam.id)).get('A')!;
    // the paper's positions hold the bank's questions in its own order: marks are written by position
    const keys = bankKeys(bank);
    const paperKeys = questions.map((q) => keys[q.no - 1]!);
    const lines: Line[] = [...sampleSheets(520, paperKeys, `rules-${multiRule}`)].map((s, k) => ({
      no: s.candidateNo,
      name: s.name,
      idNumber: idNumberOf(k),
      marks: s.marks.map((m, i): Cell => ((k + i) % 7 === 0 ? odd[(k * 5 + i) % odd.length]! : m)),
    }));
    const { file } = await answerFile(lines);

    const report = await node.ok('training.grade', { examId: exam.id, source: { kind: 'path', path: file } });
    expect(report.errors).toEqual([]);

    // the cells as the reader hands them on: exceljs writes what it is given, so the text each cell shows
    const shown = (cell: Cell) => displayText(cell instanceof Date ? cell : cell === '' ? null : cell);
    const expected = lines.map((l, k) => {
      const graded = gradeSheet(questions, l.marks.map(shown), multiRule);
      return { row: k + 2, candidateNo: l.no, objective: graded.objective, marks: JSON.stringify({ marks: graded.marks, invalid: graded.invalid, scores: graded.scores }), invalid: graded.invalid };
    });
    const stored = node.core.ctx.database.sqlite
      .prepare<[string], { row: number; candidateNo: string; objective: number; total: number; passed: number; marks: string; idNumber: string | null }>(
        `SELECT r.source_row AS row, c.candidate_no AS candidateNo, r.objective_score AS objective, r.total, r.passed, r.marks, c.id_number AS idNumber
         FROM exam_results r JOIN exam_candidates c ON c.id = r.candidate_id WHERE r.exam_id = ? ORDER BY r.source_row`,
      )
      .all(exam.id);
    expect(stored.map(({ row, candidateNo, objective, marks }) => ({ row, candidateNo, objective, marks }))).toEqual(expected.map(({ invalid: _i, ...e }) => e));
    expect(stored.map((r) => [r.total, r.passed])).toEqual(expected.map((e) => [e.objective, e.objective >= exam.passMark ? 1 : 0]));
    expect(report.results).toEqual(expected.map((e, k) => ({ candidateNo: e.candidateNo, name: lines[k]!.name, score: e.objective, passed: e.objective >= exam.passMark })));
    // the ID numbers kept as read (trimmed, half width, upper case), and warned of as checkIdNumber judges them
    expect(stored.map((r) => r.idNumber)).toEqual(lines.map((l) => (l.idNumber === null ? null : l.idNumber.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).toUpperCase())));
    const warnings = expected.flatMap((e, k) => {
      const { idNumber, name } = lines[k]!;
      return [
        ...(idNumber && !checkIdNumber(stored[k]!.idNumber!).ok ? [{ row: e.row, candidateNo: e.candidateNo, name, code: 'bad-id-number', message: `第 ${e.row} 行（${name}）的身份证号校验不通过，请核对` }] : []),
        ...Object.entries(e.invalid).map(([position, mark]) => ({ row: e.row, candidateNo: e.candidateNo, name, code: 'invalid-mark', message: `第 ${e.row} 行：${name}第 ${position} 题的作答“${mark}”不是有效选项，按 0 分计` })),
      ];
    });
    expect(report.warnings).toEqual(warnings);
    // the change log as the insert triggers leave it (more rows than BULK_LOG_MIN_ROWS: written in bulk): every candidate, then every result, in file order
    const sqlite = node.core.ctx.database.sqlite;
    const ids = sqlite.prepare<[string], { candidate: string; result: string }>('SELECT candidate_id AS candidate, id AS result FROM exam_results WHERE exam_id = ? ORDER BY source_row').all(exam.id);
    const logged = sqlite.prepare("SELECT table_name || ' ' || row_id FROM sync_changes WHERE table_name IN ('exam_candidates', 'exam_results') ORDER BY seq").pluck().all();
    expect(ids.length).toBeGreaterThan(BULK_LOG_MIN_ROWS);
    expect(logged).toEqual([...ids.map((r) => `exam_candidates ${r.candidate}`), ...ids.map((r) => `exam_results ${r.result}`)]);
    // the file is varied enough to mean something
    expect(warnings.filter((w) => w.code === 'bad-id-number').length).toBeGreaterThan(100);
    expect(warnings.filter((w) => w.code === 'invalid-mark').length).toBeGreaterThan(100);
    expect(new Set(expected.map((e) => e.objective)).size).toBeGreaterThan(10);
  });
});
