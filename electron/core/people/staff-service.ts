import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../api/contract.ts';
import { staff } from '../../../db/schema/index.ts';
import { AppError } from '../../api/errors.ts';
import type { Session, Staff } from '../../api/schemas/people.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { newId } from '../ids.ts';
import { requireIdentity } from '../node/node-service.ts';
import { normalizeText } from '../text.ts';
import { all, get, sql, sqlRaw, value } from '../data/query.ts';
import { currentOperator } from './operator.ts';

// 经办人员: this desk's own list of people (db/schema/staff.ts). A person is never
// deleted, only deactivated: their name stays in old records and in the audit log.

interface StaffRow {
  id: string;
  name: string;
  title: string;
  active: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

// `active` as SQLite stores it (1/0): the list sorts on it before toStaff turns it into a boolean
const select = sqlRaw('SELECT id, name, title, active, version, created_at AS createdAt, updated_at AS updatedAt FROM staff');
const toStaff = (r: StaffRow): Staff => ({ ...r, active: r.active === 1 });

export function listStaff(ctx: CoreContext, input: ParsedInput<'staff.list'>): Staff[] {
  const rows = all(ctx.database.sqlite, sql<StaffRow>`${select}${sqlRaw(input.includeInactive ? '' : ' WHERE active = 1')}`);
  rows.sort((a, b) => b.active - a.active || a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1));
  return rows.map(toStaff);
}

function activeCount(ctx: CoreContext): number {
  return value(ctx.database.sqlite, sql<number>`SELECT count(*) FROM ${staff} WHERE ${staff.active} = 1`) ?? 0;
}

function readStaff(ctx: CoreContext, id: string): StaffRow {
  const row = get(ctx.database.sqlite, sql<StaffRow>`${select} WHERE id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', '找不到该人员，请刷新名单后重试');
  return row;
}

function refuseTakenName(ctx: CoreContext, name: string, exceptId: string | null): void {
  const other = get(ctx.database.sqlite, sql<{ id: string; active: number }>`SELECT ${staff.id}, ${staff.active} FROM ${staff} WHERE ${staff.name} = ${name} AND ${staff.id} IS NOT ${exceptId}`);
  if (!other) return;
  const where = other.active ? '' : '（已停用，可在名单中恢复）';
  throw new AppError('DUPLICATE', `名单中已有“${name}”${where}。同名的两人请加以区分，如“${name}（综合科）”`, { field: 'name' });
}

export function sessionOf(ctx: CoreContext): Session {
  return { operator: currentOperator(ctx), activeStaff: activeCount(ctx) };
}

/** Inserts a person and records it; call inside the caller's transaction. */
export function insertStaff(ctx: CoreContext, nodeId: string, given: { name: string; title: string }, options: { becomeOperator: boolean }): Staff {
  const name = normalizeText(given.name);
  const title = normalizeText(given.title);
  refuseTakenName(ctx, name, null);
  const now = ctx.now().toISOString();
  const row: StaffRow = { id: newId(), name, title, active: 1, version: 1, createdAt: now, updatedAt: now };
  // a local table (never synced): drizzle's builder, no sync columns
  ctx.database.db.insert(staff).values({ id: row.id, name, title, active: true, version: 1, createdAt: now, updatedAt: now }).run();
  if (options.becomeOperator) ctx.operator = { staffId: row.id, name, title };
  appendAudit(ctx, { nodeId, call: 'staff.add', table: 'staff', rowIds: [row.id], after: { name, title } });
  return toStaff(row);
}

/** Runs a transaction that may choose the 经办人; a refused one leaves the session's 经办人 as it was. */
export function keepingOperatorOnFailure<T>(ctx: CoreContext, work: () => T): T {
  const before = ctx.operator;
  try {
    return work();
  } catch (error) {
    ctx.operator = before;
    throw error;
  }
}

/**
 * Adds a person. With nobody chosen yet (the chooser at start, or a node set up before
 * the list existed) the person adding themselves becomes the 经办人 and their own
 * addition is recorded under their name; otherwise the 经办人 records it.
 */
export function addStaff(ctx: CoreContext, input: ParsedInput<'staff.add'>): Staff {
  const identity = requireIdentity(ctx);
  return keepingOperatorOnFailure(ctx, () =>
    ctx.database.sqlite
      .transaction(() => insertStaff(ctx, identity.id, input, { becomeOperator: !currentOperator(ctx) }))
      .immediate(),
  );
}

/** Renames, retitles, deactivates or restores a person at the version the user saw. */
export function updateStaff(ctx: CoreContext, input: ParsedInput<'staff.update'>): Staff {
  const identity = requireIdentity(ctx);
  const { sqlite } = ctx.database;
  return sqlite.transaction(() => {
    const row = readStaff(ctx, input.id);
    if (row.version !== input.version) throw new AppError('CONFLICT', `“${row.name}”已被修改（可能在另一窗口），请刷新名单后重试`);
    const name = input.name === undefined ? row.name : normalizeText(input.name);
    const title = input.title === undefined ? row.title : normalizeText(input.title);
    const active = input.active === undefined ? row.active === 1 : input.active;
    if (name !== row.name) refuseTakenName(ctx, name, row.id);
    if (!active && row.active) {
      if (currentOperator(ctx)?.staffId === row.id) throw new AppError('CONFLICT', `“${row.name}”是当前经办人，不能停用本人。请先切换为其他经办人再停用。`, { field: 'active' });
      if (activeCount(ctx) <= 1) throw new AppError('CONFLICT', `“${row.name}”是名单中唯一在用的人员，停用后无人可以办理。请先新增其他人员。`, { field: 'active' });
    }
    const now = ctx.now().toISOString();
    const updated: StaffRow = { ...row, name, title, active: active ? 1 : 0, version: row.version + 1, updatedAt: now };
    ctx.database.db.update(staff).set({ name, title, active, version: updated.version, updatedAt: now }).where(eq(staff.id, row.id)).run();
    appendAudit(ctx, {
      nodeId: identity.id,
      call: 'staff.update',
      table: 'staff',
      rowIds: [row.id],
      before: { name: row.name, title: row.title, active: row.active === 1 },
      after: { name, title, active },
    });
    return toStaff(updated);
  }).immediate();
}

/** Chooses the 经办人 of this session from the active people of the list. */
export function setOperator(ctx: CoreContext, input: ParsedInput<'session.setOperator'>): Session {
  const row = readStaff(ctx, input.staffId);
  if (!row.active) throw new AppError('VALIDATION', `“${row.name}”已停用，不能作为经办人。请选择名单中在用的人员。`, { field: 'staffId' });
  ctx.operator = { staffId: row.id, name: row.name, title: row.title };
  return sessionOf(ctx);
}

/**
 * Chooses the active person of that name, if there is one (the browser host's
 * --operator for development and tests); true when chosen. Writes nothing.
 */
export function chooseOperatorByName(ctx: CoreContext, name: string): boolean {
  const row = get(ctx.database.sqlite, sql<StaffRow>`${select} WHERE name = ${normalizeText(name)} AND active = 1`);
  if (!row) return false;
  ctx.operator = { staffId: row.id, name: row.name, title: row.title };
  return true;
}
