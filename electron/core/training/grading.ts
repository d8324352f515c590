import type { ParsedInput } from '../../api/contract.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import type { GradeReport, RowIssue } from '../../api/schemas/training.ts';
import type Database from 'better-sqlite3';
import { appendAudit } from '../audit.ts';
import { insertWithBulkChangeLog } from '../bundles/bulk-change-log.ts';
import type { CoreContext } from '../context.ts';
import { newIds } from '../ids.ts';
import { isValidIdNumber } from '../validation/id-card.ts';
import { requireOwn } from './access.ts';
import { resolveFile } from '../files/staging.ts';
import { candidateReader, type SheetCandidate } from './answer-sheet.ts';
import { loadExamRow, paperQuestions, requireUnlocked, type ExamRow } from './exams.ts';
import { gradeSheetForStore, totalOf, type GradedSheet } from './grade-sheet.ts';
import { markKind, summariseProblems } from './problem-summary.ts';
import { rosterIndex } from './roster.ts';
import { streamTable } from './sheet-table.ts';
import type { QuestionRow } from './banks-read.ts';
import { requireIdentity } from '../node/node-service.ts';

// 阅卷: an answer-sheet file for one exam graded in one transaction. Row problems are
// reported with the row and the candidate; a sheet already graded for this exam
// (same 准考证号) is graded again from the new file, keeping the subjective score.

export async function grade(ctx: CoreContext, input: ParsedInput<'training.grade'>): Promise<GradeReport> {
  const identity = requireIdentity(ctx);
  const exam = loadExamRow(ctx, input.examId);
  requireOwn(identity, exam, '考试');
  requireUnlocked(ctx, exam.id);
  const file = resolveFile(ctx, input.source);
  return ctx.jobs.run(input.jobId, async (job) => {
    job.phase('读取答题卡');
    const papers = paperQuestions(ctx, exam);
    const count = papers.get('A')!.length;
    const errors: RowIssue[] = [];
    // each sheet is scored as it is read and only its result kept, not its hundred raw cells
    const sheets: ScoredSheet[] = [];
    await streamTable(file.path, file.fileName, '准考证号', '答题卡', (head) => {
      const read = candidateReader(head, count, [...papers.keys()], errors);
      return (row) => {
        const sheet = read(row);
        if (sheet) sheets.push(scored(sheet, papers.get(sheet.variant)!, exam));
      };
    });
    // the last point to cancel: from here the grading is one transaction, all or nothing
    job.checkpoint();
    job.phase('阅卷', sheets.length);
    return gradeSheets(ctx, identity, exam, file.fileName, sheets, errors);
  });
}

/** A candidate's sheet as grading keeps it: who, and what the marks scored (exam_results.marks as stored). */
interface ScoredSheet extends Omit<SheetCandidate, 'cells' | 'markColumns'> {
  objective: number;
  invalid: GradedSheet['invalid'];
  marks: string;
}

function scored(sheet: SheetCandidate, questions: readonly QuestionRow[], exam: ExamRow): ScoredSheet {
  const { row, candidateNo, name, idNumber, variant } = sheet;
  const score = gradeSheetForStore(questions, sheet.cells, exam.multiRule, sheet.markColumns);
  return { row, candidateNo, name, idNumber, variant, objective: score.objective, invalid: score.invalid, marks: score.stored };
}

