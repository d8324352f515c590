import { AppError } from '../../api/errors.ts';
import type { Question } from '../../api/schemas/training.ts';
import type { CoreContext } from '../context.ts';
import type { QuestionType } from './marks.ts';
import { all, get, sql } from '../data/query.ts';

// Reading banks and their questions (this node's and those received in bundles).

export function bankSummary(ctx: CoreContext, bankId: string) {
  const row = get(ctx.database.sqlite, sql<{ id: string; title: string; sourceFile: string | null; importedAt: string; questions: number; modules: string }>`SELECT b.id, b.title, b.source_file AS sourceFile, b.imported_at AS importedAt,
              (SELECT count(*) FROM questions q WHERE q.bank_id = b.id AND q.deleted_at IS NULL) AS questions,
              (SELECT json_group_array(DISTINCT q.module) FROM questions q WHERE q.bank_id = b.id AND q.deleted_at IS NULL AND q.module IS NOT NULL) AS modules
       FROM question_banks b WHERE b.id = ${bankId} AND b.deleted_at IS NULL`);
  if (!row) throw new AppError('NOT_FOUND', '题库不存在或已删除', { field: 'bankId' });
  return { ...row, modules: (JSON.parse(row.modules) as string[]).sort((a, b) => a.localeCompare(b, 'zh-CN')) };
}

export function listBanks(ctx: CoreContext) {
  const ids = all(ctx.database.sqlite, sql<{ id: string }>`SELECT id FROM question_banks WHERE deleted_at IS NULL ORDER BY imported_at DESC`);
  return ids.map((r) => bankSummary(ctx, r.id));
}

export interface QuestionRow {
  id: string;
  originNode: string;
  version: number;
  no: number;
  type: QuestionType;
  stem: string;
  options: string;
  answer: string;
  points: number;
  module: string | null;
}

export function questionRows(ctx: CoreContext, bankId: string): QuestionRow[] {
  return all(ctx.database.sqlite, sql<QuestionRow>`SELECT id, origin_node AS originNode, version, no, type, stem, options, answer, points, module
       FROM questions WHERE bank_id = ${bankId} AND deleted_at IS NULL ORDER BY no`);
}

export function bankQuestions(ctx: CoreContext, bankId: string): Question[] {
  bankSummary(ctx, bankId);
  return questionRows(ctx, bankId).map((q) => ({ id: q.id, no: q.no, type: q.type, stem: q.stem, options: JSON.parse(q.options) as string[], answer: q.answer, points: q.points, module: q.module }));
}
