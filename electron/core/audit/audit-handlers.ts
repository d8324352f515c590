import type { auditCalls } from '../../api/calls/audit.ts';
import { contract, isCallName } from '../../api/contract.ts';
import type { HandlerGroup } from '../handler-types.ts';
import { verifyAudit } from './verify.ts';

export const auditHandlers: HandlerGroup<keyof typeof auditCalls> = {
  'audit.verify': (ctx) => verifyAudit(ctx),
  // newest first; before/after stay out: the page shows who did what, not the values
  'audit.list': (ctx, input) => {
    const sqlite = ctx.database.sqlite;
    const rows = sqlite
      .prepare(
        `SELECT seq, at, actor, call, table_name AS tableName, CASE WHEN json_valid(row_ids) THEN json_array_length(row_ids) END AS rows
         FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?`,
      )
      .all(input.endRow - input.startRow, input.startRow) as Array<{ seq: number; at: string; actor: string; call: string; tableName: string; rows: number | null }>;
    const { n } = sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
    return { total: n, rows: rows.map((r) => ({ ...r, callLabel: isCallName(r.call) ? contract[r.call].summary : r.call, rows: r.rows ?? 0 })) };
  },
};
