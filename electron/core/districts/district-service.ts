import { and, asc, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { District } from '../../api/schemas/district.ts';
import { districts } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { newId } from '../ids.ts';
import { requireIdentity } from '../node/node-service.ts';

export function listDistricts(ctx: CoreContext, input: ParsedInput<'districts.list'>): District[] {
  const live = isNull(districts.deletedAt);
  return ctx.database.db
    .select()
    .from(districts)
    .where(input.includeInactive ? live : and(live, eq(districts.active, true)))
    .orderBy(asc(districts.sortOrder), asc(districts.name))
    .all();
}

/** The district list is the city bureau's reference data: only the bureau edits it. */
export function saveDistrict(ctx: CoreContext, input: ParsedInput<'districts.save'>): District {
  const identity = requireIdentity(ctx);
  const { db } = ctx.database;
  const now = ctx.now().toISOString();
  return db.transaction(() => {
    const clash = db
      .select({ id: districts.id })
      .from(districts)
      .where(and(eq(districts.name, input.name), isNull(districts.deletedAt)))
      .get();
    if (clash && clash.id !== input.id) throw new AppError('DUPLICATE', `已有名为“${input.name}”的分局`, { field: 'name' });

    const fields = { name: input.name, pilot: input.pilot, sortOrder: input.sortOrder, active: input.active };
    if (!input.id) {
      const row = { id: newId(), originNode: identity.id, createdAt: now, updatedAt: now, version: 1, deletedAt: null, ...fields };
      db.insert(districts).values(row).run();
      appendAudit(ctx, { nodeId: identity.id, call: 'districts.save', table: 'districts', rowIds: [row.id], after: row });
      return row;
    }
    const before = db.select().from(districts).where(eq(districts.id, input.id)).get();
    if (!before || before.deletedAt) throw new AppError('NOT_FOUND', '该分局不存在或已删除');
    if (input.version !== undefined && before.version !== input.version) {
      throw new AppError('CONFLICT', '该分局已被修改，请刷新后重试');
    }
    const after = { ...before, ...fields, updatedAt: now, version: before.version + 1 };
    db.update(districts).set(after).where(eq(districts.id, input.id)).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'districts.save', table: 'districts', rowIds: [after.id], before, after });
    return after;
  });
}
