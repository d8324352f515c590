import { and, eq, isNull } from 'drizzle-orm';
import { blocks } from '../../../db/schema/index.ts';
import type { ParsedInput } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { WorkLogEntry } from '../../api/schemas/chain-work.ts';
import type { CoreContext } from '../context.ts';
import { beginWrite, inTransaction } from '../data/write.ts';
import { requireDistrictIdentity, type DistrictIdentity } from '../node/node-service.ts';
import { localDate } from '../registry/as-of.ts';
import { workEntryRows } from './chain-work-rows.ts';
import { supervisorLog } from './supervisor-work.ts';

// Work of a supervisor that no other record shows (a visit to a member unit, a talk at a
// training day …), entered by the office. A mistaken entry is removed as a tombstone
// (deleted_at), so the removal travels to the bureau like the entry did.

/** A supervisor this office may log for: a current or former block supervisor of its blocks, or a certificate holder of its district. */
function checkSupervisor(ctx: CoreContext, identity: DistrictIdentity, managerId: string): void {
  // named parameters used in several places: a typed statement keeps the text
  const row = ctx.database.sqlite
    .prepare<[{ id: string; node: string }], { name: string; districtId: string; supervisor: number }>(
      `SELECT m.name, u.district_id AS districtId,
         EXISTS (SELECT 1 FROM block_supervisors bs WHERE bs.manager_id = m.id AND bs.origin_node = @node AND bs.deleted_at IS NULL)
         OR EXISTS (SELECT 1 FROM supervisor_certificates c WHERE c.manager_id = m.id AND c.deleted_at IS NULL AND c.revoked_at IS NULL)
         OR EXISTS (SELECT 1 FROM supervisor_pool p WHERE p.manager_id = m.id AND p.deleted_at IS NULL AND p.revoked_at IS NULL) AS supervisor
       FROM safety_managers m JOIN units u ON u.id = m.unit_id WHERE m.id = @id AND m.deleted_at IS NULL`,
    )
    .get({ id: managerId, node: identity.id });
  if (!row) throw new AppError('NOT_FOUND', '所选安全管理员不存在或已被删除，请刷新后重选。', { field: 'managerId' });
  if (row.supervisor !== 1) throw new AppError('VALIDATION', `${row.name}不是安全监督员（未在小组中担任监督员，也没有监督员证），不能登记监督员工作。`, { field: 'managerId' });
}

export function addSupervisorWork(ctx: CoreContext, input: ParsedInput<'chain.addSupervisorWork'>): WorkLogEntry {
  const identity = requireDistrictIdentity(ctx);
  if (input.doneOn > localDate(ctx.now())) throw new AppError('VALIDATION', '工作日期不能晚于今天。', { field: 'doneOn' });
  const { db } = ctx.database;
  const w = beginWrite(ctx, identity, 'chain.addSupervisorWork');
  const id = inTransaction(w, () => {
    checkSupervisor(ctx, identity, input.managerId);
    if (input.blockId) {
      const block = db.select({ originNode: blocks.originNode }).from(blocks).where(and(eq(blocks.id, input.blockId), isNull(blocks.deletedAt))).get();
      if (!block || block.originNode !== identity.id) throw new AppError('VALIDATION', '所选小组不是本分局的安全管理小组，请重新选择。', { field: 'blockId' });
    }
    const { managerId, blockId, doneOn, kind, content } = input;
    return workEntryRows.insert(w, { districtId: identity.districtId, managerId, blockId, doneOn, kind, content, recordedBy: ctx.actor }, { audit: { after: input } }).id;
  });
  return supervisorLog(ctx, { managerId: input.managerId }).find((e) => e.id === id)!;
}

export function removeSupervisorWork(ctx: CoreContext, input: ParsedInput<'chain.removeSupervisorWork'>): { removed: true } {
  const identity = requireDistrictIdentity(ctx);
  const w = beginWrite(ctx, identity, 'chain.removeSupervisorWork');
  return inTransaction(w, () => {
    const row = workEntryRows.owned(w, input.id, input.version);
    const { version, managerId, doneOn, kind, content } = row;
    workEntryRows.remove(w, row, { before: { version, managerId, doneOn, kind, content }, after: { deletedAt: w.now } });
    return { removed: true as const };
  });
}
