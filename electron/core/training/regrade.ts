import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { examResults, exams as examsTable, questions } from '../../../db/schema/index.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { Regraded } from '../../api/schemas/training.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { requireOwn } from './access.ts';
import { bankSummary } from './banks-read.ts';
import { loadExamRow, paperOf, paperQuestions, requireUnlocked } from './exams.ts';
import { regradeMarks, totalOf, type StoredMarks } from './grade-sheet.ts';
import { normaliseKey } from './marks.ts';
import { round2 } from './scoring.ts';
import { requireIdentity } from '../node/node-service.ts';
import { all, get, sql as rowsSql } from '../data/query.ts';

// 更正答案: a key (or a question's points) corrected in the bank, and every result of
// every exam on that bank recomputed from the stored marks, in one transaction. The
// old and new scores of every result that changed go into the audit log. A certificate
// already issued on a result that no longer passes is named, not revoked: revoking
// needs a person's decision and reason.

export function correctKey(ctx: CoreContext, input: ParsedInput<'training.correctKey'>): z.infer<typeof Regraded> {
  const identity = requireIdentity(ctx);
  const { sqlite } = ctx.database;
  return sqlite.transaction(() => {
    bankSummary(ctx, input.bankId);
    const q = get(sqlite, rowsSql<{ id: string; originNode: string; type: 'judge' | 'single' | 'multi'; options: string; answer: string; points: number }>`SELECT id, origin_node AS originNode, type, options, answer, points FROM questions WHERE bank_id = ${input.bankId} AND no = ${input.no} AND deleted_at IS NULL`);
    if (!q) throw new AppError('NOT_FOUND', `题库中没有第 ${input.no} 题`, { field: 'no' });
    requireOwn(identity, q, '题库');
    const key = normaliseKey(q.type, input.answer, q.type === 'judge' ? 0 : Math.max(2, (JSON.parse(q.options) as string[]).length));
    if (!key.ok) throw new AppError('VALIDATION', key.message, { field: 'answer' });
    const points = input.points ?? q.points;
    const exams = all(sqlite, rowsSql<{ id: string }>`SELECT id FROM exams WHERE bank_id = ${input.bankId} AND deleted_at IS NULL`).map((e) => e.id);
    for (const examId of exams) requireUnlocked(ctx, examId);
    const now = ctx.now().toISOString();
    // Written beside the write layer on purpose: a correction is one audit entry naming the
    // question and every result it changed, with their old and new scores.
    const { db } = ctx.database;
    db.update(questions).set({ answer: key.key, points, updatedAt: now, version: sql`${questions.version} + 1` }).where(eq(questions.id, q.id)).run();

    const update = db
      .update(examResults)
      .set({
        objectiveScore: sql`${sql.placeholder('objective')}`,
        total: sql`${sql.placeholder('total')}`,
        passed: sql`${sql.placeholder('passed')}`,
        marks: sql`${sql.placeholder('marks')}`,
        updatedAt: now,
        version: sql`${examResults.version} + 1`,
      })
      .where(eq(examResults.id, sql.placeholder('id')))
      .prepare();
    const changes: Array<{ resultId: string; examId: string; before: { objective: number; total: number; passed: boolean }; after: { objective: number; total: number; passed: boolean } }> = [];
    let results = 0;
    for (const examId of exams) {
      const exam = loadExamRow(ctx, examId);
      const papers = paperQuestions(ctx, exam);
      // a change of points changes the paper's full marks (the pass mark stays as set)
      const fullMarks = round2(papers.get('A')!.reduce((n, q) => n + q.points, 0) + paperOf(exam).subjectiveMax);
      if (fullMarks !== exam.fullMarks) db.update(examsTable).set({ fullMarks, updatedAt: now, version: sql`${examsTable.version} + 1` }).where(eq(examsTable.id, examId)).run();
      const rows = sqlite
        .prepare(
          `SELECT r.id, r.objective_score AS objective, r.subjective_score AS subjective, r.total, r.passed, r.marks, c.variant
           FROM exam_results r JOIN exam_candidates c ON c.id = r.candidate_id WHERE r.exam_id = ? AND r.deleted_at IS NULL`,
        )
        .iterate(examId) as IterableIterator<{ id: string; objective: number; subjective: number | null; total: number; passed: number; marks: string; variant: string }>;
      const pending: Array<() => void> = [];
      for (const r of rows) {
        results++;
        const graded = regradeMarks(papers.get(r.variant)!, JSON.parse(r.marks) as StoredMarks, exam.multiRule);
        const total = totalOf(graded.objective, r.subjective);
        if (graded.objective === r.objective) continue;
        const passed = total >= exam.passMark;
        changes.push({ resultId: r.id, examId, before: { objective: r.objective, total: r.total, passed: r.passed === 1 }, after: { objective: graded.objective, total, passed } });
        const marks = JSON.stringify({ marks: graded.marks, invalid: graded.invalid, scores: graded.scores });
        pending.push(() => update.run({ objective: graded.objective, total, passed: passed ? 1 : 0, marks, id: r.id }));
      }
      // written after the iteration: better-sqlite3 does not allow writes while a statement iterates
      pending.forEach((run) => run());
    }
    const certificateOf = sqlite.prepare<[string], { certificateId: string; certificateNo: string; holderName: string }>('SELECT id AS certificateId, certificate_no AS certificateNo, holder_name AS holderName FROM supervisor_certificates WHERE result_id = ? AND revoked_at IS NULL AND deleted_at IS NULL');
    const certifiedNowFailing = changes
      .filter((c) => c.before.passed && !c.after.passed)
      .map((c) => certificateOf.get(c.resultId))
      .filter((c) => c !== undefined);
    appendAudit(ctx, {
      nodeId: identity.id,
      call: 'training.correctKey',
      table: 'exam_results',
      rowIds: [q.id, ...changes.map((c) => c.resultId)],
      before: { no: input.no, answer: q.answer, points: q.points, scores: changes.map((c) => ({ resultId: c.resultId, ...c.before })) },
      after: { no: input.no, answer: key.key, points, reason: input.reason, scores: changes.map((c) => ({ resultId: c.resultId, ...c.after })), certifiedNowFailing },
    });
    return { exams: exams.length, results, changed: changes.length, certifiedNowFailing };
  })();
}
