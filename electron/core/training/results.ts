import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../api/contract.ts';
import { examResults } from '../../../db/schema/index.ts';
import { AppError } from '../../api/errors.ts';
import type { Exam, ExamResult } from '../../api/schemas/training.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { maskIdNumber } from '../privacy/mask.ts';
import { requireOwn } from './access.ts';
import { getExam, loadExamRow, requireUnlocked } from './exams.ts';
import { totalOf } from './grade-sheet.ts';
import { requireIdentity } from '../node/node-service.ts';
import { resultRows } from './training-rows.ts';
import { all, get, sql as rowsSql } from '../data/query.ts';

// Results of an exam: the list, hand-entered subjective / practical scores, and
// publishing (locks them) and unlocking (audited, with a reason).

export function listResults(ctx: CoreContext, examId: string): ExamResult[] {
  loadExamRow(ctx, examId);
  const rows = all(ctx.database.sqlite, rowsSql<Omit<ExamResult, 'passed' | 'idNumberMasked'> & { passed: number; idNumber: string | null }>`SELECT r.id, r.version, r.candidate_id AS candidateId, c.candidate_no AS candidateNo, c.name, c.id_number AS idNumber, c.unit_name AS unitName, c.attempt, c.variant,
              r.objective_score AS objectiveScore, r.subjective_score AS subjectiveScore, r.total, r.passed, r.state,
              (SELECT s.certificate_no FROM supervisor_certificates s WHERE s.result_id = r.id AND s.deleted_at IS NULL) AS certificateNo
       FROM exam_results r JOIN exam_candidates c ON c.id = r.candidate_id
       WHERE r.exam_id = ${examId} AND r.deleted_at IS NULL ORDER BY c.candidate_no`);
  return rows.map(({ idNumber, ...r }) => ({ ...r, passed: r.passed === 1, idNumberMasked: maskIdNumber(idNumber) }));
}

interface ResultRow {
  id: string;
  originNode: string;
  version: number;
  examId: string;
  objective: number;
  subjective: number | null;
  total: number;
  passed: number;
}

export function setSubjective(ctx: CoreContext, input: ParsedInput<'training.setSubjective'>): ExamResult {
  const identity = requireIdentity(ctx);
  const { sqlite } = ctx.database;
  const w = beginWrite(ctx, identity, 'training.setSubjective');
  const examId = inTransaction(w, () => {
    const row = get(sqlite, rowsSql<ResultRow>`SELECT id, origin_node AS originNode, version, exam_id AS examId, objective_score AS objective, subjective_score AS subjective, total, passed FROM exam_results WHERE id = ${input.resultId} AND deleted_at IS NULL`);
    if (!row) throw new AppError('NOT_FOUND', '成绩不存在或已删除，请刷新后重试', { field: 'resultId' });
    requireOwn(identity, row, '成绩');
    requireUnlocked(ctx, row.examId);
    const exam = getExam(ctx, row.examId);
    if (input.score !== null && input.score > exam.paper.subjectiveMax) {
      throw new AppError('VALIDATION', exam.paper.subjectiveMax > 0 ? `主观题（实操）成绩不能超过 ${exam.paper.subjectiveMax} 分` : '本场考试没有主观题（实操）部分', { field: 'score' });
    }
    const total = totalOf(row.objective, input.score);
    resultRows.update(
      w,
      resultRows.owned(w, row.id),
      { subjectiveScore: input.score, total, passed: total >= exam.passMark },
      { before: { subjective: row.subjective, total: row.total, passed: row.passed === 1 }, after: { subjective: input.score, total, passed: total >= exam.passMark } },
    );
    return row.examId;
  });
  return listResults(ctx, examId).find((r) => r.id === input.resultId)!;
}

/** Publishing locks every result of the exam; certificates are issued from published results only. */
export function publishResults(ctx: CoreContext, examId: string): Exam {
  const identity = requireIdentity(ctx);
  const { sqlite } = ctx.database;
  sqlite.transaction(() => {
    const exam = loadExamRow(ctx, examId);
    requireOwn(identity, exam, '考试');
    const rows = all(sqlite, rowsSql<{ id: string }>`SELECT id FROM exam_results WHERE exam_id = ${examId} AND state <> 'published' AND deleted_at IS NULL`);
    if (rows.length === 0) throw new AppError('CONFLICT', '没有待发布的成绩（尚未阅卷，或已全部发布）');
    const now = ctx.now().toISOString();
    // every result of the exam at once, one audit entry, beside the write layer on purpose
    ctx.database.db
      .update(examResults)
      .set({ state: 'published', publishedAt: now, updatedAt: now, version: sql`${examResults.version} + 1` })
      .where(and(eq(examResults.examId, examId), ne(examResults.state, 'published'), isNull(examResults.deletedAt)))
      .run();
    appendAudit(ctx, { nodeId: identity.id, call: 'training.publishResults', table: 'exam_results', rowIds: rows.map((r) => r.id), after: { examId, state: 'published', results: rows.length } });
  })();
  return getExam(ctx, examId);
}

/** Unlocking opens published results for a correction; the reason is in the audit log. */
export function unlockResults(ctx: CoreContext, input: ParsedInput<'training.unlockResults'>): Exam {
  const identity = requireIdentity(ctx);
  const { sqlite } = ctx.database;
  sqlite.transaction(() => {
    const exam = loadExamRow(ctx, input.examId);
    requireOwn(identity, exam, '考试');
    const rows = all(sqlite, rowsSql<{ id: string }>`SELECT id FROM exam_results WHERE exam_id = ${input.examId} AND state = 'published' AND deleted_at IS NULL`);
    if (rows.length === 0) throw new AppError('CONFLICT', '成绩尚未发布，无需解锁');
    const now = ctx.now().toISOString();
    ctx.database.db
      .update(examResults)
      .set({ state: 'unlocked', updatedAt: now, version: sql`${examResults.version} + 1` })
      .where(and(eq(examResults.examId, input.examId), eq(examResults.state, 'published'), isNull(examResults.deletedAt)))
      .run();
    appendAudit(ctx, { nodeId: identity.id, call: 'training.unlockResults', table: 'exam_results', rowIds: rows.map((r) => r.id), before: { state: 'published' }, after: { state: 'unlocked', reason: input.reason } });
  })();
  return getExam(ctx, input.examId);
}