function gradeSheets(ctx: CoreContext, identity: NodeIdentity, exam: ExamRow, fileName: string, sheets: ScoredSheet[], errors: RowIssue[]): GradeReport {
  const warnings: RowIssue[] = [];
  const roster = exam.sessionId ? rosterIndex(ctx, exam.sessionId) : null;
  const { sqlite } = ctx.database;
  const results: GradeReport['results'] = [];
  // the invalid mark of each invalid-mark warning, for the summary by kind
  const markOf = new Map<RowIssue, string>();
  // an invalid mark's kind, worked out once per spelling (a file repeats the same few)
  const kinds = new Map<string, string>();
  const kindOf = (mark: string) => {
    let kind = kinds.get(mark);
    if (kind === undefined) kinds.set(mark, (kind = markKind(mark)));
    return kind;
  };
  // made once, not per sheet
  const warn = (sheet: ScoredSheet, code: string, message: string) => {
    const warning = { row: sheet.row, candidateNo: sheet.candidateNo, name: sheet.name, code, message };
    warnings.push(warning);
    return warning;
  };

  sqlite.transaction(() => {
    // again inside the transaction: results may have been published while the file was read
    requireUnlocked(ctx, exam.id);
    const now = ctx.now().toISOString();
    // the real day, as checkIdNumber takes it by default: whether a birth date lies in the future
    const today = new Date();
    // looked up once, not per sheet: the candidates already graded here, and earlier sittings per person
    const already = sqlite
      .prepare<[string, string], { no: string; id: string; idNumber: string | null }>('SELECT candidate_no AS no, id, id_number AS idNumber FROM exam_candidates WHERE origin_node = ? AND exam_id = ? AND deleted_at IS NULL')
      .all(identity.id, exam.id);
    const graded = new Map(already.map((r) => [r.no, r.id]));
    const gradedPerson = new Map(already.filter((r) => r.idNumber).map((r) => [r.idNumber!, r.no]));
    const earlier = new Map(
      sqlite
        .prepare<[string], { idNumber: string; n: number }>('SELECT id_number AS idNumber, count(DISTINCT exam_id) AS n FROM exam_candidates WHERE id_number IS NOT NULL AND exam_id <> ? AND deleted_at IS NULL GROUP BY id_number')
        .all(exam.id)
        .map((r) => [r.idNumber, r.n]),
    );
    const findResult = sqlite.prepare<[string], { id: string; objective: number; subjective: number | null; total: number }>('SELECT id, objective_score AS objective, subjective_score AS subjective, total FROM exam_results WHERE candidate_id = ? AND deleted_at IS NULL');
    // hot path: scripts/bench/grade-exam.ts
    const insertCandidate = sqlite.prepare(
      `INSERT INTO exam_candidates (id, origin_node, created_at, updated_at, version, exam_id, candidate_no, name, id_number, attendee_id, manager_id, unit_name, unit_uscc, district_id, attempt, variant)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // hot path: scripts/bench/grade-exam.ts
    const updateCandidate = sqlite.prepare(
      `UPDATE exam_candidates SET name = ?, id_number = ?, attendee_id = ?, manager_id = ?, unit_name = ?, unit_uscc = ?, district_id = ?, variant = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
    );
    // hot path: scripts/bench/grade-exam.ts
    const insertResult = sqlite.prepare(
      `INSERT INTO exam_results (id, origin_node, created_at, updated_at, version, exam_id, candidate_id, objective_score, subjective_score, total, passed, marks, source_row, graded_at, state)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 'draft')`,
    );
    // hot path: scripts/bench/grade-exam.ts
    const updateResult = sqlite.prepare(
      'UPDATE exam_results SET objective_score = ?, total = ?, passed = ?, marks = ?, source_row = ?, graded_at = ?, updated_at = ?, version = version + 1 WHERE id = ?',
    );
    const replaced: Array<{ candidateNo: string; before: { objective: number; subjective: number | null; total: number } }> = [];
    let passed = 0;
    // new rows are written after the loop, each table at once: its change-log lines then take one statement per chunk, not a trigger per row
    const newCandidates: unknown[][] = [];
    const newResults: unknown[][] = [];
    // a candidate's id, then its result's, made all at once: as many as there can be new sheets
    const ids = newIds(2 * sheets.length);
    let nextId = 0;
    for (const sheet of sheets) {
      // the same person under another 准考证号 in an earlier file of this exam: a second sheet, not a second candidate
      const earlierNo = sheet.idNumber ? gradedPerson.get(sheet.idNumber) : undefined;
      if (earlierNo !== undefined && earlierNo !== sheet.candidateNo) {
        errors.push({ row: sheet.row, candidateNo: sheet.candidateNo, name: sheet.name, code: 'duplicate-sheet', message: `第 ${sheet.row} 行：${sheet.name}已以准考证号 ${earlierNo} 参加本场考试并已阅卷，未重复计分` });
        continue;
      }
      if (sheet.idNumber && !isValidIdNumber(sheet.idNumber, today)) warn(sheet, 'bad-id-number', `第 ${sheet.row} 行（${sheet.name}）的身份证号校验不通过，请核对`);
      const onRoster = roster?.find(sheet.idNumber, sheet.name) ?? null;
      if (roster && !onRoster) warn(sheet, 'not-on-roster', `第 ${sheet.row} 行：${sheet.name}（准考证号 ${sheet.candidateNo}）不在培训班名单中`);
      for (const position in sheet.invalid) {
        const mark = sheet.invalid[position]!;
        markOf.set(warn(sheet, 'invalid-mark', `第 ${sheet.row} 行：${sheet.name}第 ${position} 题的作答“${mark}”不是有效选项，按 0 分计`), kindOf(mark));
      }
      const { marks } = sheet;
      const person = { managerId: onRoster?.managerId ?? null, attendeeId: onRoster?.id ?? null, unitName: onRoster?.unitName ?? null, unitUscc: onRoster?.unitUscc ?? null, districtId: onRoster?.districtId ?? null };
      const existingId = graded.get(sheet.candidateNo);
      let total: number;
      if (existingId) {
        updateCandidate.run(sheet.name, sheet.idNumber, person.attendeeId, person.managerId, person.unitName, person.unitUscc, person.districtId, sheet.variant, now, existingId);
        // the candidate was graded here (looked up in this transaction), so its live result exists
        const old = findResult.get(existingId)!;
        total = totalOf(sheet.objective, old.subjective);
        updateResult.run(sheet.objective, total, total >= exam.passMark ? 1 : 0, marks, sheet.row, now, now, old.id);
        replaced.push({ candidateNo: sheet.candidateNo, before: { objective: old.objective, subjective: old.subjective, total: old.total } });
      } else {
        const candidateId = ids[nextId++]!;
        const attempt = sheet.idNumber ? (earlier.get(sheet.idNumber) ?? 0) + 1 : 1;
        newCandidates.push([candidateId, identity.id, now, now, exam.id, sheet.candidateNo, sheet.name, sheet.idNumber, person.attendeeId, person.managerId, person.unitName,
          person.unitUscc, person.districtId, attempt, sheet.variant]);
        total = sheet.objective;
        newResults.push([ids[nextId++]!, identity.id, now, now, exam.id, candidateId, sheet.objective, total, total >= exam.passMark ? 1 : 0, marks, sheet.row, now]);
      }
      if (total >= exam.passMark) passed++;
      results.push({ candidateNo: sheet.candidateNo, name: sheet.name, score: total, passed: total >= exam.passMark });
    }
    // the rows are this node's, under ids made above
    const insertAll = (table: string, statement: Database.Statement, rows: unknown[][]) =>
      insertWithBulkChangeLog(
        sqlite,
        table,
        rows.map((r) => r[0] as string),
        () => {
          for (const row of rows) statement.run(row);
        },
        { newOwnRows: true },
      );
    // candidates first: the results refer to them
    insertAll('exam_candidates', insertCandidate, newCandidates);
    insertAll('exam_results', insertResult, newResults);
    appendAudit(ctx, {
      nodeId: identity.id,
      call: 'training.grade',
      table: 'exam_results',
      rowIds: [exam.id],
      // the old scores of sheets graded again stay here
      before: replaced.length ? { replaced } : undefined,
      after: { file: fileName, candidates: sheets.length, passed, errors: errors.length, warnings: warnings.length },
    });
  })();
  return { candidates: results.length, passed: results.filter((r) => r.passed).length, results, errors, warnings, problemSummary: summariseProblems(errors, warnings, markOf) };
}
