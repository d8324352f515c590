import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { NodeIdentity } from '../../api/schemas/node.ts';
import type { Unit } from '../../api/schemas/unit.ts';
import { districts, equipment, safetyManagers, units } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { newId } from '../ids.ts';
import { requireIdentity } from '../node/node-service.ts';
import { nameInitials } from '../pinyin.ts';
import { normalizeText } from '../text.ts';
import { checkUscc } from '../validation/uscc.ts';
import { toUnit, unitReadContext } from './unit-rows.ts';

type UnitFields = ParsedInput<'units.create'>;

export function getUnit(ctx: CoreContext, id: string): Unit {
  const read = unitReadContext(ctx);
  const row = ctx.database.sqlite.prepare(`${read.selectSql} WHERE u.id = ?`).get(...read.selectParams, id) as Record<string, unknown> | undefined;
  if (!row || row['deletedAt']) throw new AppError('NOT_FOUND', '该使用单位不存在或已被删除，请刷新列表');
  return toUnit(row, read.settings);
}

/** Normalises and checks the domain rules the zod shape cannot: check digit, district, duplicates. */
function prepareFields(ctx: CoreContext, identity: NodeIdentity, input: UnitFields, selfId?: string) {
  const { db } = ctx.database;
  const uscc = checkUscc(input.uscc);
  if (!uscc.ok) throw new AppError('VALIDATION', uscc.message, { field: 'uscc' });

  const district = db
    .select({ id: districts.id, name: districts.name })
    .from(districts)
    .where(and(eq(districts.id, input.districtId), isNull(districts.deletedAt)))
    .get();
  if (!district) throw new AppError('VALIDATION', '所选分局不存在，请重新选择', { field: 'districtId' });
  if (identity.role === 'district' && identity.districtId && district.id !== identity.districtId) {
    throw new AppError('FORBIDDEN', '分局只能登记本辖区的使用单位，请选择本分局', { field: 'districtId' });
  }

  const clash = db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(
      and(
        eq(units.districtId, district.id),
        eq(units.uscc, uscc.value),
        isNull(units.deletedAt),
        selfId ? ne(units.id, selfId) : undefined,
      ),
    )
    .get();
  if (clash) {
    throw new AppError('DUPLICATE', `统一社会信用代码 ${uscc.value} 已登记为“${clash.name}”，同一分局不能重复登记`, { field: 'uscc' });
  }

  const name = normalizeText(input.name);
  return {
    districtId: district.id,
    name,
    nameInitials: nameInitials(name),
    uscc: uscc.value,
    usccLegacy: uscc.legacy,
    address: input.address,
    industry: input.industry,
    contactPerson: input.contactPerson,
    contactPhone: input.contactPhone,
    notes: input.notes,
  };
}

export function createUnit(ctx: CoreContext, input: UnitFields): Unit {
  const identity = requireIdentity(ctx);
  const { db } = ctx.database;
  const id = db.transaction(() => {
    const fields = prepareFields(ctx, identity, input);
    const now = ctx.now().toISOString();
    const row = { id: newId(), originNode: identity.id, createdAt: now, updatedAt: now, version: 1, deletedAt: null, ...fields };
    db.insert(units).values(row).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'units.create', table: 'units', rowIds: [row.id], after: row });
    return row.id;
  });
  return getUnit(ctx, id);
}

/** Loads a live unit this node may change, at the version the user saw. */
function loadOwned(ctx: CoreContext, identity: NodeIdentity, id: string, version: number) {
  const before = ctx.database.db.select().from(units).where(eq(units.id, id)).get();
  if (!before || before.deletedAt) throw new AppError('NOT_FOUND', '该使用单位不存在或已被删除，请刷新列表');
  if (before.originNode !== identity.id) {
    throw new AppError('FORBIDDEN', '该使用单位由其他节点登记，只能由登记它的单位修改');
  }
  if (before.version !== version) {
    throw new AppError('CONFLICT', '该使用单位已被修改（可能在另一窗口），请刷新后重新编辑', { currentVersion: before.version });
  }
  return before;
}

export function updateUnit(ctx: CoreContext, input: ParsedInput<'units.update'>): Unit {
  const identity = requireIdentity(ctx);
  const { db } = ctx.database;
  db.transaction(() => {
    const before = loadOwned(ctx, identity, input.id, input.version);
    const fields = prepareFields(ctx, identity, input.data, input.id);
    const after = { ...before, ...fields, updatedAt: ctx.now().toISOString(), version: before.version + 1 };
    db.update(units).set(after).where(eq(units.id, input.id)).run();
    appendAudit(ctx, { nodeId: identity.id, call: 'units.update', table: 'units', rowIds: [input.id], before, after });
  });
  return getUnit(ctx, input.id);
}

/** Tombstones the unit and, with it, its equipment and safety managers, so the deletion travels in bundles. */
export function deleteUnit(ctx: CoreContext, input: ParsedInput<'units.delete'>) {
  const identity = requireIdentity(ctx);
  const { db } = ctx.database;
  return db.transaction(() => {
    const before = loadOwned(ctx, identity, input.id, input.version);
    const deletedAt = ctx.now().toISOString();
    const tombstone = { deletedAt, updatedAt: deletedAt };
    const children = [
      { table: equipment, name: 'equipment' },
      { table: safetyManagers, name: 'safety_managers' },
    ] as const;
    const counts = children.map(({ table, name }) => {
      const live = and(eq(table.unitId, input.id), isNull(table.deletedAt));
      const ids = db.select({ id: table.id }).from(table).where(live).all().map((r) => r.id);
      if (ids.length > 0) {
        db.update(table).set({ ...tombstone, version: sql`${table.version} + 1` }).where(live).run();
        appendAudit(ctx, { nodeId: identity.id, call: 'units.delete', table: name, rowIds: ids, after: tombstone });
      }
      return ids.length;
    });
    db.update(units)
      .set({ ...tombstone, version: before.version + 1 })
      .where(eq(units.id, input.id))
      .run();
    appendAudit(ctx, { nodeId: identity.id, call: 'units.delete', table: 'units', rowIds: [input.id], before, after: tombstone });
    return { id: input.id, deletedAt, equipmentDeleted: counts[0]!, managersDeleted: counts[1]! };
  });
}
