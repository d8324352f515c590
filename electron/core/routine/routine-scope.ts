import { AppError } from '../../api/errors.ts';
import { eq } from 'drizzle-orm';
import { blockMembers, blocks, units } from '../../../db/schema/index.ts';
import { all, sql } from '../data/query.ts';
import type { CoreContext } from '../context.ts';
import type { DistrictIdentity } from '../node/node-service.ts';
import { localDate } from '../registry/as-of.ts';

// What every change to a block's routine starts with: a district office, acting on a
// live block it made, at the version the user saw. The bureau reads the rows from bundles.

export function today(ctx: CoreContext): string {
  return localDate(ctx.now());
}

export interface OwnBlock {
  id: string;
  name: string;
  leadUnitId: string | null;
}

/** A live block of this office that is not dissolved. */
export function loadOwnBlock(ctx: CoreContext, identity: DistrictIdentity, blockId: string): OwnBlock {
  const row = ctx.database.db
    .select({ id: blocks.id, name: blocks.name, leadUnitId: blocks.leadUnitId, originNode: blocks.originNode, dissolvedAt: blocks.dissolvedAt, deletedAt: blocks.deletedAt })
    .from(blocks)
    .where(eq(blocks.id, blockId))
    .get();
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', '所选安全管理小组不存在或已被删除，请刷新后重选。', { field: 'blockId' });
  if (row.originNode !== identity.id) throw new AppError('FORBIDDEN', `小组“${row.name}”由其他节点编排，只能由编排它的分局记录其活动。`, { field: 'blockId' });
  if (row.dissolvedAt) throw new AppError('CONFLICT', `小组“${row.name}”已解散，不能再记录其活动。`, { field: 'blockId' });
  return { id: row.id, name: row.name, leadUnitId: row.leadUnitId };
}

/** The block's current member units, by name. */
export function currentMembers(ctx: CoreContext, blockId: string): Array<{ unitId: string; name: string }> {
  const m = blockMembers;
  return all(
    ctx.database.sqlite,
    sql<{ unitId: string; name: string }>`SELECT u.${units.id} AS unitId, u.${units.name} FROM ${m} m JOIN ${units} u ON u.${units.id} = m.${m.unitId}
       WHERE m.${m.blockId} = ${blockId} AND m.${m.leftAt} IS NULL AND m.${m.deletedAt} IS NULL ORDER BY u.${units.name}, u.${units.id}`,
  );
}

/** The words for a row of this routine that cannot be changed here, naming the record at hand. */
export function ownWords(what: string): { foreign: string; conflict: string } {
  return { foreign: `该${what}由其他节点登记，只能由登记它的分局修改。`, conflict: `该${what}已被修改（可能在另一窗口），请刷新后再操作。` };
}

/** A change names the version the user saw (a new row has none). */
export function requireVersion(version: number | undefined, what: string): void {
  if (version === undefined) throw new AppError('VALIDATION', `修改${what}需要其版本号，请刷新后重试。`, { field: 'version' });
}

/** Refuses a row of another node, or one changed since the user read it (for a row read for its page, not written). */
export function checkOwnRow(identity: DistrictIdentity, row: { originNode: string; version: number }, version: number | undefined, what: string): void {
  const words = ownWords(what);
  if (row.originNode !== identity.id) throw new AppError('FORBIDDEN', words.foreign);
  requireVersion(version, what);
  if (row.version !== version) throw new AppError('CONFLICT', words.conflict, { currentVersion: row.version });
}

/** A JSON column read back (written by this module, so its shape is known). */
export function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
