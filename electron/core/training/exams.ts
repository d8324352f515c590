import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import { PaperDefinition, type Exam } from '../../api/schemas/training.ts';
import type { CoreContext } from '../context.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { newId } from '../ids.ts';
import { bankSummary, questionRows, type QuestionRow } from './banks-read.ts';
import { drawPaper } from './paper.ts';
import { round2, type MultiRule } from './scoring.ts';
import { getTrainingSettings } from './training-settings.ts';
import { requireIdentity } from '../node/node-service.ts';
import { examRows } from './training-rows.ts';
import { all, get, sql } from '../data/query.ts';

// 考试: a paper drawn from a bank (the whole bank, a fixed list, or random by module
// weights; A/B variants), its pass mark and multiple-choice rule, and optionally the
// training session it examines. The draw is stored with its seed, so it can be made again.

export interface ExamRow {
  id: string;
  originNode: string;
  version: number;
  title: string;
  bankId: string;
  sessionId: string | null;
  paper: string;
  passMark: number;
  fullMarks: number;
  multiRule: MultiRule;
  timeMinutes: number | null;
  examDate: string | null;
}

export function loadExamRow(ctx: CoreContext, examId: string): ExamRow {
  const row = get(ctx.database.sqlite, sql<ExamRow>`SELECT id, origin_node AS originNode, version, title, bank_id AS bankId, session_id AS sessionId, paper, pass_mark AS passMark, full_marks AS fullMarks,
              multi_rule AS multiRule, time_minutes AS timeMinutes, exam_date AS examDate
       FROM exams WHERE id = ${examId} AND deleted_at IS NULL`);
  if (!row) throw new AppError('NOT_FOUND', '考试不存在或已删除，请刷新后重试', { field: 'examId' });
  return row;
}

export function paperOf(exam: ExamRow): PaperDefinition {
  return PaperDefinition.parse(JSON.parse(exam.paper));
}

/** Each variant's questions by position (1-based), for grading and statistics. */
export function paperQuestions(ctx: CoreContext, exam: ExamRow): Map<string, QuestionRow[]> {
  const byNo = new Map(questionRows(ctx, exam.bankId).map((q) => [q.no, q]));
  const paper = paperOf(exam);
  return new Map(
    Object.entries(paper.variants).map(([variant, nos]) => [
      variant,
      nos.map((no) => {
        const q = byNo.get(no);
        if (!q) throw new AppError('CONFLICT', `试卷中的第 ${no} 题已不在题库中，无法阅卷`);
        return q;
      }),
    ]),
  );
}

export function createExam(ctx: CoreContext, input: ParsedInput<'training.createExam'>): Exam {
  const identity = requireIdentity(ctx);
  const { sqlite } = ctx.database;
  const id = newId();
  const w = beginWrite(ctx, identity, 'training.createExam');
  inTransaction(w, () => {
    bankSummary(ctx, input.bankId);
    if (input.sessionId) {
      const session = get(sqlite, sql<{ originNode: string }>`SELECT origin_node AS originNode FROM training_sessions WHERE id = ${input.sessionId} AND deleted_at IS NULL`);
      if (!session) throw new AppError('VALIDATION', '所选培训班不存在，请刷新后重新选择', { field: 'sessionId' });
      if (session.originNode !== identity.id) throw new AppError('FORBIDDEN', '只能为本单位举办的培训班组织考试', { field: 'sessionId' });
    } else if (identity.role === 'district') {
      throw new AppError('FORBIDDEN', '分局只能为本局举办的培训班组织考试，请选择培训班', { field: 'sessionId' });
    }
    const questions = questionRows(ctx, input.bankId);
    const seed = input.seed ?? id;
    const drawn = drawPaper(input.paper, questions, seed, input.variants);
    if (!drawn.ok) throw new AppError('VALIDATION', drawn.message, { field: 'paper' });
    const points = new Map(questions.map((q) => [q.no, q.points]));
    const objective = round2(drawn.paper.variants['A']!.reduce((n, no) => n + points.get(no)!, 0));
    const fullMarks = round2(objective + input.subjectiveMax);
    const settings = getTrainingSettings(ctx);
    const passMark = input.passMark ?? round2((settings.passMark * fullMarks) / 100);
    if (passMark > fullMarks) throw new AppError('VALIDATION', `及格分 ${passMark} 高于试卷满分 ${fullMarks}`, { field: 'passMark' });
    const paper: PaperDefinition = { spec: input.paper, seed, variants: drawn.paper.variants, subjectiveMax: input.subjectiveMax };
    const values = {
      title: input.title,
      bankId: input.bankId,
      sessionId: input.sessionId ?? null,
      paper: JSON.stringify(paper),
      variants: Object.keys(paper.variants).join(','),
      passMark,
      fullMarks,
      multiRule: input.multiRule ?? settings.multiRule,
      timeMinutes: input.timeMinutes ?? null,
      examDate: input.examDate ?? null,
    };
    examRows.insert(w, values, {
      id,
      audit: { after: { title: input.title, bankId: input.bankId, spec: input.paper, seed, questions: drawn.paper.variants['A']!.length, passMark, fullMarks, multiRule: input.multiRule ?? settings.multiRule } },
    });
  });
  return getExam(ctx, id);
}

type ResultsState = Exam['resultsState'];

function resultsStateOf(states: string[]): ResultsState {
  if (states.length === 0) return 'none';
  if (states.includes('unlocked')) return 'unlocked';
  if (states.every((s) => s === 'published')) return 'published';
  return 'draft';
}

export function getExam(ctx: CoreContext, examId: string): Exam {
  const row = loadExamRow(ctx, examId);
  const results = all(ctx.database.sqlite, sql<{ state: string; passed: number }>`SELECT state, passed FROM exam_results WHERE exam_id = ${examId} AND deleted_at IS NULL`);
  return {
    ...row,
    paper: paperOf(row),
    candidates: results.length,
    passed: results.filter((r) => r.passed).length,
    resultsState: resultsStateOf([...new Set(results.map((r) => r.state))]),
  };
}

export function listExams(ctx: CoreContext): Exam[] {
  const ids = all(ctx.database.sqlite, sql<{ id: string }>`SELECT id FROM exams WHERE deleted_at IS NULL ORDER BY created_at DESC`);
  return ids.map((r) => getExam(ctx, r.id));
}

/** Results may change only while none is published (locked); after an unlock they may again. */
export function requireUnlocked(ctx: CoreContext, examId: string): void {
  const locked = ctx.database.sqlite.prepare("SELECT 1 FROM exam_results WHERE exam_id = ? AND state = 'published' AND deleted_at IS NULL LIMIT 1").get(examId);
  if (locked) throw new AppError('CONFLICT', '成绩已发布并锁定；如需修改，请先“解锁成绩”并写明原因。');
}
