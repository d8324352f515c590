import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import { maskPersonalData } from './audit/pii.ts';
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

export type AuditRow = typeof auditLog.$inferSelect;
/** The fields an entry's hash covers: everything but its place in the chain. */
export type AuditBody = Pick<AuditRow, 'id' | 'nodeId' | 'at' | 'actor' | 'call' | 'tableName' | 'rowIds' | 'before' | 'after'>;

/** sha256(previous hash, the entry's fields): also recomputed by the bureau from an office's proof. */
export function entryHash(prevHash: string, row: AuditBody): string {
  const body = JSON.stringify([row.id, row.nodeId, row.at, row.actor, row.call, row.tableName, row.rowIds, row.before, row.after]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends one entry chained to the previous one; returns its sequence number. Call
 * inside the change's transaction. Personal fields in before/after are masked here,
 * once for every caller (audit/pii.ts).
 */
export function appendAudit(ctx: CoreContext, entry: AuditEntryInput): number {
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
    before: entry.before === undefined ? null : JSON.stringify(maskPersonalData(entry.before)),
    after: entry.after === undefined ? null : JSON.stringify(maskPersonalData(entry.after)),
  };
  const inserted = db.insert(auditLog).values({ ...row, prevHash, hash: entryHash(prevHash, row) }).run();
  return Number(inserted.lastInsertRowid);
}

export interface ChainProblem {
  seq: number;
  message: string;
}

export interface ChainWalk {
  entries: number;
  head: { seq: number; hash: string } | null;
  problems: ChainProblem[];
}

const AUDIT_COLUMNS = 'seq, id, node_id AS nodeId, at, actor, call, table_name AS tableName, row_ids AS rowIds, before, after, prev_hash AS prevHash, hash';

/**
 * Walks the chain from the start and lists every entry whose link or hash does not
 * hold. After a fault the walk goes on from the stored hash, so one edited or
 * removed entry is one problem, not a cascade.
 */
export function walkAuditChain(ctx: CoreContext): ChainWalk {
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let entries = 0;
  const problems: ChainProblem[] = [];
  for (const row of ctx.database.sqlite.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY seq`).iterate() as IterableIterator<AuditRow>) {
    if (row.prevHash !== prevHash) {
      const missing = row.seq - prevSeq - 1;
      problems.push({
        seq: row.seq,
        message: missing > 0 ? `第 ${row.seq} 条之前缺少 ${missing} 条记录（${seqRange(prevSeq + 1, row.seq - 1)}被删除）` : `第 ${row.seq} 条与上一条记录的链接不符（有记录被删除、插入或改写）`,
      });
    } else if (row.seq !== prevSeq + 1) {
      problems.push({ seq: row.seq, message: `第 ${row.seq} 条的序号不连续（${seqRange(prevSeq + 1, row.seq - 1)}缺失）` });
    }
    if (entryHash(row.prevHash, row) !== row.hash) problems.push({ seq: row.seq, message: `第 ${row.seq} 条的内容与其哈希不符（记录被修改）` });
    prevHash = row.hash;
    prevSeq = row.seq;
    entries++;
  }
  return { entries, head: entries > 0 ? { seq: prevSeq, hash: prevHash } : null, problems };
}

/** 第 5 条 / 第 5～9 条 */
export function seqRange(from: number, to: number): string {
  return from === to ? `第 ${from} 条` : `第 ${from}～${to} 条`;
}

export type AuditVerification = { ok: true; entries: number } | { ok: false; seq: number; reason: string };

/** The chain alone (no anchors): the first entry whose link or hash does not hold. audit/verify.ts checks the anchors too. */
export function verifyAuditChain(ctx: CoreContext): AuditVerification {
  const walk = walkAuditChain(ctx);
  const first = walk.problems[0];
  return first ? { ok: false, seq: first.seq, reason: first.message } : { ok: true, entries: walk.entries };
}
