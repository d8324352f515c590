import { AppError } from '../../api/errors.ts';
import type { ParsedInput } from '../../api/contract.ts';
import type { Block } from '../../api/schemas/blocks.ts';
import { blockInspectors, blockMembers, blocks, inspectors as inspectorTable, safetyManagers, units as unitTable } from '../../../db/schema/index.ts';
import { all, sql } from '../data/query.ts';
import { syncedRows } from '../data/synced-rows.ts';
import { beginWrite, inTransaction, type Write } from '../data/write.ts';
import type { CoreContext } from '../context.ts';
import { normalizeText } from '../text.ts';
import { getBlock } from './block-read.ts';
import { inspectorLinks, memberLinks, supervisorLinks, syncLinks } from './block-links.ts';
import { requireDistrictIdentity, type DistrictIdentity } from '../node/node-service.ts';

type Fields = ParsedInput<'blocks.acceptSuggestion'>;
type Identity = DistrictIdentity;

const uniq = (ids: readonly string[]) => [...new Set(ids)];

const blockRows = syncedRows(blocks, {
  notFound: '该安全管理小组不存在或已被删除，请刷新',
  foreign: '该小组由其他节点编排，只能由编排它的分局修改',
  conflict: '该小组已被修改（可能在另一窗口），请刷新后重新编辑',
});

/** Loads a live, not dissolved block this node owns, at the version the user saw. */
function loadOwned(w: Write, id: string, version: number | undefined) {
  const row = blockRows.owned(w, id);
  if (row.dissolvedAt) throw new AppError('CONFLICT', '该小组已解散，不能再修改；如需恢复，请新建小组');
  if (version === undefined) throw new AppError('VALIDATION', '修改小组时缺少版本号，请刷新后重试', { field: 'version' });
  return blockRows.owned(w, id, version);
}

/**
 * Checks what the zod shape cannot: the name is free in the office, members are live
 * units of the district and in no other active block, the lead is a member, the
 * inspectors are the district's (new ones active), supervisors are managers of members.
 */
function checkFields(ctx: CoreContext, identity: Identity, input: Fields, selfId: string | null) {
  const { sqlite } = ctx.database;
  const name = normalizeText(input.name);
  const clash = sqlite
    .prepare('SELECT id FROM blocks WHERE origin_node = ? AND name = ? AND deleted_at IS NULL AND dissolved_at IS NULL AND id IS NOT ?')
    .get(identity.id, name, selfId);
  if (clash) throw new AppError('DUPLICATE', `已有名为“${name}”的小组，请换一个名称`, { field: 'name' });

  const memberIds = uniq(input.memberUnitIds);
  if (memberIds.length === 0) throw new AppError('VALIDATION', '请至少选择一家成员单位', { field: 'memberUnitIds' });
  const u = unitTable;
  const units = all(
    sqlite,
    sql<{ id: string; name: string }>`SELECT ${u.id}, ${u.name} FROM ${u}
      WHERE ${u.id} IN (SELECT value FROM json_each(${JSON.stringify(memberIds)})) AND ${u.deletedAt} IS NULL AND ${u.districtId} = ${identity.districtId}`,
  );
  if (units.length !== memberIds.length) {
    throw new AppError('VALIDATION', '所选成员中有单位不属于本辖区或已被删除，请刷新后重新选择', { field: 'memberUnitIds' });
  }
  const bm = blockMembers;
  const elsewhere = all(
    sqlite,
    sql<{ unitName: string; blockName: string }>`SELECT u.${u.name} AS unitName, b.${blocks.name} AS blockName FROM ${bm} bm
       JOIN ${blocks} b ON b.${blocks.id} = bm.${bm.blockId} JOIN ${u} u ON u.${u.id} = bm.${bm.unitId}
       WHERE bm.${bm.originNode} = ${identity.id} AND bm.${bm.unitId} IN (SELECT value FROM json_each(${JSON.stringify(memberIds)})) AND bm.${bm.leftAt} IS NULL AND bm.${bm.deletedAt} IS NULL
         AND bm.${bm.blockId} IS NOT ${selfId}
       ORDER BY u.${u.nameSort}`,
  );
  if (elsewhere.length > 0) {
    const first = elsewhere[0]!;
    const more = elsewhere.length > 1 ? `等 ${elsewhere.length} 家单位已在其他小组中` : '';
    throw new AppError('CONFLICT', `“${first.unitName}”已在小组“${first.blockName}”中${more}。一家单位只能属于一个小组，请先将其从原小组移出。`, {
      field: 'memberUnitIds',
    });
  }

  if (input.leadUnitId !== null && !memberIds.includes(input.leadUnitId)) {
    throw new AppError('VALIDATION', '牵头单位应是本小组的成员单位', { field: 'leadUnitId' });
  }

  const inspectorIds = uniq(input.inspectorIds);
  const i = inspectorTable;
  const bi = blockInspectors;
  const inspectors = all(
    sqlite,
    sql<{ id: string; name: string; active: number; assigned: number }>`SELECT i.${i.id}, i.${i.name}, i.${i.active},
              EXISTS (SELECT 1 FROM ${bi} bi WHERE bi.${bi.inspectorId} = i.${i.id} AND bi.${bi.blockId} IS ${selfId} AND bi.${bi.removedAt} IS NULL AND bi.${bi.deletedAt} IS NULL) AS assigned
       FROM ${i} i WHERE i.${i.id} IN (SELECT value FROM json_each(${JSON.stringify(inspectorIds)})) AND i.${i.deletedAt} IS NULL AND i.${i.districtId} = ${identity.districtId}`,
  );
  if (inspectors.length !== inspectorIds.length) {
    throw new AppError('VALIDATION', '所选监察人员不属于本辖区或已被删除，请刷新后重新选择', { field: 'inspectorIds' });
  }
  const inactive = inspectors.filter((i) => i.active !== 1 && i.assigned !== 1);
  if (inactive.length > 0) {
    throw new AppError('VALIDATION', `监察人员${inactive.map((i) => `“${i.name}”`).join('、')}已停用，不能再指派`, { field: 'inspectorIds' });
  }

  const supervisorIds = uniq(input.supervisorManagerIds);
  const m = safetyManagers;
  const managers = all(
    sqlite,
    sql<{ id: string; unitId: string }>`SELECT ${m.id}, ${m.unitId} AS unitId FROM ${m}
      WHERE ${m.id} IN (SELECT value FROM json_each(${JSON.stringify(supervisorIds)})) AND ${m.deletedAt} IS NULL`,
  );
  if (managers.length !== supervisorIds.length || managers.some((m) => !memberIds.includes(m.unitId))) {
    throw new AppError('VALIDATION', '安全监督员应从本小组成员单位的安全管理员中指定', { field: 'supervisorManagerIds' });
  }

  return { name, memberIds, inspectorIds, supervisorIds };
}

