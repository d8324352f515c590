import { count } from 'drizzle-orm';
import { auditLog } from '../../../db/schema/index.ts';
import { all, sql } from '../data/query.ts';
import type { auditCalls } from '../../api/calls/audit.ts';
import { contract, isCallName } from '../../api/contract.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { verifyAudit } from './verify.ts';

export const auditHandlers: HandlerGroup<keyof typeof auditCalls> = {
  'audit.verify': (ctx) => verifyAudit(ctx),
  // newest first; before/after stay out: the page shows who did what, not the values
  'audit.list': (ctx, input) => {
    const { sqlite, db } = ctx.database;
    const a = auditLog;
    const rows = all(
      sqlite,
      sql<{ seq: number; at: string; actor: string; call: string; tableName: string; rows: number | null }>`
        SELECT ${a.seq}, ${a.at}, ${a.actor}, ${a.call}, ${a.tableName} AS tableName, CASE WHEN json_valid(${a.rowIds}) THEN json_array_length(${a.rowIds}) END AS rows
        FROM ${a} ORDER BY ${a.seq} DESC LIMIT ${input.endRow - input.startRow} OFFSET ${input.startRow}`,
    );
    const n = db.select({ n: count() }).from(a).get()?.n ?? 0;
    return { total: n, rows: rows.map((r) => ({ ...r, callLabel: isCallName(r.call) ? contract[r.call].summary : r.call, rows: r.rows ?? 0 })) };
  },
};
