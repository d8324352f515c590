import { eq } from 'drizzle-orm';
import { staff } from '../../../db/schema/index.ts';
import { AppError } from '../../api/errors.ts';
import type { Operator } from '../../api/schemas/people.ts';
import type { CoreContext } from '../context.ts';

export const OPERATOR_REQUIRED_MESSAGE = '请先选择经办人：本机的每一项操作都记录由谁办理。请在页面顶部“经办人”处选择本人后重试。';

/**
 * The session's 经办人 as the staff list has them now: a rename is followed, and a
 * person deactivated since (here or by the CLI) is no longer the 经办人.
 */
export function currentOperator(ctx: CoreContext): Operator | null {
  const op = ctx.operator;
  if (!op?.staffId) return op;
  const row = ctx.database.db.select({ name: staff.name, title: staff.title, active: staff.active }).from(staff).where(eq(staff.id, op.staffId)).get();
  if (!row || !row.active) return null;
  if (row.name !== op.name || row.title !== op.title) ctx.operator = { staffId: op.staffId, name: row.name, title: row.title };
  return ctx.operator;
}

/** The name a write records; refuses the write when nobody is chosen. */
export function requireOperatorName(ctx: CoreContext): string {
  const op = currentOperator(ctx);
  if (op) return op.name;
  if (ctx.operator) {
    const gone = ctx.operator.name;
    ctx.operator = null;
    throw new AppError('OPERATOR_REQUIRED', `经办人“${gone}”已停用，请重新选择经办人。`);
  }
  throw new AppError('OPERATOR_REQUIRED', OPERATOR_REQUIRED_MESSAGE);
}

/** Runs work the program does by itself (clean-up at start) under a name that says so, then restores the session's 经办人. */
export function asProgram<T>(ctx: CoreContext, what: string, work: () => T): T {
  const before = ctx.operator;
  ctx.operator = { staffId: null, name: `程序（${what}）`, title: null };
  try {
    return work();
  } finally {
    ctx.operator = before;
  }
}