/** Creates a block (blocks.save without id, blocks.acceptSuggestion) with its members, inspectors and supervisors. */
export function createBlock(ctx: CoreContext, input: Fields, call: 'blocks.save' | 'blocks.acceptSuggestion'): Block {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, call);
  const id = inTransaction(w, () => {
    const checked = checkFields(ctx, identity, input, null);
    const row = blockRows.insert(w, { districtId: identity.districtId, name: checked.name, leadUnitId: input.leadUnitId, schedule: input.schedule, notes: input.notes });
    syncLinks(ctx, identity, call, row.id, memberLinks, checked.memberIds, w.now, null);
    syncLinks(ctx, identity, call, row.id, inspectorLinks, checked.inspectorIds, w.now, null);
    syncLinks(ctx, identity, call, row.id, supervisorLinks, checked.supervisorIds, w.now, null);
    return row.id;
  });
  return getBlock(ctx, id);
}

/** Edits a block at the version the user saw: fields, and members, inspectors and supervisors as whole sets. */
export function updateBlock(ctx: CoreContext, input: ParsedInput<'blocks.save'> & { id: string }): Block {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'blocks.save');
  inTransaction(w, () => {
    const before = loadOwned(w, input.id, input.version);
    const checked = checkFields(ctx, identity, input, input.id);
    blockRows.update(w, before, { name: checked.name, leadUnitId: input.leadUnitId, schedule: input.schedule, notes: input.notes });
    syncLinks(ctx, identity, 'blocks.save', input.id, memberLinks, checked.memberIds, w.now, input.leaveReason ?? '调整小组成员');
    syncLinks(ctx, identity, 'blocks.save', input.id, inspectorLinks, checked.inspectorIds, w.now, null);
    syncLinks(ctx, identity, 'blocks.save', input.id, supervisorLinks, checked.supervisorIds, w.now, null);
  });
  return getBlock(ctx, input.id);
}

export function saveBlock(ctx: CoreContext, input: ParsedInput<'blocks.save'>): Block {
  return input.id ? updateBlock(ctx, { ...input, id: input.id }) : createBlock(ctx, input, 'blocks.save');
}

/**
 * Dissolves a block: the block keeps its rows and history; its members leave, its
 * inspectors and supervisors are taken off, all at the dissolution's time, with the reason.
 */
export function dissolveBlock(ctx: CoreContext, input: ParsedInput<'blocks.dissolve'>): Block {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'blocks.dissolve');
  inTransaction(w, () => {
    const before = loadOwned(w, input.id, input.version);
    blockRows.update(w, before, { dissolvedAt: w.now, dissolvedReason: input.reason });
    const reason = `小组解散：${input.reason}`;
    syncLinks(ctx, identity, 'blocks.dissolve', input.id, memberLinks, [], w.now, reason);
    syncLinks(ctx, identity, 'blocks.dissolve', input.id, inspectorLinks, [], w.now, null);
    syncLinks(ctx, identity, 'blocks.dissolve', input.id, supervisorLinks, [], w.now, null);
  });
  return getBlock(ctx, input.id);
}
