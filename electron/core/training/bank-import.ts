import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { z } from 'zod';
import type { BankImported, BankIssue } from '../../api/schemas/training.ts';
import { questions as questionsTable } from '../../../db/schema/index.ts';
import type { CoreContext } from '../context.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { newId } from '../ids.ts';
import { resolveFile } from '../files/staging.ts';
import { bankSummary } from './banks-read.ts';
import { normaliseKey, OPTION_LETTERS, type QuestionType } from './marks.ts';
import { column, exactText, readTable, text, type SheetTable } from './sheet-table.ts';
import { requireIdentity } from '../node/node-service.ts';
import { bankRows } from './training-rows.ts';

// 题库导入: columns 题号, 题型 (判断 / 单选 / 多选), 题干, 选项A–选项F, 答案, 分值, 知识模块.
// Every unreadable question is reported with its Excel row; a bank with any such
// question is not imported at all (a paper drawn from a bank with holes would be
// silently wrong), so the user fixes the file and imports it again.

type Issue = z.infer<typeof BankIssue>;

export interface ParsedQuestion {
  row: number;
  no: number;
  type: QuestionType;
  stem: string;
  options: string[];
  answer: string;
  points: number;
  module: string | null;
}

const typeWords: Record<string, QuestionType> = {
  判断: 'judge', 判断题: 'judge', 是非: 'judge', 是非题: 'judge',
  单选: 'single', 单选题: 'single', 单项选择: 'single', 单项选择题: 'single',
  多选: 'multi', 多选题: 'multi', 多项选择: 'multi', 多项选择题: 'multi',
};

export function parseBank(table: SheetTable): { questions: ParsedQuestion[]; errors: Issue[] } {
  const at = {
    no: column(table, '题号', '序号'),
    type: column(table, '题型', '类型'),
    stem: column(table, '题干', '题目', '试题内容'),
    answer: column(table, '答案', '正确答案', '标准答案'),
    points: column(table, '分值', '分数'),
    module: column(table, '知识模块', '模块', '知识点'),
    options: [...OPTION_LETTERS].map((l) => column(table, `选项${l}`, l)),
  };
  const missing = (['no', 'type', 'stem', 'answer'] as const).filter((k) => at[k] === undefined).map((k) => ({ no: '题号', type: '题型', stem: '题干', answer: '答案' })[k]);
  if (missing.length) throw new AppError('UNREADABLE_FILE', `题库“${table.fileName}”缺少列：${missing.join('、')}。`);
  const questions: ParsedQuestion[] = [];
  const errors: Issue[] = [];
  const seen = new Map<number, number>();
  for (const row of table.rows) {
    const cell = (i: number | undefined) => (i === undefined ? null : text(row.cells[i]));
    if (row.cells.every((c) => c === null || c === '')) continue;
    const noText = cell(at.no);
    const problem = (columnName: string, code: string, message: string) => errors.push({ row: row.number, no: noText, column: columnName, code, message });
    const before = errors.length;
    const no = noText && /^\d{1,5}$/.test(noText) ? Number(noText) : null;
    if (no === null) problem('题号', 'bad-no', noText ? `题号“${noText}”应为正整数` : '缺少题号');
    else if (seen.has(no)) problem('题号', 'duplicate-no', `题号 ${no} 与第 ${seen.get(no)} 行重复`);
    else seen.set(no, row.number);
    const typeText = cell(at.type) ?? '';
    const type = typeWords[typeText.replace(/\s/g, '')];
    if (!type) problem('题型', 'bad-type', typeText ? `题型“${typeText}”应为 判断、单选 或 多选` : '缺少题型');
    // stems and options as written; the other columns are read half-width for matching
    const exact = (i: number | undefined) => (i === undefined ? null : exactText(row.cells[i]));
    const stem = exact(at.stem);
    if (!stem) problem('题干', 'no-stem', '缺少题干');
    const options = at.options.map((i) => exact(i) ?? '');
    while (options.length && !options.at(-1)) options.pop();
    if (type && type !== 'judge') {
      if (options.length < 2) problem('选项', 'few-options', '选择题至少应有选项 A 和 B');
      else if (options.some((o) => !o)) problem('选项', 'gap-in-options', `选项 ${OPTION_LETTERS[options.findIndex((o) => !o)]} 为空，后面却还有选项`);
    }
    const answerText = cell(at.answer) ?? '';
    let answer: string | null = null;
    if (type) {
      const key = normaliseKey(type, answerText, type === 'judge' ? 0 : Math.max(options.length, 2));
      if (key.ok) answer = key.key;
      else problem('答案', 'bad-answer', key.message);
    }
    const pointsText = cell(at.points);
    const points = pointsText === null ? 1 : Number(pointsText);
    if (!(points > 0 && points <= 100)) problem('分值', 'bad-points', `分值“${pointsText}”应为大于 0 的数`);
    if (errors.length === before && no !== null && type && stem && answer) {
      questions.push({ row: row.number, no, type, stem, options: type === 'judge' ? [] : options, answer, points, module: cell(at.module) });
    }
  }
  if (questions.length === 0 && errors.length === 0) throw new AppError('UNREADABLE_FILE', `题库“${table.fileName}”中没有试题。`);
  return { questions, errors };
}

export async function importBank(ctx: CoreContext, input: ParsedInput<'training.importBank'>): Promise<z.infer<typeof BankImported>> {
  const identity = requireIdentity(ctx);
  const file = resolveFile(ctx, input.source);
  const table = await readTable(file.path, file.fileName, '题干', '题库');
  const { questions, errors } = parseBank(table);
  if (errors.length) {
    throw new AppError('VALIDATION', `题库中有 ${errors.length} 处无法识别（${errors.slice(0, 3).map((e) => `第 ${e.row} 行：${e.message}`).join('；')}${errors.length > 3 ? '…' : ''}），未导入。请修改后重新导入。`, { errors });
  }
  const w = beginWrite(ctx, identity, 'training.importBank');
  const bankId = inTransaction(w, () => {
    const bank = bankRows.insert(w, { title: input.title, sourceFile: file.fileName, importedAt: w.now }, { audit: { after: { title: input.title, file: file.fileName, questions: questions.length } } });
    // The questions are written beside the write layer on purpose: the bank's audit entry
    // counts them, as an import has always been one entry, not one per question.
    const sync = { originNode: identity.id, createdAt: w.now, updatedAt: w.now, version: 1, deletedAt: null };
    for (const q of questions) {
      ctx.database.db
        .insert(questionsTable)
        .values({ ...sync, id: newId(), bankId: bank.id, no: q.no, type: q.type, stem: q.stem, options: JSON.stringify(q.options), answer: q.answer, points: q.points, module: q.module })
        .run();
    }
    return bank.id;
  });
  return { bank: bankSummary(ctx, bankId), errors: [] };
}
