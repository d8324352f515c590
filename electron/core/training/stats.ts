import type { ExamStats } from '../../api/schemas/training.ts';
import type { CoreContext } from '../context.ts';
import { loadExamRow, paperQuestions } from './exams.ts';
import type { StoredMarks } from './grade-sheet.ts';
import { round2, roundShare } from './scoring.ts';

// 统计: pass rate, a histogram in tenths of full marks, per-question difficulty (the
// share of candidates who earned the question's full points, by bank 题号, over all
// variants) and per-module averages (share of the module's points earned).

export function examStats(ctx: CoreContext, examId: string): ExamStats {
  const exam = loadExamRow(ctx, examId);
  const papers = paperQuestions(ctx, exam);
  const rows = ctx.database.sqlite
    .prepare('SELECT r.total, r.passed, r.marks, c.variant FROM exam_results r JOIN exam_candidates c ON c.id = r.candidate_id WHERE r.exam_id = ? AND r.deleted_at IS NULL')
    .iterate(examId) as IterableIterator<{ total: number; passed: number; marks: string; variant: string }>;
  const histogram = Array.from({ length: 10 }, (_, i) => ({ from: round2((exam.fullMarks * i) / 10), to: round2((exam.fullMarks * (i + 1)) / 10), count: 0 }));
  const perQuestion = new Map<number, { no: number; module: string | null; type: 'judge' | 'single' | 'multi'; answered: number; correct: number }>();
  const perModule = new Map<string, { points: number; earned: number }>();
  let candidates = 0;
  let passed = 0;
  let sum = 0;
  for (const r of rows) {
    candidates++;
    if (r.passed) passed++;
    sum += r.total;
    const bin = exam.fullMarks > 0 ? Math.min(9, Math.floor((r.total / exam.fullMarks) * 10)) : 0;
    histogram[bin]!.count++;
    const stored = JSON.parse(r.marks) as StoredMarks;
    papers.get(r.variant)!.forEach((q, i) => {
      let s = perQuestion.get(q.no);
      if (!s) perQuestion.set(q.no, (s = { no: q.no, module: q.module, type: q.type, answered: 0, correct: 0 }));
      s.answered++;
      if (stored.scores[i] === q.points) s.correct++;
      const m = q.module ?? '未分类';
      let mod = perModule.get(m);
      if (!mod) perModule.set(m, (mod = { points: 0, earned: 0 }));
      mod.points += q.points;
      mod.earned += stored.scores[i] ?? 0;
    });
  }
  const moduleQuestions = new Map<string, number>();
  for (const q of papers.get('A')!) moduleQuestions.set(q.module ?? '未分类', (moduleQuestions.get(q.module ?? '未分类') ?? 0) + q.points);
  return {
    examId,
    candidates,
    passed,
    passRate: candidates ? roundShare(passed / candidates) : 0,
    average: candidates ? round2(sum / candidates) : 0,
    fullMarks: exam.fullMarks,
    histogram,
    questions: [...perQuestion.values()].sort((a, b) => a.no - b.no).map((q) => ({ ...q, difficulty: q.answered ? roundShare(q.correct / q.answered) : 0 })),
    modules: [...perModule]
      .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
      .map(([module, m]) => ({ module, points: round2(moduleQuestions.get(module) ?? 0), average: candidates ? round2(m.earned / candidates) : 0, share: m.points ? roundShare(m.earned / m.points) : 0 })),
  };
}
