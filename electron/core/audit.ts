import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import type { CoreContext } from './context.ts';
import { newId } from './ids.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  nodeId: string;
  call: string;
  table: string;
  rowIds: string[];
  before?: unknown;
  after?: unknown;
}

type AuditRow = typeof auditLog.$inferSelect;

function entryHash(prevHash: string, row: Omit<AuditRow, 'seq' | 'hash' | 'prevHash'>): string {
  const body = JSON.stringify([row.id, row.nodeId, row.at, row.actor, row.call, row.tableName, row.rowIds, row.before, row.after]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Appends one entry chained to the previous one. Call inside the change's transaction. */
export function appendAudit(ctx: CoreContext, entry: AuditEntryInput): void {
  const { db } = ctx.database;
  const last = db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    id: newId(),
    nodeId: entry.nodeId,
    at: ctx.now().toISOString(),
    actor: ctx.actor,
    call: entry.call,
    tableName: entry.table,
    rowIds: JSON.stringify(entry.rowIds),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
  db.insert(auditLog).values({ ...row, prevHash, hash: entryHash(prevHash, row) }).run();
}

export type AuditVerification = { ok: true; entries: number } | { ok: false; seq: number; reason: string };

/** Walks the chain from the start; the first entry whose link or hash does not hold is reported. */
export function verifyAuditChain(ctx: CoreContext): AuditVerification {
  let prevHash = GENESIS_HASH;
  let entries = 0;
  for (const row of ctx.database.sqlite
    .prepare('SELECT seq, id, node_id AS nodeId, at, actor, call, table_name AS tableName, row_ids AS rowIds, before, after, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq')
    .iterate() as IterableIterator<AuditRow>) {
    if (row.prevHash !== prevHash) return { ok: false, seq: row.seq, reason: '与上一条记录的链接不符（有记录被删除或插入）' };
    if (entryHash(prevHash, row) !== row.hash) return { ok: false, seq: row.seq, reason: '记录内容与其哈希不符（记录被修改）' };
    prevHash = row.hash;
    entries++;
  }
  return { ok: true, entries };
}
