import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { blockInspectors, blockMembers, blockSupervisors } from '../../../db/schema/index.ts';
import { appendAudit } from '../audit.ts';
import type { CoreContext } from '../context.ts';
import { newId } from '../ids.ts';
import type { DistrictIdentity } from '../node/node-service.ts';

// A block's links to its members, inspectors and supervisors. A change of a block's
// sets writes many links under one audit entry per table, which the write layer's
// one-row calls cannot say, so the links go through drizzle's builder with the sync
// columns set here as the layer sets them (the change-log triggers fire the same).

/** The sync columns of a new link of this node. */
interface NewLink {
  id: string;
  originNode: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  blockId: string;
}

/** One kind of link: the audit's names for its table and columns, and its three writes. */
export interface LinkTable {
  table: 'block_members' | 'block_inspectors' | 'block_supervisors';
  column: 'unit_id' | 'inspector_id' | 'manager_id';
  start: 'joined_at' | 'assigned_at';
  end: 'left_at' | 'removed_at';
  active(db: Db, blockId: string): { id: string; target: string }[];
  /** ends one link; a member leaving also records why */
  endLink(db: Db, id: string, now: string, leaveReason: string | null): void;
  add(db: Db, links: NewLink[], targets: readonly string[], now: string): void;
}

const bump = (version: typeof blockMembers.version | typeof blockInspectors.version | typeof blockSupervisors.version) => sql`${version} + 1`;

export const memberLinks: LinkTable = {
  table: 'block_members',
  column: 'unit_id',
  start: 'joined_at',
  end: 'left_at',
  active: (db, blockId) =>
    db
      .select({ id: blockMembers.id, target: blockMembers.unitId })
      .from(blockMembers)
      .where(and(eq(blockMembers.blockId, blockId), isNull(blockMembers.leftAt), isNull(blockMembers.deletedAt)))
      .all(),
  endLink: (db, id, now, leaveReason) => {
    db.update(blockMembers).set({ leftAt: now, updatedAt: now, version: bump(blockMembers.version), leftReason: leaveReason }).where(eq(blockMembers.id, id)).run();
  },
  add: (db, links, targets, now) => {
    db.insert(blockMembers)
      .values(links.map((l, i) => ({ ...l, unitId: targets[i]!, joinedAt: now })))
      .run();
  },
};

export const inspectorLinks: LinkTable = {
  table: 'block_inspectors',
  column: 'inspector_id',
  start: 'assigned_at',
  end: 'removed_at',
  active: (db, blockId) =>
    db
      .select({ id: blockInspectors.id, target: blockInspectors.inspectorId })
      .from(blockInspectors)
      .where(and(eq(blockInspectors.blockId, blockId), isNull(blockInspectors.removedAt), isNull(blockInspectors.deletedAt)))
      .all(),
  endLink: (db, id, now) => {
    db.update(blockInspectors).set({ removedAt: now, updatedAt: now, version: bump(blockInspectors.version) }).where(eq(blockInspectors.id, id)).run();
  },
  add: (db, links, targets, now) => {
    db.insert(blockInspectors)
      .values(links.map((l, i) => ({ ...l, inspectorId: targets[i]!, assignedAt: now })))
      .run();
  },
};

export const supervisorLinks: LinkTable = {
  table: 'block_supervisors',
  column: 'manager_id',
  start: 'assigned_at',
  end: 'removed_at',
  active: (db, blockId) =>
    db
      .select({ id: blockSupervisors.id, target: blockSupervisors.managerId })
      .from(blockSupervisors)
      .where(and(eq(blockSupervisors.blockId, blockId), isNull(blockSupervisors.removedAt), isNull(blockSupervisors.deletedAt)))
      .all(),
  endLink: (db, id, now) => {
    db.update(blockSupervisors).set({ removedAt: now, updatedAt: now, version: bump(blockSupervisors.version) }).where(eq(blockSupervisors.id, id)).run();
  },
  add: (db, links, targets, now) => {
    db.insert(blockSupervisors)
      .values(links.map((l, i) => ({ ...l, managerId: targets[i]!, assignedAt: now })))
      .run();
  },
};

/**
 * Makes the block's active links of one kind equal to `wanted`: links not wanted any
 * more are ended (never deleted), new ones inserted after, so a unit moving between
 * blocks never has two active rows, here or at the bureau. Audited in one entry.
 */
export function syncLinks(
  ctx: CoreContext,
  identity: DistrictIdentity,
  call: string,
  blockId: string,
  links: LinkTable,
  wanted: readonly string[],
  now: string,
  leaveReason: string | null,
): { added: string[]; ended: string[] } {
  const { db } = ctx.database;
  const active = links.active(db, blockId);
  const wantedSet = new Set(wanted);
  const activeTargets = new Set(active.map((a) => a.target));
  const ending = active.filter((a) => !wantedSet.has(a.target));
  const adding = wanted.filter((w) => !activeTargets.has(w));
  // one at a time, in the order read, so the change log lists them as it always has
  for (const row of ending) links.endLink(db, row.id, now, leaveReason);
  if (adding.length > 0) {
    const added = adding.map((): NewLink => ({ id: newId(), originNode: identity.id, createdAt: now, updatedAt: now, version: 1, blockId }));
    links.add(db, added, adding, now);
    appendAudit(ctx, {
      nodeId: identity.id,
      call,
      table: links.table,
      rowIds: added.map((l) => l.id),
      after: { blockId, [links.column]: adding, [links.start]: now },
    });
  }
  if (ending.length > 0) {
    appendAudit(ctx, {
      nodeId: identity.id,
      call,
      table: links.table,
      rowIds: ending.map((e) => e.id),
      before: { blockId, [links.column]: ending.map((e) => e.target), [links.end]: null },
      after: { [links.end]: now, ...(links.table === 'block_members' ? { left_reason: leaveReason } : {}) },
    });
  }
  return { added: adding, ended: ending.map((e) => e.target) };
}
